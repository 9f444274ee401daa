// Export: PDF packs and CSVs into a folder, with progress; then the files are checked.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo, ctx } = t;
  const dir = path.join(ctx.work, 'export');

  await step('exporting PDFs and CSVs ends its progress and lists the files', async () => {
    await goTo('export', 'Export');
    if (!(await browser.$('#exp-pdf').isSelected()) || !(await browser.$('#exp-csv').isSelected())) {
      throw new Error('PDF and CSV should both be chosen by default');
    }
    await browser.$('#exp-raw').click();
    await waitForText('[data-testid="raw-warning"]', 'Do not open raw CSV files in a spreadsheet');
    await browser.$('#exp-raw').click();
    await browser.$('[data-testid="raw-warning"]').waitForExist({ reverse: true });
    await browser.$('#exp-folder').setValue(dir);
    await browser.$('[data-testid="export-run"]').click();
    await waitForText('[data-testid="export-progress"]', 'Done: 7 files written, including 3 of 3 PDF documents.');
    // The progress bar and its Cancel button belong to the running export: gone once it is done.
    await browser.$('[data-testid="job-progress"]').waitForExist({ reverse: true });
    for (const name of ['results.csv', 'scores.csv', 'audit.csv', 'campaign-summary.pdf', 'C-001-evidence-pack.pdf', 'C-002-evidence-pack.pdf', 'receipt.txt']) {
      await waitForText('[data-testid="export-files"]', name);
    }
    await browser.$('[data-testid="export-files"]').scrollIntoView({ block: 'end' });
    await shot('80-export');
  });

  await step('the exported files exist and the packs hold the names and the moderation reason', async () => {
    for (const name of ['results.csv', 'scores.csv', 'audit.csv', 'campaign-summary.pdf', 'C-001-evidence-pack.pdf']) {
      if (!existsSync(path.join(dir, name))) throw new Error(`${name} was not written`);
    }
    // The receipt carries the audit head as SEQ:HASH, for `panelmark verify --anchors`.
    const receipt = readFileSync(path.join(dir, 'receipt.txt'), 'utf8');
    if (!/^head: \d+:[0-9a-f]{64}/m.test(receipt)) throw new Error(`receipt.txt has no head line: ${receipt.slice(0, 300)}`);
    const text = (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, file), '-'], { encoding: 'utf8' });
    const flat = (s) => s.replace(/\s+/g, ' ');
    const own = flat(text('C-001-evidence-pack.pdf'));
    if (!own.includes('Zoë Łukasiewicz')) throw new Error('C-001’s pack does not name Zoë Łukasiewicz');
    if (own.includes('Siobhán')) throw new Error('C-001’s pack names another candidate');
    const moderated = flat(text('C-002-evidence-pack.pdf'));
    if (!moderated.includes('Siobhán Ó Briain')) throw new Error('C-002’s pack does not name Siobhán Ó Briain');
    // The reason may be hyphen-free but wrapped over lines: compare with white space collapsed.
    if (!moderated.includes(flat(ctx.moderationReason ?? ''))) {
      const at = moderated.indexOf('Moderat');
      throw new Error(`C-002’s pack lacks the moderation reason; around “Moderat”: “${moderated.slice(at, at + 400)}”`);
    }
  });
}
