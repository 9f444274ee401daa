// Roles: importing role files (a good one and a bad one).
/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, textOf, waitForText, shot, goTo, ctx, TIMEOUT } = t;
  await step('importing a role file lists the role', async () => {
    await goTo('roles', 'Roles');
    await waitForText('main', 'No roles yet');
    await browser.$('#role-path').setValue(ctx.roleFixture);
    await browser.$('button=Import').click();
    await waitForText('[data-testid="roles-table"]', 'Senior Web Operations Engineer');
    await waitForText('main [role="status"]', 'with 3 criteria');
    const row = await textOf('[data-testid="roles-table"] tbody tr');
    for (const cell of ['SEO', 'E2E-0001']) {
      if (!row.includes(cell)) throw new Error(`role row “${row}” lacks ${cell}`);
    }
    await shot('03-roles-imported');
  });

  await step('an invalid role file shows the core’s message in the error banner', async () => {
    await browser.$('#role-path').setValue(ctx.invalidFixture);
    await browser.$('button=Import').click();
    await waitForText('[role="alert"]', 'role-invalid.json: does not match the role schema');
    await waitForText('[role="alert"]', '/criteria/0/kind');
    await waitForText('[role="alert"]', 'Error code: import');
    await shot('04-roles-import-error');
    await waitForText('[role="alert"]', 'nothing was changed');
    await browser.$('button=Dismiss').click();
    await browser.$('[role="alert"]').waitForExist({ reverse: true, timeout: TIMEOUT });
    const rows = await browser.$$('[data-testid="roles-table"] tbody tr').length;
    if (rows !== 1) throw new Error(`a rejected import must store nothing, but ${rows} roles are listed`);
  });

  await step('an error clears when the user moves to another screen', async () => {
    await browser.$('#role-path').setValue(ctx.invalidFixture);
    await browser.$('button=Import').click();
    await waitForText('[role="alert"]', 'Error code: import');
    await goTo('start', 'Start');
    await browser.$('[role="alert"]').waitForExist({ reverse: true, timeout: TIMEOUT });
    await goTo('roles', 'Roles');
  });

  await step('"New role" opens the role editor on an empty role', async () => {
    await browser.$('#new-role').click();
    await waitForText('[data-testid="role-review"]', 'New role');
    await shot('05-roles-new');
    await browser.$('[data-testid="role-review"]').$('button=Cancel').click();
    await waitForText('[data-testid="roles-table"]', 'Senior Web Operations Engineer');
  });
}
