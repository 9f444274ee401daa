import '../../lib/testing/blobArrayBuffer';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../lib/api';
import {
  carriesFiles,
  chooseDroppedFile,
  ignoreStrayDrops,
  importDrop,
  JD_EXTENSIONS,
  MAX_DROP_BYTES,
  pastedText,
  readDroppedFile,
} from './drop';

const jd = (name = 'analyst.md', text = '# Data Analyst\n') => new File([text], name, { type: 'text/markdown' });
const fileItem = (isDirectory = false) => ({ kind: 'file', webkitGetAsEntry: () => ({ isDirectory }) });

/** A DataTransfer-like object as a drop delivers it. */
function transfer(files: File[], folders: boolean[] = files.map(() => false)) {
  return { types: files.length ? ['Files'] : ['text/plain'], files, items: folders.map(fileItem) };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('carriesFiles', () => {
  it('is true only for a drag with files in it', () => {
    expect(carriesFiles(transfer([jd()]))).toBe(true);
    expect(carriesFiles({ types: ['text/plain', 'text/uri-list'], files: [] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});

describe('chooseDroppedFile', () => {
  it('takes the one dropped file, with nothing to say', () => {
    const file = jd();
    expect(chooseDroppedFile(transfer([file]))).toEqual({ file, note: null });
  });

  it('takes the first of several files and says the others were left out', () => {
    const [a, b, c] = [jd('a.md'), jd('b.md'), jd('c.md')];
    const { file, note } = chooseDroppedFile(transfer([a, b, c]));
    expect(file).toBe(a);
    expect(note).toBe('3 items were dropped; only “a.md” was imported. Drop one job description at a time.');
  });

  it('skips a folder dropped with a file', () => {
    const folder = new File([], 'drafts');
    const file = jd('b.md');
    expect(chooseDroppedFile(transfer([folder, file], [true, false])).file).toBe(file);
  });

  it('refuses a folder on its own, naming it', () => {
    expect(() => chooseDroppedFile(transfer([new File([], 'drafts')], [true]))).toThrow(
      '“drafts” is a folder: drop a job description file (Word, OpenDocument, PDF, web page, text or Markdown), not a folder.',
    );
  });

  it('refuses a drop with no file (selected text, a link)', () => {
    let thrown: unknown;
    try {
      chooseDroppedFile({ types: ['text/plain'], files: [] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'drop', message: expect.stringContaining('Nothing to import') });
  });

  it('works without the entries API (no items)', () => {
    const file = jd();
    expect(chooseDroppedFile({ types: ['Files'], files: [file] }).file).toBe(file);
  });
});

describe('readDroppedFile', () => {
  it('reads the bytes as they are (decoding is the core’s job)', async () => {
    const bytes = await readDroppedFile(new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0xe9])], 'x.md'));
    expect(Array.from(bytes)).toEqual([0xef, 0xbb, 0xbf, 0x23, 0xe9]);
  });

  it('refuses a file too large to be a job description before reading it', async () => {
    const big = jd('video.mp4');
    Object.defineProperty(big, 'size', { value: MAX_DROP_BYTES + 1 });
    const read = vi.spyOn(big, 'arrayBuffer');
    const err = await rejection(readDroppedFile(big));
    expect(err.message).toMatch(/^video\.mp4: the file is 10\.0 MB/);
    expect(read).not.toHaveBeenCalled();
  });

  it('names a file that cannot be read (a folder without the entries API)', async () => {
    const folder = new File([], 'drafts');
    folder.arrayBuffer = () => Promise.reject(new DOMException('gone', 'NotReadableError'));
    const err = await rejection(readDroppedFile(folder));
    expect(err).toMatchObject({ code: 'drop', message: expect.stringMatching(/^drafts: the file could not be read/) });
  });
});

describe('importDrop', () => {
  it('sends the chosen file’s name and bytes and passes the note on', async () => {
    const importBytes = vi.fn(async (name: string, bytes: Uint8Array) => ({ name, length: bytes.length }));
    const result = await importDrop(transfer([jd('a.md', '# A\n'), jd('b.md')]), importBytes);
    expect(importBytes).toHaveBeenCalledOnce();
    expect(importBytes.mock.calls[0][0]).toBe('a.md');
    expect(new TextDecoder().decode(importBytes.mock.calls[0][1])).toBe('# A\n');
    expect(result).toEqual({ imported: { name: 'a.md', length: 4 }, note: expect.stringContaining('2 items') });
  });

  it('calls nothing when there is no file to import', async () => {
    const importBytes = vi.fn();
    const err = await rejection(importDrop({ types: [], files: [] }, importBytes));
    expect(err.code).toBe('drop');
    expect(importBytes).not.toHaveBeenCalled();
  });

  it('passes the core’s error on unchanged', async () => {
    const core = new AppError('import', 'blank.md: the file is empty');
    const err = await rejection(importDrop(transfer([jd('blank.md', '')]), () => Promise.reject(core)));
    expect(err).toBe(core);
  });
});

describe('ignoreStrayDrops', () => {
  it('stops a drop outside a zone from opening the file, and leaves a handled drop alone', () => {
    const target = new EventTarget();
    const stop = ignoreStrayDrops(target as unknown as Window);
    const stray = new Event('drop', { cancelable: true });
    target.dispatchEvent(stray);
    expect(stray.defaultPrevented).toBe(true);

    const handled = new Event('dragover', { cancelable: true });
    handled.preventDefault();
    const dataTransfer = { dropEffect: 'copy' };
    Object.defineProperty(handled, 'dataTransfer', { value: dataTransfer });
    target.dispatchEvent(handled);
    expect(dataTransfer.dropEffect).toBe('copy');

    stop();
    const after = new Event('drop', { cancelable: true });
    target.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe('pastedText', () => {
  it('is imported as a .txt file holding the UTF-8 of the text', () => {
    const { fileName, bytes } = pastedText('Policy Officer\n\nGrade: HEO – Siobhán\n');
    expect(fileName).toBe('pasted text.txt');
    expect(new TextDecoder().decode(bytes)).toBe('Policy Officer\n\nGrade: HEO – Siobhán\n');
    expect(bytes.length).toBe(new TextEncoder().encode('Policy Officer\n\nGrade: HEO – Siobhán\n').length);
  });

  it('refuses blank text with a sentence saying what to do', () => {
    expect(() => pastedText('  \n\t')).toThrow(AppError);
    expect(() => pastedText('')).toThrow('paste the text of a job description into the box first');
  });
});

describe('JD_EXTENSIONS', () => {
  it('offers every format the core reads', () => {
    for (const ext of ['docx', 'odt', 'pdf', 'html', 'htm', 'txt', 'md']) expect(JD_EXTENSIONS).toContain(ext);
  });
});
