// Security: the page can reach Tauri's internal invoke, but the ACL must refuse core and
// plugin commands the capability leaves out, while the app's own commands work.
/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step } = t;
  await step('the capability refuses what it does not grant', async () => {
    const tryInvoke = (cmd, args) =>
      browser.execute(
        (c, a) =>
          window.__TAURI_INTERNALS__.invoke(c, a).then(
            () => 'allowed',
            (e) => `refused: ${typeof e === 'string' ? e : JSON.stringify(e)}`,
          ),
        cmd,
        args ?? {},
      );
    for (const cmd of ['plugin:app|version', 'plugin:window|close', 'plugin:dialog|message']) {
      const outcome = await tryInvoke(cmd, { message: 'x', label: 'main' });
      if (!outcome.startsWith('refused') || !outcome.includes('not allowed')) {
        throw new Error(`${cmd} should be refused by the ACL, got: ${outcome}`);
      }
    }
    const own = await tryInvoke('current_database');
    if (own !== 'allowed') throw new Error(`current_database should be allowed, got: ${own}`);
    if ((await browser.execute(() => ('__TAURI__' in window ? 'global' : 'none'))) !== 'none') {
      throw new Error('withGlobalTauri must stay off');
    }
  });
}
