/**
 * Dropping a job description on the Roles screen. The window's native (Tauri) drag-and-drop
 * is off (`dragDropEnabled: false`), so these are plain HTML5 drag events: the UI picks the
 * dropped file, reads its bytes and hands name and bytes to the core, which imports them
 * exactly as it imports a file chosen by path.
 */
import { AppError } from '../../lib/api';

/** The parts of a `DataTransferItem` used here. */
export interface DropItemLike {
  readonly kind: string;
  webkitGetAsEntry?: () => { readonly isDirectory: boolean } | null;
}

/** The parts of a `DataTransfer` used here (so tests can pass plain objects). */
export interface DataTransferLike {
  readonly types: ArrayLike<string>;
  readonly files: ArrayLike<File>;
  readonly items?: ArrayLike<DropItemLike>;
}

/**
 * The largest file the UI will read and send. The core sets no limit (a job description is
 * a few kilobytes); this only keeps a stray video or disk image from being read into the
 * window and copied over IPC before the core refuses it as binary.
 */
export const MAX_DROP_BYTES = 10 * 1024 * 1024;

/**
 * The extensions the file dialog offers for a job description. The core decides the format
 * by the file's content as well, so a drop or an "Any file" choice is not limited to these.
 */
export const JD_EXTENSIONS = ['docx', 'odt', 'pdf', 'html', 'htm', 'md', 'markdown', 'txt', 'text'];

/** The name pasted text is imported under (a `.txt`, so the core reads it as plain text). */
export const PASTED_TEXT_NAME = 'pasted text.txt';

/**
 * Pasted text as the name and bytes the core imports, exactly like a dropped .txt file.
 * @throws AppError (code `paste`) when there is nothing but whitespace to import.
 */
export function pastedText(text: string): { fileName: string; bytes: Uint8Array } {
  if (text.trim() === '') {
    throw new AppError('paste', 'Nothing to import: paste the text of a job description into the box first.');
  }
  return { fileName: PASTED_TEXT_NAME, bytes: new TextEncoder().encode(text) };
}

/** Whether a drag carries files (not text or a link): only then does the drop zone light up. */
export function carriesFiles(data: DataTransferLike | null | undefined): boolean {
  return !!data && Array.from(data.types).includes('Files');
}

/** The file to import, and a note for the user when other dropped items were left out. */
export interface DropChoice {
  file: File;
  note: string | null;
}

/**
 * Picks the one file to import from a drop: the first dropped file that is not a folder.
 * Must run during the `drop` event (the browser empties `items` afterwards).
 * @throws AppError (code `drop`) when nothing importable was dropped.
 */
export function chooseDroppedFile(data: DataTransferLike | null | undefined): DropChoice {
  const files = data ? Array.from(data.files) : [];
  if (files.length === 0) {
    throw new AppError(
      'drop',
      'Nothing to import: drop a job description file here (Word, OpenDocument, PDF, web page, text or Markdown), not selected text or a link; to import text, paste it in the box below.',
    );
  }
  // A folder arrives as a File too; only the entries API tells it apart (where there is one).
  const fileItems = data?.items ? Array.from(data.items).filter((item) => item.kind === 'file') : [];
  const isFolder = (i: number) => fileItems[i]?.webkitGetAsEntry?.()?.isDirectory === true;
  const index = files.findIndex((_, i) => !isFolder(i));
  if (index < 0) {
    const what = files.length === 1 ? `“${files[0].name}” is a folder` : 'Those are folders';
    throw new AppError('drop', `${what}: drop a job description file (Word, OpenDocument, PDF, web page, text or Markdown), not a folder.`);
  }
  const file = files[index];
  const note =
    files.length > 1
      ? `${files.length} items were dropped; only “${file.name}” was imported. Drop one job description at a time.`
      : null;
  return { file, note };
}

/**
 * Reads a dropped file's bytes.
 * @throws AppError (code `drop`) when the file is too large or cannot be read (a folder, or a
 * file that went away).
 */
export async function readDroppedFile(file: File): Promise<Uint8Array> {
  if (file.size > MAX_DROP_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    throw new AppError(
      'drop',
      `${file.name}: the file is ${mb} MB; a job description is at most ${MAX_DROP_BYTES / (1024 * 1024)} MB.`,
    );
  }
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new AppError('drop', `${file.name}: the file could not be read; if it is a folder, drop a file from it instead.`);
  }
}

/**
 * Imports a drop: chooses the file (synchronously, while the drop event's data is still
 * readable), reads it and calls `importBytes` with its name and bytes.
 * @returns what `importBytes` returned, and the note from `chooseDroppedFile`.
 */
export function importDrop<T>(
  data: DataTransferLike | null | undefined,
  importBytes: (fileName: string, bytes: Uint8Array) => Promise<T>,
): Promise<{ imported: T; note: string | null }> {
  let choice: DropChoice;
  try {
    choice = chooseDroppedFile(data);
  } catch (e) {
    return Promise.reject(e);
  }
  return readDroppedFile(choice.file).then(async (bytes) => ({
    imported: await importBytes(choice.file.name, bytes),
    note: choice.note,
  }));
}

/**
 * Makes a file dropped anywhere else in `win` do nothing (a webview would otherwise open the
 * file in place of the app). A drop zone that handles the event itself calls
 * `preventDefault` first, and this leaves it alone.
 * @returns a function that removes the listeners.
 */
export function ignoreStrayDrops(win: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const refuse = (event: DragEvent) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  win.addEventListener('dragover', refuse);
  win.addEventListener('drop', refuse);
  return () => {
    win.removeEventListener('dragover', refuse);
    win.removeEventListener('drop', refuse);
  };
}
