/**
 * The words under the export's progress bar. Progress counts PDF documents (CSV files are
 * written first, quickly); at the end, every file written is counted.
 */
export function progressText(done: number, total: number, running: boolean, files: number | null = null): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  if (running) {
    if (total === 0) return 'Starting…';
    return `${n(done)} of ${n(total)} PDF documents written (${Math.floor((done / total) * 100)}%)`;
  }
  const all = files == null ? '' : `Done: ${n(files)} ${files === 1 ? 'file' : 'files'} written`;
  if (total === 0) return `${all || 'Done'}.`;
  return `${all || 'Done'}${all ? ', including ' : ': '}${n(done)} of ${n(total)} PDF documents.`;
}
