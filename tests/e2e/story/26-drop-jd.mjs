// Roles: a job description dropped on the Roles screen (HTML5 drag and drop; the window's
// native drag-drop is off) opens in the same draft review as one chosen by path. The draft is
// cancelled, not saved, so the later chapters still see the two roles chapters 20 and 25 left.

/** A short job description, as a user might drop it. */
const JD = [
  '# Junior Data Analyst',
  '',
  'Reference number: PM-DROP-0001',
  '',
  '## Behaviours',
  '',
  '* Working Together',
  '* Communicating and Influencing',
  '* Delivering at Pace',
  '',
].join('\n');

/**
 * In the page: builds a DataTransfer holding `files` ([name, content, type]; content a string
 * or a list of bytes) and fires dragenter, dragover and (unless `release` is false) drop on
 * `selector`. Returns whether the zone was lit while the file was over it.
 */
function dropFiles(selector, files, release) {
  const zone = document.querySelector(selector);
  if (!zone) throw new Error(`no ${selector}`);
  const data = new DataTransfer();
  for (const [name, content, type] of files) {
    const body = typeof content === 'string' ? content : new Uint8Array(content);
    data.items.add(new File([body], name, { type }));
  }
  const fire = (type) => {
    let event;
    try {
      event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data });
    } catch {
      event = new Event(type, { bubbles: true, cancelable: true });
    }
    if (event.dataTransfer !== data) Object.defineProperty(event, 'dataTransfer', { value: data });
    zone.dispatchEvent(event);
    return event;
  };
  fire('dragenter');
  const over = fire('dragover');
  const lit = zone.classList.contains('over') && over.defaultPrevented;
  if (release !== false) fire('drop');
  return lit;
}

/** @param {import('../harness.mjs').Story} t */
export default async function (t) {
  const { browser, step, waitForText, shot, goTo, TIMEOUT } = t;
  const zone = '[data-testid="jd-drop-zone"]';
  const editorNames = () =>
    browser.execute(() =>
      [...document.querySelectorAll('[data-testid="criterion-editor"] input[id$="-name"]')].map((e) => e.value),
    );

  await step('a job description dropped on the Roles screen opens as a draft beside its source', async () => {
    await goTo('roles', 'Roles');
    await browser.$(zone).waitForDisplayed({ timeout: TIMEOUT });
    await browser.execute((z) => document.querySelector(z).scrollIntoView({ block: 'center' }), zone);
    // The zone lights up while a file is over it (screenshot before letting go).
    const lit = await browser.execute(dropFiles, zone, [['junior-analyst.md', JD, 'text/markdown']], false);
    if (!lit) throw new Error('the drop zone did not accept or highlight the dragged file');
    await waitForText(zone, 'Drop to import this job description');
    await shot('26-drop-zone-over');
    await browser.execute((z) => document.querySelector(z).dispatchEvent(new Event('dragleave', { bubbles: true })), zone);

    await browser.execute(dropFiles, zone, [['junior-analyst.md', JD, 'text/markdown']], true);
    await waitForText('[data-testid="role-review"] h2', 'Review the imported role');
    await waitForText('[data-testid="jd-source"]', 'Reference number: PM-DROP-0001');
    const title = await browser.$('#role-title').getValue();
    if (title !== 'Junior Data Analyst') throw new Error(`title read as “${title}”`);
    const names = await editorNames();
    const expected = ['Working Together', 'Communicating and Influencing', 'Delivering at Pace'];
    if (JSON.stringify(names) !== JSON.stringify(expected)) {
      throw new Error(`criteria read as ${names.join(', ')}; expected ${expected.join(', ')}`);
    }
    await shot('26-dropped-jd-review');
  });

  await step('cancelling the dropped draft stores nothing', async () => {
    const cancel = await browser.$('button=Cancel');
    await browser.execute((e) => e.scrollIntoView({ block: 'center' }), cancel);
    await cancel.click();
    await waitForText('[data-testid="roles-table"]', 'Platform Reliability Engineer');
    const rows = await browser.$$('[data-testid="roles-table"] tbody tr').length;
    if (rows !== 2) throw new Error(`expected the two roles of chapters 20 and 25, got ${rows}`);
  });

  await step('a dropped binary file is refused with a message naming it', async () => {
    await browser.execute(dropFiles, zone, [['photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'image/png']], true);
    await waitForText('[role="alert"]', 'photo.png: this is not a text document');
    await waitForText('[role="alert"]', 'Error code: import');
    await shot('26-drop-binary-refused');
    await browser.$('button=Dismiss').click();
    await browser.$('[role="alert"]').waitForExist({ reverse: true, timeout: TIMEOUT });
    if ((await browser.$$('[data-testid="role-review"]').length) !== 0) throw new Error('a refused drop opened a review');
  });
}
