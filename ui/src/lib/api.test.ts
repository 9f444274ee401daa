import { describe, expect, it } from 'vitest';
import { AppError, createApi, toAppError, type Invoke } from './api';

/** A fake `invoke` that records calls and answers from `answer`. */
function fakeInvoke(answer: (cmd: string, args?: unknown) => unknown) {
  const calls: { cmd: string; args?: unknown }[] = [];
  const invoke = (async (cmd: string, args?: unknown) => {
    calls.push({ cmd, args });
    return answer(cmd, args);
  }) as Invoke;
  return { invoke, calls };
}

describe('toAppError', () => {
  it('keeps the shell’s code and message', () => {
    const err = toAppError({ code: 'not_found', message: 'role 7 not found' });
    expect(err).toBeInstanceOf(AppError);
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('not_found');
    expect(err.message).toBe('role 7 not found');
  });

  it('reads a plain string rejection from Tauri as an ipc error', () => {
    const err = toAppError('Command list_roles not allowed by ACL');
    expect(err.code).toBe('ipc');
    expect(err.message).toBe('Command list_roles not allowed by ACL');
  });

  it('names anything else as internal, keeping what it can', () => {
    expect(toAppError(new TypeError('x is undefined'))).toMatchObject({
      code: 'internal',
      message: 'x is undefined',
    });
    expect(toAppError(42)).toMatchObject({ code: 'internal', message: 'Unexpected error: 42' });
    expect(toAppError({ code: 3, message: 'not a string code' }).code).toBe('internal');
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError('no_user', 'Choose who you are');
    expect(toAppError(original)).toBe(original);
  });
});

describe('createApi', () => {
  it('calls each command by its Rust name with its arguments', async () => {
    const { invoke, calls } = fakeInvoke((cmd) => (cmd === 'open_database' ? { path: '/tmp/a.db' } : []));
    const api = createApi(invoke);
    await expect(api.openDatabase('/tmp/a.db')).resolves.toEqual({ path: '/tmp/a.db' });
    await api.listAuditEvents({ action_prefix: 'role.' });
    await api.importRoleFile('/tmp/role.json');
    await api.importJobDescriptionBytes('jd.md', new Uint8Array([35, 32, 65]));
    expect(calls).toEqual([
      { cmd: 'open_database', args: { path: '/tmp/a.db' } },
      { cmd: 'list_audit_events', args: { filter: { action_prefix: 'role.' } } },
      { cmd: 'import_role_file', args: { path: '/tmp/role.json' } },
      // A plain array: a Uint8Array would reach serde as an object with numbered keys.
      { cmd: 'import_job_description_bytes', args: { fileName: 'jd.md', bytes: [35, 32, 65] } },
    ]);
  });

  it('rejects with an AppError carrying the shell’s code', async () => {
    const { invoke } = fakeInvoke(() => {
      throw { code: 'no_database', message: 'No database is open.' };
    });
    const api = createApi(invoke);
    const err = await api.listRoles().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'no_database', message: 'No database is open.' });
  });
});
