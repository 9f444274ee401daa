/** State every screen shares: the open database, who the user is, the current error. */
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import { AppError, toAppError } from './api';

export const session = $state({
  database: null as DatabaseInfo | null,
  user: null as string | null,
  error: null as AppError | null,
});

/** Shows `reason` in the error banner. */
export function showError(reason: unknown): void {
  session.error = toAppError(reason);
}

/** Clears the error banner. */
export function clearError(): void {
  session.error = null;
}
