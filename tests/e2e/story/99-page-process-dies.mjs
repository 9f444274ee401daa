// The page's process dies (a crash, or the system killing it for memory): the app loads the page
// again by itself (src-tauri/src/recovery.rs). Without that the window stayed blank. The app's
// own process keeps the open database and who is signed in, so the page comes back as at a
// start with them. Last in the story: WebKitWebDriver ends its session with the page's process,
// so what follows is seen from outside, as a person would see it: the app's log, and the window
// on the X display (ImageMagick's `import`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appBinary, outputDir } from '../lib.mjs';
import { childrenOf, processRunning } from '../processes.mjs';

/** The window as drawn on the X display, saved to `file`; the number of colours in it. */
function screenColours(file) {
  execFileSync('import', ['-window', 'root', file], { stdio: 'ignore' });
  return Number(execFileSync('identify', ['-format', '%k', file], { encoding: 'utf8' }));
}

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, ctx } = t;
  await step("the page's process is killed; the app loads the page again and it is drawn", async () => {
    const app = processRunning(ctx.driverPid, appBinary);
    if (!app) throw new Error(`no ${appBinary} under tauri-driver (pid ${ctx.driverPid})`);
    const webProcesses = () => childrenOf(app).filter((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('WebKitWebProces'));
    const [victim, ...others] = webProcesses();
    if (!victim || others.length) throw new Error(`expected one web process under the app, found ${JSON.stringify(webProcesses())}`);
    const before = path.join(outputDir, '99-before-page-process-died.png');
    const drawn = screenColours(before);
    const logBefore = ctx.driverOutput().length;

    process.kill(victim, 'SIGKILL');
    const log = () => ctx.driverOutput().slice(logBefore);
    await browser.waitUntil(async () => log().includes('panelmark: the page is loaded again'), {
      timeout: 20_000,
      interval: 100,
      timeoutMsg: `the app did not load the page again within 20 s; its log: ${JSON.stringify(log())}`,
    });
    if (!log().includes("panelmark: the page's process ended (it crashed or was killed); loading the page again")) {
      throw new Error(`the app's log does not say why: ${JSON.stringify(log())}`);
    }
    const fresh = webProcesses();
    if (fresh.length !== 1 || fresh[0] === victim) throw new Error(`web processes after the reload: ${JSON.stringify(fresh)}`);
    // Blank, the window is one or two colours; the app drawn is hundreds (the story's last
    // screen had several hundred).
    const after = path.join(outputDir, '99-after-page-process-died.png');
    const deadline = Date.now() + 20_000;
    let colours = screenColours(after);
    while (colours < 50 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      colours = screenColours(after);
    }
    if (colours < 50) throw new Error(`the window is blank after the reload (${colours} colours; ${drawn} before)`);
  });
}
