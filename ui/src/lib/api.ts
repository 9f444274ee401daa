/**
 * The one typed door to the Rust shell. Every `invoke` goes through `call`, which turns a
 * rejection into an `AppError` with a stable `code` and a readable `message`.
 */
import { invoke as tauriInvoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { AuditEvent } from './bindings/AuditEvent';
import type { AuditFilter } from './bindings/AuditFilter';
import type { DatabaseInfo } from './bindings/DatabaseInfo';
import type { IpcError } from './bindings/IpcError';
import type { StartupInfo } from './bindings/StartupInfo';
import type { StoredRole } from './bindings/StoredRole';
import type { Verification } from './bindings/Verification';
import type { Wire } from './wire';

/** An error from a command (or from IPC itself), as the UI handles it. */
export class AppError extends Error implements IpcError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/**
 * Whatever a command rejected with, as an `AppError`. The shell rejects with
 * `{ code, message }`; Tauri itself rejects with a plain string (e.g. a command the
 * capability does not allow); anything else is a bug in the UI and says so.
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isIpcError(reason)) return new AppError(reason.code, reason.message);
  if (typeof reason === 'string') return new AppError('ipc', reason);
  if (reason instanceof Error) return new AppError('internal', reason.message);
  return new AppError('internal', `Unexpected error: ${String(reason)}`);
}

/** The signature of Tauri's `invoke`, so tests can pass their own. */
export type Invoke = <T>(cmd: string, args?: InvokeArgs) => Promise<T>;

/** Builds the API over an `invoke` function (Tauri's in the app, a fake in tests). */
export function createApi(invoke: Invoke) {
  async function call<T>(cmd: string, args?: InvokeArgs): Promise<T> {
    try {
      return await invoke<T>(cmd, args);
    } catch (reason) {
      throw toAppError(reason);
    }
  }

  return {
    startupInfo: () => call<StartupInfo>('startup_info'),
    openDatabase: (path: string) => call<DatabaseInfo>('open_database', { path }),
    currentDatabase: () => call<DatabaseInfo | null>('current_database'),
    defaultDatabasePath: () => call<string>('default_database_path'),
    recentDatabases: () => call<string[]>('recent_databases'),
    setCurrentUser: (name: string) => call<string>('set_current_user', { name }),
    currentUser: () => call<string | null>('current_user'),
    listRoles: () => call<Wire<StoredRole>[]>('list_roles'),
    importRoleFile: (path: string) => call<Wire<StoredRole>>('import_role_file', { path }),
    verifyAudit: () => call<Verification>('verify_audit'),
    listAuditEvents: (filter: AuditFilter) =>
      call<Wire<AuditEvent>[]>('list_audit_events', { filter }),
    uiReady: () => call<void>('ui_ready'),
  };
}

/** The API type, for components that take it as a prop. */
export type Api = ReturnType<typeof createApi>;

/** The app's API, over Tauri's IPC. */
export const api: Api = createApi(tauriInvoke);
