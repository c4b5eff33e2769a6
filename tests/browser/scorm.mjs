// A Gradlab lesson inside an LMS, as Moodle runs a SCORM 1.2 package. The "LMS" is a page on one
// local origin holding scorm-again's SCORM 1.2 run-time (npm) as window.API, with the package
// from scripts/lms-package unzipped beside it and its launch.html in an iframe; the launch page
// embeds the Gradlab site from a second origin. The test goes through the lesson in the embed as
// a student does (Next to the last step, then Finish) and checks what the run-time recorded
// (lesson_status, score), what the LMS was sent (LMSCommit), and LMSFinish when the LMS closes
// the frame. Also: the launch page outside an LMS says that nothing is recorded.
//   node tests/browser/scorm.mjs --site build/wasm/site --out build/wasm/screenshots
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, runBrowserTest, serveRoutes } from './browser.mjs';

const LESSON = 9;  // backprop on f = (x + y) z: it asks nothing, so its score is the share of steps seen
const scormRuntime = path.join(repoRoot, 'tests/browser/node_modules/scorm-again/dist/scorm12.js');

// The LMS page: the run-time as window.API, a log of what the SCO set, the SCO in an iframe.
const LMS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="/scorm-again/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ lmsCommitUrl: '/commit', logLevel: 4 });
  window.lms = { set: [], finished: false };
  API.on('LMSSetValue.cmi.*', (element, value) => lms.set.push([element, value]));
  API.on('LMSFinish', () => { lms.finished = true; });
</script></head>
<body style="margin:0"><iframe id="sco" src="/package/launch.html" title="Gradlab lesson"
  style="border:0;width:1240px;height:940px"></iframe></body></html>`;

function makePackage(siteUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-scorm-'));
  const zip = path.join(dir, 'package.zip');
  const made = execFileSync('python3', [path.join(repoRoot, 'scripts/lms-package'), '--site-url', siteUrl,
                                        '--lesson', String(LESSON), '--out', zip], { encoding: 'utf8' });
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, path.join(dir, 'package')]);
  return { dir, made };
}

// The frame of `page` whose address starts with `prefix`, once it exists.
async function frameAt(page, prefix, timeout = 30000) {
  for (const end = Date.now() + timeout; Date.now() < end; await page.waitForTimeout(100)) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
  }
  throw new Error(`no frame at ${prefix} (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
}

// Clicks a named item of the app (state().items, CSS pixels of its frame) with the mouse.
async function clickItem(page, app, name) {
  const item = (await app.evaluate(() => window.gradlab.state())).items[name];
  if (!item) return false;
  const frameElement = await app.frameElement();
  await frameElement.scrollIntoViewIfNeeded();
  const box = await frameElement.boundingBox();
  await page.mouse.click(box.x + item.x + item.w / 2, box.y + item.y + item.h / 2);
  return true;
}

await runBrowserTest('browser SCORM 1.2 package in an LMS', async ({ url, out, t, openPage }) => {
  if (!fs.existsSync(scormRuntime)) throw new Error(`${scormRuntime} is missing: scripts/setup installs scorm-again (npm ci in tests/browser)`);
  const { dir, made } = makePackage(url);
  const commits = [];
  const lms = await serveRoutes((req, body) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname === '/lms.html') return { type: 'text/html; charset=utf-8', body: LMS_PAGE };
    if (pathname === '/scorm-again/scorm12.js') return { type: 'text/javascript', body: fs.readFileSync(scormRuntime) };
    if (pathname === '/commit' && req.method === 'POST') {
      commits.push(JSON.parse(body));
      return { type: 'application/json', body: JSON.stringify({ result: true, errorCode: 0 }) };
    }
    const file = /^\/package\/(launch\.html|launch\.js)$/.exec(pathname);
    if (file) return { type: file[1].endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
                       body: fs.readFileSync(path.join(dir, 'package', file[1])) };
    return null;
  });
  try {
    t.check('scripts/lms-package wrote the package for the served site', made.includes(`embeds:   ${url}#v=1&lesson=${LESSON}.1&embed=1`),
            made.split('\n').find((line) => line.includes('embeds:')) || made);
    const page = await openPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${lms.base}lms.html`);
    const launch = await frameAt(page, `${lms.base}package/launch.html`);
    const app = await frameAt(page, url, 60000);
    t.check('the launch page is on the LMS origin, Gradlab on another', new URL(launch.url()).origin === new URL(lms.base).origin &&
            new URL(app.url()).origin !== new URL(lms.base).origin, `${launch.url()} / ${app.url()}`);
    t.check('inside the LMS the launch page shows no "not inside an LMS" note', await launch.evaluate(() => document.getElementById('note').hidden));
    await page.waitForFunction(() => API.cmi.core.lesson_status === 'incomplete', null, { timeout: 10000 });
    t.check('LMSInitialize, then lesson_status incomplete', await page.evaluate(() => API.isInitialized()));

    await app.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
    let s = await app.evaluate(() => window.gradlab.state());
    t.check(`the embed opens lesson ${LESSON} at its first step`, s.lesson.active === LESSON && s.lesson.step === 1, JSON.stringify(s.lesson));

    // As a student: Next until the last step, then Finish. A click that only gave the embed the
    // focus is tried once more.
    const stepIs = (step) => app.waitForFunction((k) => window.gradlab.state().lesson.step === k, step, { timeout: 5000 }).then(() => true, () => false);
    for (let guard = 0; guard < 50; guard++) {
      s = await app.evaluate(() => window.gradlab.state());
      if (await clickItem(page, app, 'lesson-next')) {
        if (!(await stepIs(s.lesson.step + 1)) && !((await clickItem(page, app, 'lesson-next')) && (await stepIs(s.lesson.step + 1))))
          throw new Error(`Next did not move past step ${s.lesson.step}`);
        continue;
      }
      if (!(await clickItem(page, app, 'lesson-finish')))
        throw new Error(`the app reports neither 'lesson-next' nor 'lesson-finish' in state().items (${Object.keys(s.items).join(' ')})`);
      break;
    }
    await page.waitForFunction(() => API.cmi.core.lesson_status === 'completed', null, { timeout: 20000 });
    const core = await page.evaluate(() => ({ status: API.LMSGetValue('cmi.core.lesson_status'), raw: API.LMSGetValue('cmi.core.score.raw'),
                                              min: API.cmi.core.score.min, max: API.cmi.core.score.max }));
    t.check('Finish on the last step: the run-time records lesson_status completed', core.status === 'completed', JSON.stringify(core));
    t.check('and score.raw 100 (every step seen), min 0, max 100', core.raw === '100' && core.min === '0' && core.max === '100', JSON.stringify(core));
    const last = commits[commits.length - 1];
    t.check('LMSCommit sent the LMS the status and the score', last?.cmi?.core?.lesson_status === 'completed' &&
            String(last?.cmi?.core?.score?.raw) === core.raw, JSON.stringify(last?.cmi?.core));
    await page.screenshot({ path: path.join(out, 'web-lms-scorm.png') });

    // The LMS leaves the activity: the frame goes, pagehide comes, LMSFinish with the session time.
    await page.evaluate(() => document.getElementById('sco').remove());
    await page.waitForFunction(() => lms.finished, null, { timeout: 10000 });
    const set = await page.evaluate(() => lms.set);
    t.check('removing the frame calls LMSFinish after setting session_time',
            set.some(([k, v]) => k === 'cmi.core.session_time' && /^\d{4}:\d\d:\d\d\.\d\d$/.test(v)), JSON.stringify(set));

    // Outside an LMS: the same page, a plain note, the embed still there and working.
    const alone = await openPage({ viewport: { width: 1000, height: 700 } });
    await alone.goto(`${lms.base}package/launch.html`);
    const aloneApp = await frameAt(alone, url, 60000);
    await aloneApp.waitForFunction(() => window.gradlab && window.gradlab.ready(), null, { timeout: 60000 });
    const note = await alone.evaluate(() => ({ hidden: document.getElementById('note').hidden, text: document.getElementById('note').textContent }));
    t.check('outside an LMS the launch page embeds Gradlab and says nothing is recorded',
            !note.hidden && note.text === 'Not inside an LMS: nothing is recorded.', JSON.stringify(note));
  } finally {
    lms.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
