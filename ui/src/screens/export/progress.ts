/** The words under the export's progress bar. */
export function progressText(done: number, total: number, running: boolean): string {
  if (running) {
    if (total === 0) return 'Starting…';
    const percent = Math.floor((done / total) * 100);
    return `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} documents written (${percent}%)`;
  }
  return `Done: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} documents written.`;
}
