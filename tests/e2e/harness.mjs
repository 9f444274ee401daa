// What every story chapter gets: the WebDriver session, a `step` that records pass/fail and
// screenshots failures, text helpers that wait (so screenshots are never stale), and `ctx`,
// shared values (paths, and anything a chapter leaves for the next).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { screenshot } from './lib.mjs';

export const TIMEOUT = 10_000;

/**
 * @typedef {object} Story
 * @property {WebdriverIO.Browser} browser
 * @property {(name: string, body: () => Promise<void>) => Promise<void>} step
 * @property {(selector: string) => Promise<string>} textOf
 * @property {(selector: string, expected: string) => Promise<void>} waitForText
 * @property {(name: string) => Promise<void>} shot
 * @property {(screen: string, heading: string) => Promise<void>} goTo
 * @property {(label: string) => Promise<void>} checkAccessibility
 * @property {Record<string, any>} ctx
 * @property {number} TIMEOUT
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core inside the real webview (WebDriver's script injection is not bound by the
 * app's CSP) and returns its violations, summarised. axe is injected once: the app never
 * reloads the page.
 */
export async function axeViolations(browser) {
  const present = await browser.execute(() => typeof window.axe !== 'undefined');
  if (!present) await browser.execute(`${axeSource}\n;return true;`);
  return browser.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) =>
        done(
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.length,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
            summary: (v.nodes[0]?.failureSummary ?? '').split('\n').slice(0, 2).join(' '),
          })),
        ),
      )
      .catch((e) => done([{ id: 'axe-error', impact: 'critical', nodes: 1, targets: [], summary: String(e) }]));
  });
}

/** @returns {Story} */
export function makeStory(browser, results, outputDir, ctx, axeReport = []) {
  /** axe on what is on screen now, recorded under the screen's id and `label`. */
  async function checkAccessibility(label) {
    const screen = await browser.execute(() => document.querySelector('main')?.dataset.screen ?? 'unknown');
    const violations = await axeViolations(browser);
    axeReport.push({ screen, label, violations });
    for (const v of violations) {
      console.log(`     axe ${screen}/${label}: ${v.id} (${v.impact}) ×${v.nodes}: ${v.targets.join(', ')}`);
    }
  }

  async function step(name, body) {
    const started = Date.now();
    try {
      await body();
      results.push({ name, ok: true });
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.push({ name, ok: false, error });
      console.log(`FAIL ${name}: ${error?.message ?? error}`);
      await screenshot(browser, path.join(outputDir, `failed-${results.length}.png`)).catch(() => {});
    }
  }

  /** `selector`'s text with white space collapsed. textContent, not WebDriver's getText: under
   * WebKitWebDriver getText returned "" for the header's (visible) fields. */
  async function textOf(selector) {
    const text = await browser.$(selector).getProperty('textContent');
    return String(text ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits until `selector`'s text contains `expected`. */
  async function waitForText(selector, expected) {
    await browser.$(selector).waitForDisplayed({ timeout: TIMEOUT });
    await browser
      .waitUntil(async () => (await textOf(selector)).includes(expected), { timeout: TIMEOUT })
      .catch(async () => {
        throw new Error(`${selector} never showed “${expected}”; it shows “${await textOf(selector)}”`);
      });
  }

  async function shot(name) {
    await screenshot(browser, path.join(outputDir, `${name}.png`));
    await checkAccessibility(name);
  }

  async function goTo(screen, heading) {
    await browser.$(`nav button[data-screen="${screen}"]`).click();
    await waitForText('main h1', heading);
    // Focus moves to the new screen's heading (keyboard users land on it).
    const focused = await browser.execute(() => document.activeElement?.textContent ?? '');
    if (!focused.includes(heading)) throw new Error(`focus is on “${focused}”, not the ${heading} heading`);
    await checkAccessibility(`open-${screen}`);
  }

  return { browser, step, textOf, waitForText, shot, goTo, checkAccessibility, ctx, TIMEOUT };
}
