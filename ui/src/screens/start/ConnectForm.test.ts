import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const connectShared = vi.fn();
const recentConnections = vi.fn();
const listUsers = vi.fn();
const listCampaigns = vi.fn();
vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      connectShared: (...a: unknown[]) => connectShared(...a),
      recentConnections: (...a: unknown[]) => recentConnections(...a),
      listUsers: (...a: unknown[]) => listUsers(...a),
      listCampaigns: (...a: unknown[]) => listCampaigns(...a),
    },
  };
});

const { AppError } = await import('../../lib/api');
const { session } = await import('../../lib/session.svelte');
const { default: ConnectForm } = await import('./ConnectForm.svelte');
const { default: IdentityChooser } = await import('./IdentityChooser.svelte');

const URL_ = 'postgresql://ann@db.example.org/panelmark';
const server = {
  kind: 'server' as const,
  path: URL_,
  server: "database 'panelmark' on db.example.org:5432",
};
const ann = { id: 3, login: 'ann', name: 'Ann Smith', hr_admin: false };

const urlField = () => screen.getByLabelText('Server URL') as HTMLInputElement;
const passwordField = () => screen.getByLabelText('Password (optional)') as HTMLInputElement;
const connectButton = () => screen.getByRole('button', { name: /^Connect/ }) as HTMLButtonElement;

beforeEach(() => {
  connectShared.mockReset();
  recentConnections.mockReset().mockResolvedValue([]);
  listUsers.mockReset().mockResolvedValue([]);
  listCampaigns.mockReset().mockResolvedValue([]);
  session.database = null;
  session.user = null;
  session.error = null;
  session.campaignId = null;
});

describe('ConnectForm', () => {
  it('has labelled fields, a password field, and connects only once a URL is typed', async () => {
    render(ConnectForm);
    expect(urlField().placeholder).toBe(URL_);
    expect(passwordField().type).toBe('password');
    expect(connectButton().disabled).toBe(true);
    await fireEvent.input(urlField(), { target: { value: `  ${URL_} ` } });
    expect(connectButton().disabled).toBe(false);
  });

  it('connects with the typed password, signs the server’s login in and forgets the password', async () => {
    connectShared.mockResolvedValue({ database: server, user: ann });
    session.campaignId = 7; // the last person's, on the last database
    render(ConnectForm);
    await waitFor(() => expect(recentConnections).toHaveBeenCalledTimes(1));
    recentConnections.mockResolvedValue([URL_]);
    await fireEvent.input(urlField(), { target: { value: URL_ } });
    await fireEvent.input(passwordField(), { target: { value: 'hunter2' } });
    await fireEvent.submit(screen.getByTestId('connect-form'));
    await waitFor(() => expect(session.user).toEqual(ann));
    expect(connectShared).toHaveBeenCalledWith(URL_, 'hunter2');
    expect(session.database).toEqual(server);
    expect(session.campaignId).toBeNull();
    expect(passwordField().value).toBe('');
    await screen.findByText(URL_);
    expect(screen.getByText('(connected)')).toBeTruthy();
  });

  it('sends no password when the field is empty (the URL, PGPASSWORD or ~/.pgpass then give it)', async () => {
    connectShared.mockResolvedValue({ database: server, user: ann });
    render(ConnectForm);
    await fireEvent.input(urlField(), { target: { value: URL_ } });
    await fireEvent.click(connectButton());
    await waitFor(() => expect(connectShared).toHaveBeenCalledWith(URL_, null));
  });

  it('is busy while connecting and says why a connection failed, in the server’s words', async () => {
    let fail!: (e: unknown) => void;
    connectShared.mockReturnValue(new Promise((_, reject) => (fail = reject)));
    render(ConnectForm);
    await fireEvent.input(urlField(), { target: { value: URL_ } });
    await fireEvent.click(connectButton());
    await waitFor(() => expect(connectButton().textContent?.trim()).toBe('Connecting…'));
    expect(connectButton().disabled).toBe(true);
    const sentence =
      "the server refused the password for login 'ann' on database 'panelmark' on db.example.org:5432: check the password in the URL, PGPASSWORD or ~/.pgpass";
    fail(new AppError('pg.wrong_password', sentence));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Could not connect: ${sentence}`);
    expect(connectButton().textContent?.trim()).toBe('Connect');
    expect(session.database).toBeNull();
    await fireEvent.input(passwordField(), { target: { value: 'x' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('fills the URL from a recent connection and asks for the password afresh', async () => {
    recentConnections.mockResolvedValue([URL_, 'postgresql://ann@other.example.org/pm']);
    render(ConnectForm);
    await fireEvent.input(passwordField(), { target: { value: 'old' } });
    await fireEvent.click(await screen.findByRole('button', { name: URL_ }));
    expect(urlField().value).toBe(URL_);
    expect(passwordField().value).toBe('');
    expect(document.activeElement).toBe(passwordField());
    expect(connectShared).not.toHaveBeenCalled();
  });
});

describe('IdentityChooser on a shared database', () => {
  it('says who the server signed in, and where, with no one to choose', async () => {
    session.database = server;
    session.user = ann;
    render(IdentityChooser);
    const line = await screen.findByTestId('current-user');
    expect(line.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      "Signed in to database 'panelmark' on db.example.org:5432 as Ann Smith (ann).",
    );
    expect(screen.queryByLabelText(/You are/)).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(listUsers).not.toHaveBeenCalled();
    await waitFor(() => expect(listCampaigns).toHaveBeenCalled());
  });

  it('still offers the local file’s users to choose from', async () => {
    session.database = { kind: 'file', path: '/home/ann/panelmark.db', server: null };
    listUsers.mockResolvedValue([ann]);
    render(IdentityChooser);
    expect(await screen.findByLabelText(/You are/)).toBeTruthy();
  });
});
