// An instructor's own lessons (issue 12): a lesson file on another site, linked with lesson_url=
// (fetched as the browser allows: that site sends Access-Control-Allow-Origin), opens at the step
// the link names; a broken one and one from a site that does not allow it are explained; a lesson
// file the student opens joins the list and opens.
//   node tests/browser/lesson_files.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { clickItem, runBrowserTest, serveRoutes, state } from './browser.mjs';

const lesson = (title) => JSON.stringify({
  title,
  steps: [{ text: 'A graph of our own.', open: { tab: 'backprop', expr: 'f = a * b + c', a: 2, b: 3, c: 1 } },
          { text: 'How does f change with a?', open: { bp: 'forward' },
            question: { kind: 'number', prompt: 'df/da?', compute: 'gradient a', hint: 'a is multiplied by b.', explanation: 'df/da = b = 3.' } }],
});
const CORS = { 'Access-Control-Allow-Origin': '*' };

await runBrowserTest('browser lesson files test', async ({ browser, url, out, t }) => {
  const other = await serveRoutes((req) => {
    if (req.url === '/good.json') return { type: 'application/json', body: lesson('Our own graph'), headers: CORS };
    if (req.url === '/broken.json') return { type: 'application/json', body: '{"title": "Broken", "steps": [{"text": "x", "open": {"lr": -1}}]}', headers: CORS };
    if (req.url === '/private.json') return { type: 'application/json', body: lesson('Not shared') };  // no CORS header
    return null;
  });
  try {
    // Not openPage: the refused fetches below log console errors on purpose; page errors still count.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${url}#v=1&lesson_url=${encodeURIComponent(other.base + 'good.json')}&lesson=17.2`);
    await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().lesson.active === 17, null, { timeout: 60000 });
    let s = await state(page);
    t.check('a linked lesson from another site opens at the step the link names', s.lesson.title === 'Our own graph' && s.lesson.step === 2 &&
            s.lesson.question?.answer === 3, JSON.stringify(s.lesson).slice(0, 300));
    t.check('the address bar keeps the lesson_url, so the link can be shared', /lesson_url=/.test(s.link) && /lesson=17\.2/.test(s.link), s.link);
    await page.screenshot({ path: path.join(out, 'web-lesson-url.png') });

    await page.evaluate((u) => window.gradlab.open(`#v=1&lesson_url=${encodeURIComponent(u)}`), other.base + 'broken.json');
    await page.waitForFunction(() => window.gradlab.state().lesson.problem.includes('broken.json'), null, { timeout: 20000 });
    s = await state(page);
    t.check('a broken lesson file is named with its step and problem', /broken\.json, step 1: setting lr/.test(s.lesson.problem), s.lesson.problem);

    await page.evaluate((u) => window.gradlab.open(`#v=1&lesson_url=${encodeURIComponent(u)}`), other.base + 'private.json');
    await page.waitForFunction(() => window.gradlab.state().lesson.problem.includes('private.json'), null, { timeout: 20000 });
    s = await state(page);
    t.check('a lesson from a site that does not allow it says why', /could not be fetched.*Access-Control-Allow-Origin/.test(s.lesson.problem), s.lesson.problem);

    await page.evaluate(() => window.gradlab.open('#v=1&lesson_url=javascript:alert(1)//x.json'));
    await page.waitForTimeout(300);
    s = await state(page);
    t.check('a lesson_url of another scheme is refused', /lesson_url: must be an https/.test(s.status), s.status);

    await page.evaluate(() => window.gradlab.open('#v=1&tab=lessons&lesson='));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'lesson-open-file')]);
    await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(lesson('From my disk')) });
    await page.waitForFunction(() => window.gradlab.state().lesson.title === 'From my disk', null, { timeout: 20000 });
    s = await state(page);
    t.check('a lesson file the student opens joins the list after the others and opens', s.lesson.active === 18 && s.lesson.step === 1,
            JSON.stringify({ active: s.lesson.active, progress: s.lesson.progress.length }));

    // Dropped on the page, as a file dragged from the desktop arrives.
    const drop = (name, text) => page.evaluate(([n, body]) => {
      const data = new DataTransfer();
      data.items.add(new File([body], n, { type: 'application/json' }));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [name, text]);
    await drop('dropped.json', lesson('Dropped on the page'));
    await page.waitForFunction(() => window.gradlab.state().lesson.title === 'Dropped on the page', null, { timeout: 20000 });
    s = await state(page);
    t.check('a lesson file dropped on the page joins the list and opens', s.lesson.active === 19 && s.lesson.step === 1,
            JSON.stringify({ active: s.lesson.active }));
    await drop('notes.txt', 'hello');
    await page.waitForFunction(() => /notes\.txt: only a lesson file/.test(window.gradlab.state().status), null, { timeout: 5000 })
      .catch(() => {});
    s = await state(page);
    t.check('another file dropped is refused with where it opens instead', /notes\.txt: only a lesson file \(\.json\)/.test(s.status), s.status);
    await drop('huge.json', 'x'.repeat((1 << 20) + 100));
    await page.waitForFunction(() => /huge\.json/.test(window.gradlab.state().status), null, { timeout: 5000 }).catch(() => {});
    s = await state(page);
    t.check('a dropped file over 1 MB is refused as too large', /huge\.json: larger than 1 MB/.test(s.status), s.status);
    t.check('no page errors', pageErrors.length === 0, pageErrors.join('; '));
  } finally {
    other.server.close();
  }
});
