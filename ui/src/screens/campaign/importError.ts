/**
 * The core reports a refused CSV as one message: a summary line ("file: 2 row(s) rejected,
 * nothing imported:") and then one line per bad row ("line 3: …"). The screen shows the
 * summary and lists the rows; any other message is shown whole.
 */
export function splitImportError(message: string): { summary: string; lines: string[] } {
  const [first, ...rest] = message.split('\n');
  const lines = rest.map((l) => l.trim()).filter(Boolean);
  return { summary: first.replace(/:\s*$/, '.'), lines };
}
