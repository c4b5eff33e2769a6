// Embedding, as an instructor's course page does it: the host page comes from another origin
// (a second local server, addressed as localhost) than the app (the test server at 127.0.0.1),
// and drives the app through web/gradlab-embed.js. A third origin (http://third.test, answered by
// Playwright's request routing) tries to drive it too. Checks: five embeds on a page load
// WebAssembly only for the one started; each command of the host API works and events arrive;
// messages from a third origin and a thousand random or malformed ones change nothing; the host's
// text field keeps its keys and the wheel scrolls the host while the app is not focused; arrow keys
// in the focused app do not scroll the host; auto-height follows the content. Prints what an idle
// and a running embed cost.
//   node tests/browser/embed.mjs --site build/wasm/site --out build/wasm/screenshots
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterFrames, clickItem, runBrowserTest, serve, until } from './browser.mjs';

const THIRD = 'http://third.test';

function hostPage(app) {
  const embeds = [1, 2, 3, 4, 5].map((i) => `<div id="e${i}" class="slot"></div><p>Between the figures.</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Course page</title>
<style>body{margin:0;padding:16px;font:16px sans-serif} .slot{margin:12px 0} p{height:120px}</style></head><body>
<h1>Lecture 4</h1><input id="notes" placeholder="your notes" style="width:300px">
${embeds}
<div style="height:3000px"></div>
<script src="${app}gradlab-embed.js"></script>
<script>
  window.events = [];
  window.handles = [];
  const links = ['#v=1&data=toy:circles&model=mlp:8+relu&optimizer=adam&lr=0.03&epochs=3', '#v=1&lesson=9.1', '#v=1&tab=backprop',
                 '#v=1&lesson=10.1', '#v=1&tab=calculators'];
  links.forEach((link, i) => {
    const h = Gradlab.embed(document.getElementById('e' + (i + 1)), { link, height: i === 0 ? 'auto' : 360, width: 720, title: 'figure ' + (i + 1),
                                                                       hosts: i === 2 ? '${THIRD}' : undefined });
    ['ready', 'stateChanged', 'epochEnd', 'backpropStep', 'lessonStep', 'lessonCompleted', 'error', 'resize']
      .forEach((name) => h.on(name, (data) => window.events.push({ embed: i + 1, name, data })));
    window.handles.push(h);
  });
  // Made after the embeds, so that window.frames lists e1..e5 first and this page last.
  const third = document.createElement('iframe');
  third.id = 'third';
  third.src = '${THIRD}/third.html';
  third.width = third.height = 10;
  document.body.appendChild(third);
</script></body></html>`;
}

// A page of another origin inside the host page that tries to drive the first embed.
const thirdPage = `<!doctype html><script>
  window.replies = [];
  addEventListener('message', (e) => { if (e.data && e.data.type === 'reply') window.replies.push({ origin: e.origin, data: e.data }); });
  // The third embed lists this origin in hosts=: it may ask that one.
  window.askAllowed = () => {
    parent.frames[2].postMessage({ protocol: 'gradlab/1', type: 'call', id: 9, method: 'getState', args: [] }, '*');
  };
  window.attack = () => {
    // Every embed but the third, which lists this origin in hosts=.
    const targets = Array.from({ length: parent.frames.length }, (_, i) => parent.frames[i]).filter((w, i) => w !== window && i !== 2);
    const send = (m) => targets.forEach((w) => w.postMessage(m, '*'));
    send({ protocol: 'gradlab/1', type: 'hello' });
    send({ protocol: 'gradlab/1', type: 'call', id: 1, method: 'setState', args: [{ lr: '0.9', model: 'linear' }] });
    send({ protocol: 'gradlab/1', type: 'call', id: 2, method: 'reset', args: [] });
  };
</script>`;

const events = (page, name, embed = 1) => page.evaluate(([n, e]) => window.events.filter((x) => x.name === n && x.embed === e), [name, embed]);
const call = (page, method, ...args) => page.evaluate(([m, a]) => window.handles[0][m](...a).then((r) => ({ ok: true, r }), (e) => ({ ok: false, e: e.message })), [method, args]);

await runBrowserTest('browser embed test', async ({ browser, url, out, t }) => {
  const hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-host-'));
  fs.writeFileSync(path.join(hostDir, 'lecture.html'), hostPage(url));
  const hostServer = await serve(hostDir);
  const HOST = hostServer.base.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const pageErrors = [];
  const wasmRequests = [];
  const bytes = { idle: 0, engine: 0 };  // of the first embed: its poster, then its engine and data
  context.on('request', (r) => { if (r.url().endsWith('/gradlab.wasm')) wasmRequests.push(r.frame().url()); });
  context.on('response', async (r) => {
    if (!r.url().startsWith(url) || !r.frame().url().includes('data=toy')) return;
    // Bytes on the wire (compressed, as scripts/serve.mjs and static hosts send them).
    const sizes = await r.request().sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    if (/gradlab(-assets)?\.(js|wasm|data)$/.test(r.url()) || r.url().includes('/data/')) bytes.engine += size; else bytes.idle += size;
  });
  await context.route(`${THIRD}/**`, (route) => route.fulfill({ contentType: 'text/html', body: thirdPage }));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().includes('dropped')) warnings.push(m.text()); });
  await page.goto(`${HOST}/lecture.html`);
  await page.waitForTimeout(1500);  // the posters load; nothing else should

  // ---- posters: nothing heavy until a student starts one
  const frame = page.frames().find((f) => f.url().includes('data=toy'));
  t.check('the first embed shows its poster and loads no WebAssembly', frame && wasmRequests.length === 0 &&
          await frame.evaluate(() => !document.getElementById('poster').hidden && !window.gradlab.engineRequested()));
  t.check('the poster names the set-up', frame && /mlp:8/.test(await frame.evaluate(() => document.getElementById('poster-detail').textContent)));
  await page.screenshot({ path: path.join(out, 'web-embed-posters.png') });
  const idleBytes = bytes.idle;

  // ---- the host page's text field keeps its keys while the app is not focused
  await page.click('#notes');
  await page.keyboard.type('chain rule');
  t.check('the host text field keeps its keystrokes', (await page.inputValue('#notes')) === 'chain rule');

  // ---- a command starts the engine of that embed only
  const started = await call(page, 'play');
  await page.waitForFunction(() => window.events.some((e) => e.name === 'ready' && e.embed === 1), null, { timeout: 90000 });
  t.check('play() starts the embed and resolves', started.ok, JSON.stringify(started));
  await page.waitForFunction(() => window.events.filter((e) => e.name === 'epochEnd' && e.embed === 1).length >= 3, null, { timeout: 60000 });
  const epochs = await events(page, 'epochEnd');
  t.check('epochEnd events arrive with loss and accuracies', epochs.length >= 3 && epochs[0].data.epoch === 1 &&
          Number.isFinite(epochs[2].data.loss) && epochs[2].data.testAccuracy > 0.5, JSON.stringify(epochs.at(-1)));
  t.check('with five embeds on the page only the started one loaded WebAssembly', wasmRequests.length === 1 &&
          wasmRequests[0].includes('data=toy'), JSON.stringify(wasmRequests));
  const runningBytes = bytes.engine;
  const memory = await frame.evaluate(() => ({ heap: performance.memory ? performance.memory.usedJSHeapSize : 0, wasm: Module.HEAPU8.length }));
  const idleFrame = page.frames().find((f) => f.url().includes('lesson=9.1'));
  const idleMemory = idleFrame ? await idleFrame.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0)) : 0;

  // ---- each command
  let state = (await call(page, 'getState')).r;
  t.check('getState() reports the set-up', state?.settings?.model === 'mlp:8 relu' && state.settings.embed === '1' && state.training.epoch === 3,
          JSON.stringify(state?.training));
  const set = await call(page, 'setState', { lr: '0.05', epochs: '50', bogus: '1', hosts: 'http://evil.test' });
  state = (await call(page, 'getState')).r;
  t.check('setState() applies good settings through the registry and names the bad ones', set.ok &&
          JSON.stringify(set.r.applied) === '["lr","epochs"]' && set.r.problems.length === 2 && /bogus/.test(set.r.problems.join()) &&
          state.settings.lr === '0.05' && state.settings.hosts === '', JSON.stringify(set));
  await call(page, 'reset');
  state = (await call(page, 'getState')).r;
  t.check('reset() forgets the run', state.training.steps === 0 && !state.training.playing, JSON.stringify(state.training));
  const stepped = await call(page, 'step', 5);
  state = (await call(page, 'getState')).r;
  t.check('step(5) trains five batches and pauses', stepped.ok && state.training.steps === 5 && !state.training.playing, JSON.stringify(state.training));
  await call(page, 'play');
  await page.waitForTimeout(300);
  await call(page, 'pause');
  const paused = (await call(page, 'getState')).r.training;
  await page.waitForTimeout(300);
  t.check('play() goes on and pause() stops', paused.steps > 5 && !paused.playing && (await call(page, 'getState')).r.training.steps === paused.steps,
          JSON.stringify(paused));
  const badStep = await call(page, 'step', 1e9);
  t.check('a bad argument is refused with a reason', !badStep.ok && /1 to 1000/.test(badStep.e), badStep.e);

  await call(page, 'openLesson', 9, 2);
  await page.waitForFunction(() => window.events.some((e) => e.name === 'lessonStep' && e.embed === 1 && e.data.step === 2), null, { timeout: 5000 });
  t.check('openLesson() opens the step and lessonStep arrives', (await events(page, 'lessonStep')).some((e) => e.data.lesson === 9 && e.data.steps > 2));
  const steps = (await events(page, 'lessonStep')).at(-1).data.steps;
  for (let s = 3; s <= steps; s++) await call(page, 'openLesson', 9, s);
  // Finish on the last step, clicked as a student would (the app reports where the button is):
  // the pointer rests on it for a couple of frames first, as ImGui acts on a press it has seen.
  await frame.waitForFunction(() => window.gradlab.state().items['lesson-finish'], null, { timeout: 10000 }).catch(() => {});
  const finish = await frame.evaluate(() => window.gradlab.state().items['lesson-finish']);
  const top = await page.evaluate(() => window.handles[0].iframe.getBoundingClientRect().top + window.scrollY);
  if (finish) await page.evaluate((y) => window.scrollTo(0, y), top + finish.y - 300);
  const box = await page.locator('#e1 iframe').boundingBox();
  if (finish) {
    await page.mouse.move(box.x + finish.x + finish.w / 2, box.y + finish.y + finish.h / 2);
    await afterFrames(frame, 2);
    await page.mouse.click(box.x + finish.x + finish.w / 2, box.y + finish.y + finish.h / 2);
  }
  await page.waitForFunction(() => window.events.some((e) => e.name === 'lessonCompleted'), null, { timeout: 5000 }).catch(() => {});
  const completed = await events(page, 'lessonCompleted');
  t.check('Finish on the last step sends lessonCompleted with a score', completed.length === 1 && completed[0].data.lesson === 9 &&
          completed[0].data.score > 0 && completed[0].data.score <= 100, JSON.stringify(completed));

  await call(page, 'setState', { tab: 'backprop', example: 'add-mul' });
  await call(page, 'setState', { bp: 'step' });
  await page.waitForTimeout(200);
  const bp = (await events(page, 'backpropStep')).at(-1);
  t.check('the stepper sends backpropStep with the node and its formula', bp && bp.data.step === 1 && bp.data.phase === 'forward' &&
          typeof bp.data.formula === 'string' && bp.data.formula.length > 0, JSON.stringify(bp));
  await page.waitForTimeout(600);
  t.check('stateChanged arrives (debounced) with the link', (await events(page, 'stateChanged')).some((e) => /tab=backprop/.test(e.data.link)));

  // ---- a third origin and a thousand malformed messages change nothing
  const before = (await call(page, 'getState')).r;
  const third = page.frames().find((f) => f.url().startsWith(THIRD));
  await third.evaluate(() => window.attack());
  await page.evaluate(() => {
    const target = window.handles[0].iframe.contentWindow;
    const origin = new URL(window.handles[0].iframe.src).origin;
    const junk = [null, 7, 'text', [], { protocol: 'gradlab/2', type: 'call' }, { protocol: 'gradlab/1' }, { protocol: 'gradlab/1', type: 'nope' },
                  { protocol: 'gradlab/1', type: 'call', id: 'x', method: 'reset' }, { protocol: 'gradlab/1', type: 'call', id: 1, method: 'eval', args: ['alert(1)'] },
                  { protocol: 'gradlab/1', type: 'call', id: 2, method: 'setState', args: ['<img src=x onerror=alert(1)>'] },
                  { protocol: 'gradlab/1', type: 'call', id: 3, method: 'setState', args: [{ lr: 'x'.repeat(70000) }] },
                  { protocol: 'gradlab/1', type: 'call', id: 4, method: 'step', args: [-1] },
                  { protocol: 'gradlab/1', type: 'call', id: 5, method: 'openLesson', args: [1.5] },
                  { protocol: 'gradlab/1', type: 'call', id: 6, method: 'getState', args: 'no' },
                  { protocol: 'gradlab/1', type: 'call', id: 7, method: 'setState', args: [{ __proto__: { lr: '5' } }] }];
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (a) => a[Math.floor(rand() * a.length)];
    for (let i = 0; i < 1000; i++) {
      let m = junk[i % junk.length];
      if (i >= junk.length) {  // random shapes: fields of random types, nested, unknown methods
        const values = [undefined, null, 1e308, -1, 'gradlab/1', { a: [1, { b: 2 }] }, [[[]]], 'reset', 'setState', true, ''];
        m = { protocol: pick(['gradlab/1', 'gradlab/1', 'gradlab/0', 1]), type: pick(['call', 'hello', 'reply', 'event', 3]),
              id: pick([1, 2.5, 'id', null]), method: pick(['getState', 'setState', 'constructor', '__proto__', 'toString', 'play', 'x']),
              args: pick([[pick(values)], pick(values), [{ [pick(['lr', 'model', 'embed'])]: pick(values) }]]) };
      }
      try { target.postMessage(m, origin); } catch (e) { /* some values cannot be cloned: nothing was sent */ }
    }
  });
  await page.waitForTimeout(1500);
  const after = (await call(page, 'getState')).r;
  const frameBefore = await frame.evaluate(() => window.gradlab.state().frame);
  await page.waitForTimeout(300);
  const frameAfter = await frame.evaluate(() => window.gradlab.state().frame);
  // The random messages come from the host itself, so a few well-formed calls among them may act
  // (play, reset); what must hold is that the set-up did not change and the app still runs.
  t.check('a third origin and 1000 malformed messages leave the set-up as it was', after.settings.model === before.settings.model &&
          after.settings.lr === before.settings.lr && after.settings.embed === '1' && after.tab === before.tab, `${after.link} vs ${before.link}`);
  t.check('the app keeps running, with no page errors', frameAfter > frameBefore && pageErrors.length === 0, pageErrors.join('; '));
  t.check('dropped messages are warned about in the console', warnings.some((w) => w.includes(THIRD)) && warnings.length > 100, `${warnings.length} warnings`);

  // ---- an origin listed in hosts= may drive that embed (and only that one)
  const repliesBefore = await third.evaluate(() => window.replies.length);
  await page.locator('#e3 iframe').scrollIntoViewIfNeeded();  // loading="lazy": a frame far below is not loaded yet
  await page.waitForFunction(() => window.handles[2].iframe.contentWindow.location !== undefined, null, { timeout: 10000 }).catch(() => {});
  const thirdEmbed = await (await page.locator('#e3 iframe').elementHandle()).contentFrame();
  await thirdEmbed.waitForFunction(() => window.gradlab !== undefined, null, { timeout: 30000 });
  await third.evaluate(() => window.askAllowed());
  // polling: a hidden frame gets no animation frames, which waitForFunction would wait for by default
  await third.waitForFunction(() => window.replies.some((r) => r.data.id === 9), null, { timeout: 90000, polling: 100 });
  const allowedReply = await third.evaluate(() => window.replies.find((r) => r.data.id === 9));
  t.check('an origin in hosts= gets answers from that embed; the others answered it nothing', repliesBefore === 0 && allowedReply.data.ok &&
          allowedReply.data.result.tab === 'backprop' && allowedReply.data.result.settings.hosts === THIRD, JSON.stringify(allowedReply.data).slice(0, 200));

  // ---- focus: wheel and arrows
  await call(page, 'setState', { tab: 'train' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('#notes');
  const box2 = await page.locator('#e1 iframe').boundingBox();
  await page.mouse.move(box2.x + box2.width / 2, box2.y + 40);
  await page.mouse.wheel(0, 300);
  await until(async () => (await page.evaluate(() => window.scrollY)) > 100, 5000);
  const scrolled = await page.evaluate(() => window.scrollY);
  t.check('the wheel over the unfocused embed scrolls the host page', scrolled > 100, `scrollY ${scrolled}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  const box3 = await page.locator('#e1 iframe').boundingBox();
  await page.mouse.click(box3.x + box3.width - 30, box3.y + 200);  // the view, where a click changes nothing
  const focused = await until(() => frame.evaluate(() => document.activeElement === window.gradlab.canvas), 5000);
  const clickScroll = await page.evaluate(() => window.scrollY);
  for (const key of ['ArrowDown', 'ArrowDown', 'PageDown', 'End', 'Space']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  t.check('a click focuses the app, and arrow keys there do not scroll the host page', focused && (await page.evaluate(() => window.scrollY)) === 0,
          `focused ${focused}, scrollY after the click ${clickScroll}, after the keys ${await page.evaluate(() => window.scrollY)}`);
  await page.keyboard.press('Escape');
  const released = await until(() => frame.evaluate(() => document.activeElement !== window.gradlab.canvas), 5000);
  t.check('Escape gives the keyboard back', released);

  // ---- fullscreen (gradlab-embed.js's iframe has allow="fullscreen")
  await page.locator('#e1 iframe').contentFrame().locator('#embed-fullscreen').click();
  const full = await until(() => frame.evaluate(() => document.fullscreenElement !== null), 5000);
  await page.locator('#e1 iframe').contentFrame().locator('#embed-fullscreen').click();
  const left = await until(() => frame.evaluate(() => document.fullscreenElement === null), 5000);
  t.check('the embed\'s fullscreen button enters and leaves fullscreen', full && left, `entered ${full}, left ${left}`);

  // ---- auto-height
  // The height goes app -> message -> host script -> style, a few frames each: waited for, not timed.
  const frameHeight = () => page.evaluate(() => parseFloat(window.handles[0].iframe.style.height));
  const fitsContent = async () => Math.abs((await frameHeight()) - (await frame.evaluate(() => window.gradlab.state().contentHeight))) <= 1;
  await call(page, 'setState', { tab: 'lessons' });
  await until(async () => (await events(page, 'resize')).length > 0 && await fitsContent(), 10000);
  const sized = await page.evaluate(() => parseFloat(window.handles[0].iframe.style.height));
  const appSaw = await frame.evaluate(() => window.gradlab.state());
  const resizes = await events(page, 'resize');
  // The app's own display height is printed too: if the frame and the content ever disagree again
  // (once in CI, frame 1220, content 1010), it tells whether the app saw the frame's new size.
  t.check('auto-height: the frame takes the height the content reports', resizes.length > 0 && Math.abs(sized - appSaw.contentHeight) <= 1 &&
          Math.abs(resizes.at(-1).data.height - sized) <= 1,
          `frame ${sized}, content ${appSaw.contentHeight}, the app's display ${appSaw.display.height}, last resize event ${resizes.at(-1)?.data.height}`);
  await call(page, 'setState', { tab: 'train', view: 'curves' });
  // The Train tab may need the same height as the lesson: wait for frames that drew it and for
  // agreement, not for a change.
  const switchedAt = await frame.evaluate(() => window.gradlab.state().frame);
  await until(async () => (await frame.evaluate(() => window.gradlab.state().frame)) > switchedAt + 2 && await fitsContent() &&
                          Math.abs((await frame.evaluate(() => window.gradlab.state().display.height)) - (await frameHeight())) <= 1, 10000);
  const grown = await page.evaluate(() => parseFloat(window.handles[0].iframe.style.height));
  const shown = await frame.evaluate(() => window.gradlab.state());
  t.check('auto-height follows the content: the Train tab\'s set-up panel fits without scrolling', grown >= sized &&
          Math.abs(shown.display.height - grown) <= 1 && Math.abs(shown.contentHeight - grown) <= 1, `${sized} -> ${grown}, content ${shown.contentHeight}`);
  await page.screenshot({ path: path.join(out, 'web-embed-running.png'), fullPage: false });

  console.log('\nWhat an embed costs (this run, this machine):');
  console.log(`  idle embed (poster): ${(idleBytes / 1024).toFixed(1)} kB transferred; JS heap ${(idleMemory / 1e6).toFixed(1)} MB`);
  console.log(`  running embed: ${(runningBytes / 1e6).toFixed(1)} MB transferred (engine and data); JS heap ${(memory.heap / 1e6).toFixed(1)} MB + WebAssembly memory ${(memory.wasm / 1e6).toFixed(1)} MB`);
  await context.close();

  // ---- web/embed-example.html, the course page the README shows
  const example = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const ex = await example.newPage();
  ex.on('pageerror', (e) => pageErrors.push(e.message));
  await ex.goto(`${url}embed-example.html`);
  await ex.locator('#lesson-backprop').contentFrame().locator('#poster').click();
  await ex.click('#step');  // starts the driven figure and trains ten batches
  await ex.click('#play');
  await ex.waitForFunction(() => /epoch \d+: loss/.test(document.getElementById('readout').textContent), null, { timeout: 90000 });
  await ex.evaluate(() => document.getElementById('figure-boundary').scrollIntoView());
  await ex.waitForFunction(() => document.querySelector('#figure-boundary iframe').contentWindow.gradlab?.ready(), null, { timeout: 90000 }).catch(() => {});
  await ex.waitForTimeout(3000);
  const boundaryStarted = await ex.evaluate(() => document.querySelector('#figure-boundary iframe').contentWindow.gradlab?.ready() === true);
  t.check('embed-example.html: a lesson starts on a click, the buttons drive their figure, the live figure starts when scrolled to',
          boundaryStarted && /epoch/.test(await ex.textContent('#readout')), await ex.textContent('#readout'));
  await ex.evaluate(() => window.scrollTo(0, 0));
  await ex.screenshot({ path: path.join(out, 'web-embed-example.png'), fullPage: true });
  t.check('embed-example.html runs without page errors', pageErrors.length === 0, pageErrors.join('; '));
  await example.close();

  // ---- the Share dialog's Embed tab gives a snippet that works in another origin's page
  const sharing = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = await sharing.newPage();
  await app.goto(`${url}#v=1&tab=backprop&example=add-mul`);
  await app.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  await app.evaluate(() => { window.copied = []; window.gradlab.copyText = (text) => window.copied.push(text); });
  for (const item of ['share', 'share-embed-tab', 'share-copy-embed']) await clickItem(app, item);
  await until(() => app.evaluate(() => window.copied.length > 0), 5000);
  const snippet = (await app.evaluate(() => window.copied.at(-1))) || '';
  t.check('the Embed tab gives an iframe snippet for the set-up', snippet.startsWith(`<iframe src="${url}#v=1&`) &&
          /tab=backprop/.test(snippet) && /embed=1/.test(snippet) && /loading="lazy"/.test(snippet) &&
          /allow="fullscreen/.test(snippet) && /title="Gradlab: backpropagation on f = \(x \+ y\) \* z"/.test(snippet), snippet);
  fs.writeFileSync(path.join(hostDir, 'pasted.html'), `<!doctype html><title>Pasted</title><body>${snippet}</body>`);
  const pasted = await sharing.newPage();
  await pasted.goto(`${HOST}/pasted.html`);
  const pastedFrame = pasted.frameLocator('iframe');
  await pastedFrame.locator('#poster').click();
  await pasted.waitForFunction(() => true);
  const pastedApp = pasted.frames().find((f) => f.url().startsWith(url));
  await pastedApp.waitForFunction(() => window.gradlab.ready(), null, { timeout: 60000 });
  const pastedState = await pastedApp.evaluate(() => window.gradlab.state());
  t.check('the pasted snippet opens the same set-up in embed mode', pastedState.embed && pastedState.tab === 'Backprop' &&
          pastedState.backprop.expression === 'f = (x + y) * z', `${pastedState.link} ${pastedState.backprop.expression}`);
  await sharing.close();
  hostServer.server.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});
