/**
 * The words under a finished export (while it runs, `JobStatus` shows its progress). Progress
 * counts PDF documents (CSV files are written first, quickly); at the end, every file written
 * is counted.
 */
export function progressText(done: number, total: number, files: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const all = `Done: ${n(files)} ${files === 1 ? 'file' : 'files'} written`;
  if (total === 0) return `${all}.`;
  return `${all}, including ${n(done)} of ${n(total)} PDF documents.`;
}
