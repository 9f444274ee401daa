import '../../lib/testing/blobArrayBuffer';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const importJobDescriptionBytes = vi.fn();
vi.mock('../../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      listRoles: async () => [],
      importJobDescriptionBytes: (...a: unknown[]) => importJobDescriptionBytes(...a),
    },
  };
});

const { AppError } = await import('../../lib/api');
const { session } = await import('../../lib/session.svelte');
const { default: RolesScreen } = await import('./RolesScreen.svelte');

const text = '# Data Analyst\n\n## Behaviours\n* Working Together\n';
const imported = {
  draft: {
    title: 'Data Analyst',
    grade: null,
    reference: null,
    source: { name: 'analyst.md', sha256: 'ab'.repeat(32) },
    criteria: [
      { kind: 'behaviour', name: 'Working Together', group: null, priority: 'essential', code: null, level: null, indicators: [] },
    ],
    warnings: ['line 9: “Salary” was not placed'],
  },
  source_text: text,
};

const file = (name: string, content: string) => new File([content], name, { type: 'text/markdown' });
const dataTransfer = (files: File[]) => ({ types: ['Files'], files, items: files.map(() => ({ kind: 'file' })), dropEffect: 'none' });

beforeEach(() => {
  importJobDescriptionBytes.mockReset();
  session.user = { id: 1, login: 'ana', name: 'Ana Reviewer', hr_admin: true };
  session.error = null;
});

describe('RolesScreen drop zone', () => {
  it('lights up while a file is dragged over it, and not for dragged text', async () => {
    render(RolesScreen);
    const zone = screen.getByTestId('jd-drop-zone');
    await fireEvent.dragEnter(zone, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(zone.classList.contains('over')).toBe(false);
    await fireEvent.dragEnter(zone, { dataTransfer: dataTransfer([file('a.md', text)]) });
    expect(zone.classList.contains('over')).toBe(true);
    expect(zone.textContent).toContain('Drop to import');
    await fireEvent.dragLeave(zone);
    expect(zone.classList.contains('over')).toBe(false);
  });

  it('sends the dropped file’s name and bytes and opens the draft beside its source', async () => {
    importJobDescriptionBytes.mockResolvedValueOnce(imported);
    render(RolesScreen);
    const zone = screen.getByTestId('jd-drop-zone');
    await fireEvent.dragEnter(zone, { dataTransfer: dataTransfer([file('analyst.md', text)]) });
    await fireEvent.drop(zone, { dataTransfer: dataTransfer([file('analyst.md', text)]) });
    await waitFor(() => expect(screen.getByTestId('jd-source').textContent).toContain('* Working Together'));
    const [name, bytes] = importJobDescriptionBytes.mock.calls[0] as [string, Uint8Array];
    expect(name).toBe('analyst.md');
    expect(new TextDecoder().decode(bytes)).toBe(text);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Data Analyst');
    expect(screen.getByTestId('review-warnings').textContent).toContain('Salary');
  });

  it('imports the first of several files and says so', async () => {
    importJobDescriptionBytes.mockResolvedValueOnce(imported);
    render(RolesScreen);
    await fireEvent.drop(screen.getByTestId('jd-drop-zone'), {
      dataTransfer: dataTransfer([file('analyst.md', text), file('other.md', text)]),
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('only “analyst.md” was imported'));
    expect(importJobDescriptionBytes).toHaveBeenCalledOnce();
    expect(screen.getByTestId('jd-source')).toBeTruthy();
  });

  it('shows the core’s error, naming the file, and stays on the list', async () => {
    importJobDescriptionBytes.mockRejectedValueOnce(new AppError('import', 'photo.png: this is not a text document (binary content at byte 6)'));
    render(RolesScreen);
    await fireEvent.drop(screen.getByTestId('jd-drop-zone'), { dataTransfer: dataTransfer([file('photo.png', '\x89PNG')]) });
    await waitFor(() => expect(session.error?.message).toMatch(/^photo\.png: this is not a text document/));
    expect(screen.queryByTestId('jd-source')).toBeNull();
  });

  it('asks who the user is before importing', async () => {
    session.user = null;
    render(RolesScreen);
    await fireEvent.drop(screen.getByTestId('jd-drop-zone'), { dataTransfer: dataTransfer([file('analyst.md', text)]) });
    expect(session.error?.code).toBe('no_user');
    expect(importJobDescriptionBytes).not.toHaveBeenCalled();
  });
});

describe('RolesScreen paste box', () => {
  it('imports pasted text as a .txt file and opens the draft beside it', async () => {
    const pasted = 'Data Analyst\n\nBehaviours\n\nWorking Together\n';
    importJobDescriptionBytes.mockResolvedValueOnce({ ...imported, source_text: '# Data Analyst\n\n## Behaviours\n\n* Working Together\n' });
    render(RolesScreen);
    const button = screen.getByRole('button', { name: 'Import pasted text' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await fireEvent.input(screen.getByLabelText("Or paste the job description's text"), { target: { value: pasted } });
    expect(button.disabled).toBe(false);
    await fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('jd-source').textContent).toContain('## Behaviours'));
    const [name, bytes] = importJobDescriptionBytes.mock.calls[0] as [string, Uint8Array];
    expect(name).toBe('pasted text.txt');
    expect(new TextDecoder().decode(bytes)).toBe(pasted);
  });
});
