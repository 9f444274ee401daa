/** State every screen shares: the open database, who is signed in, the current error. */
import type { AssessorRole } from './bindings/AssessorRole';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import type { User } from './bindings/User';
import type { Wire } from './wire';
import { AppError, toAppError } from './api';

export const session = $state({
  database: null as DatabaseInfo | null,
  /** Who is signed in. Changes only when the user signs in as someone on Start. */
  user: null as Wire<User> | null,
  error: null as AppError | null,
  /** The campaign the user is working on (chosen on the Start or Campaigns screen). */
  campaignId: null as number | null,
  /** The signed-in user's own record in that campaign (member, chair or moderator), if any. */
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
