// Shared by run.mjs and measure.mjs: where things are, and starting the pieces.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const appBinary = process.env.PANELMARK_APP ?? path.join(repo, 'target/release/panelmark-app');
export const tauriDriver = process.env.TAURI_DRIVER ?? path.join(repo, '.tools/bin/tauri-driver');
export const nativeDriver = process.env.NATIVE_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const outputDir = path.join(repo, 'test-output/e2e');

export function requireFile(file, hint) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: ${hint}`);
    process.exit(2);
  }
}

export function requireDisplay() {
  if (!process.env.DISPLAY) {
    console.error('no $DISPLAY: run under xvfb-run -a -s "-screen 0 1280x800x24" (see mk/app.mk)');
    process.exit(2);
  }
}

/** A fresh folder for one run's database and settings. */
export function freshDir(prefix) {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Removes a run's scratch folder. An app's WebKit processes can outlive its driver by a moment
 * and still write there (a run failed with ENOTEMPTY on `xdg-cache/mesa_shader_cache` after
 * every step had passed), so removal is retried, and a folder that still cannot be removed is
 * reported, not turned into a failed test: the tests' results do not depend on it.
 */
export function removeScratch(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  } catch (error) {
    console.log(`warning: could not remove the scratch folder ${dir}: ${error.message}`);
  }
}

/** Resolves once something accepts connections on 127.0.0.1:port, or rejects after timeoutMs. */
export async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `count` distinct free TCP ports on the loopback interface, all held open until every one is
 * known: asked one after another, a port closed by the first ask can be handed out again by
 * the next (a driver and its native driver then fight over one port).
 */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i += 1) {
      servers.push(
        await new Promise((resolve, reject) => {
          const server = net.createServer();
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
      );
    }
    return servers.map((server) => server.address().port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Starts a child process whose output goes to ours, prefixed. */
export function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const tag = path.basename(command);
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      if (process.env.E2E_VERBOSE) process.stderr.write(chunk.replace(/^/gm, `[${tag}] `));
    });
  }
  return child;
}

/** Stops a child we started (by its own pid) and waits for it to exit. */
export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

/** Signs in on the Start screen as `person` ({ login, name }), as a person would: the first
 * person is chosen with "Work as this person", a later one with "Switch to this person". */
export async function signInOnStart(browser, person) {
  await browser.$('nav button[data-screen="start"]').click();
  await browser.$('#user-login').waitForDisplayed({ timeout: 30_000 });
  await browser.$('#user-login').selectByAttribute('value', person.login);
  await browser.$('button*=this person').click();
  await browser.$('[data-testid="header-user"]').waitUntil(
    async function () {
      return (await this.getProperty('textContent')).includes(person.name);
    },
    { timeout: 30_000 },
  );
}

/** Exits with what to install unless the app can be driven: a display, the release app,
 * tauri-driver and WebKitWebDriver. */
export function requireDrivableApp() {
  requireDisplay();
  requireFile(appBinary, 'build it with `make -f mk/app.mk app-build`');
  requireFile(tauriDriver, 'install it with `make -f mk/app.mk app-deps`');
  requireFile(nativeDriver, 'apt-get install webkit2gtk-driver');
}

/** The release CLI (PANELMARK_CLI overrides), or exit with how to build it. */
export function requireCli() {
  const cli = process.env.PANELMARK_CLI ?? path.join(repo, 'target/release/panelmark');
  requireFile(cli, 'build it with `cargo build --release --bin panelmark`');
  return cli;
}

/** Starts tauri-driver on free ports, the app it starts inheriting `env`; resolves with the
 * driver process and its port once it listens. */
export async function startDriver(env) {
  const [port, nativePort] = await freePorts(2);
  const driver = start(tauriDriver, ['--port', String(port), '--native-port', String(nativePort), '--native-driver', nativeDriver], { env });
  await waitForPort(port, 10_000);
  return { driver, port };
}

/**
 * Saves a picture of the window to `file`. With WebKitGTK's compositing off (the app's default
 * on a machine without a GPU, src-tauri/src/rendering.rs), WebKitWebDriver takes the picture
 * at the page's next frame, and an idle page draws none: the call never returned (the new
 * role editor, a Scorecards screen shorter than the window). So a frame is made first: one
 * corner pixel, all but transparent, changes at each frame until the picture is taken.
 */
export async function screenshot(browser, file) {
  await browser.execute(() => {
    const pixel = document.createElement('div');
    pixel.id = 'e2e-frame-maker';
    pixel.setAttribute('aria-hidden', 'true');
    pixel.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;opacity:0.004;pointer-events:none';
    document.body.append(pixel);
    let n = 0;
    const tick = () => {
      if (!pixel.isConnected) return;
      pixel.style.background = n++ % 2 ? '#000' : '#fff';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  try {
    await browser.saveScreenshot(file);
  } finally {
    await browser.execute(() => document.getElementById('e2e-frame-maker')?.remove()).catch(() => {});
  }
}
