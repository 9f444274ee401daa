/** State every screen shares: the open database, who the user is, the current error. */
import type { AssessorRole } from './bindings/AssessorRole';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import { AppError, toAppError } from './api';

export const session = $state({
  database: null as DatabaseInfo | null,
  user: null as string | null,
  error: null as AppError | null,
  /** The campaign the user is working on (chosen on the Start or Campaigns screen). */
  campaignId: null as number | null,
  /** Who the user is in that campaign: one of its assessors or moderators, if chosen. */
  assessorId: null as number | null,
  /** That assessor's role in the campaign. */
  assessorRole: null as AssessorRole | null,
});

/** Shows `reason` in the error banner. */
export function showError(reason: unknown): void {
  session.error = toAppError(reason);
}

/** Clears the error banner. */
export function clearError(): void {
  session.error = null;
}
