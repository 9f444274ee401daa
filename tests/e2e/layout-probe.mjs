// What a screen's first layout costs in the app's own webview, and why (issue 12). For each
// variant, a fresh app is started on an empty database (so nothing but the Start screen has been
// laid out before), and a test page is put into it: a table of ROWS rows in the app's own CSS,
// with one thing changed per variant (fonts, row styles, form controls, DOM size). Prints, per
// variant and run, in ms: `insert` (building the DOM), `layout` (style and layout, forced by
// reading a size), `paint` (from there to the task after the next frame: paint and composite)
// and `nodes` (elements in the test page). Not part of `make test`:
//   xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/layout-probe.mjs [--runs N] [--only a,b]
import path from 'node:path';
import { remote } from 'webdriverio';
import { appBinary, freePorts, freshDir, nativeDriver, requireDisplay, requireFile, start, stop, tauriDriver, waitForPort } from './lib.mjs';

requireDisplay();
requireFile(appBinary, 'build it with `make -f mk/app.mk app-build`');
requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(argValue('--runs', 3));
const only = argValue('--only', '')?.split(',').filter(Boolean);

/** Variants: rows, and what each row is made of. `css` is added to the page for the variant. */
const cell = (i, j) => (j === 0 ? `C-${String(i).padStart(4, '0')}` : j === 1 ? `Candidate ${i} Surname` : String((i * j) % 7));
const plainRow = (i) => `<tr>${Array.from({ length: 12 }, (_, j) => `<td>${cell(i, j)}</td>`).join('')}</tr>`;
const VARIANTS = {
  'table-500': { rows: 500, row: plainRow },
  'table-25': { rows: 25, row: plainRow },
  'table-500-mono': { rows: 500, row: plainRow, css: 'td { font-family: var(--mono); }' },
  'table-500-bold': { rows: 500, row: plainRow, css: 'td { font-weight: 700; }' },
  'table-500-symbols': { rows: 500, row: (i) => plainRow(i).replace('</tr>', '<td>⚑ ≥ → · — …</td></tr>') },
  'table-500-sticky-shadow': { rows: 500, row: plainRow, css: 'thead th { position: sticky; top: 0; background: #fff; } tr { box-shadow: 0 1px 2px rgba(0,0,0,.2); }' },
  'table-500-grid-rows': { rows: 500, row: (i) => plainRow(i).replaceAll('td>', 'span>').replace('<tr>', '<div class="g">').replace('</tr>', '</div>'), css: '.g { display: grid; grid-template-columns: 7rem 14rem repeat(10, 3rem); }', tag: 'div' },
  'table-500-content-visibility': { rows: 500, row: plainRow, css: 'tr { content-visibility: auto; contain-intrinsic-size: auto 24px; }' },
  'buttons-500': { rows: 500, row: (i) => `<tr><td><button>${cell(i, 0)}</button></td><td>${cell(i, 1)}</td></tr>` },
  'buttons-25': { rows: 25, row: (i) => `<tr><td><button>${cell(i, 0)}</button></td><td>${cell(i, 1)}</td></tr>` },
  'buttons-25-appearance-none': { rows: 25, row: (i) => `<tr><td><button>${cell(i, 0)}</button></td><td>${cell(i, 1)}</td></tr>`, css: 'button { appearance: none; }' },
  'radios-25': { rows: 25, row: (i) => `<tr><td><input type="radio" name="r${i % 5}" aria-label="x"></td><td>${cell(i, 1)}</td></tr>` },
  'checkbox-25': { rows: 25, row: (i) => `<tr><td><input type="checkbox" aria-label="x"></td><td>${cell(i, 1)}</td></tr>` },
  'select-1': { rows: 1, row: () => '<tr><td><select aria-label="x"><option>a</option><option>b</option></select></td></tr>' },
  'textarea-1': { rows: 1, row: () => '<tr><td><textarea aria-label="x"></textarea></td></tr>' },
  'text-1': { rows: 1, row: plainRow },
  // A windowed list as the screens draw it: 27 rows in a scrolling box, with and without the
  // spacer that gives the box the whole list's height (2,000 rows), and a sticky heading.
  'window-27': { rows: 27, row: plainRow, scroller: 0 },
  'window-27-spacer': { rows: 27, row: plainRow, scroller: 76000 },
  'window-27-spacer-sticky': { rows: 27, row: plainRow, scroller: 76000, css: 'thead th { position: sticky; top: 0; z-index: 1; background: #fff; }' },
  'window-27-sticky': { rows: 27, row: plainRow, scroller: 0, css: 'thead th { position: sticky; top: 0; z-index: 1; background: #fff; }' },
};

/** In the page: inserts the variant, forces style and layout, waits for the next frame. */
function probe(html, css, done) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const t0 = performance.now();
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99';
  host.innerHTML = html;
  document.body.append(host);
  const t1 = performance.now();
  void host.offsetHeight;
  const t2 = performance.now();
  requestAnimationFrame(() =>
    setTimeout(() => {
      const t3 = performance.now();
      done({ insert: +(t1 - t0).toFixed(1), layout: +(t2 - t1).toFixed(1), paint: +(t3 - t2).toFixed(1), total: +(t3 - t0).toFixed(1), nodes: host.querySelectorAll('*').length });
    }),
  );
}

const results = {};
for (const [name, v] of Object.entries(VARIANTS)) {
  if (only.length && !only.includes(name)) continue;
  results[name] = [];
  for (let run = 0; run < runs; run++) {
    const work = freshDir('panelmark-probe-');
    const env = { ...process.env, PANELMARK_CONFIG_DIR: path.join(work, 'config') };
    const [port, nativePort] = await freePorts(2);
    const driver = start(tauriDriver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], { env });
    let browser;
    try {
      await waitForPort(port, 10_000);
      browser = await remote({ hostname: '127.0.0.1', port, logLevel: 'error', capabilities: { 'tauri:options': { application: appBinary, args: ['--db', path.join(work, 'p.db')] } } });
      await browser.$('nav button[data-screen="start"]').waitForDisplayed({ timeout: 30_000 });
      await browser.pause(500); // the Start screen's own first frames and loads settle
      const tag = v.tag ?? 'table';
      const body = Array.from({ length: v.rows }, (_, i) => v.row(i)).join('');
      const spacer = v.scroller ? `<tr style="height:${v.scroller}px"><td></td></tr>` : '';
      let html = tag === 'table' ? `<table><thead><tr><th>Ref</th><th>Name</th></tr></thead><tbody>${body}${spacer}</tbody></table>` : `<div>${body}</div>`;
      if (v.scroller !== undefined) html = `<div style="height:600px;overflow:auto">${html}</div>`;
      results[name].push(await browser.executeAsync(probe, html, v.css ?? ''));
    } finally {
      if (browser) await browser.deleteSession().catch(() => {});
      await stop(driver);
    }
  }
  console.log(name, JSON.stringify(results[name]));
}
