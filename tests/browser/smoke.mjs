// Browser smoke test of the web app: open the page from a sub-path of a static server in
// headless Chromium at devicePixelRatio 2, wait for frames, check the canvas is drawn and sharp,
// click a tab and see the frame change, follow a link setting, survive a wild one, and see no
// console or page errors. Screenshots go to --out.
//   node tests/browser/smoke.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { runBrowserTest, distinctColours, state } from './browser.mjs';

const waitForFrames = (page, n, timeout = 60000) =>
  page.waitForFunction((k) => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame >= k,
                       n, { timeout });

await runBrowserTest('browser smoke test', async ({ url, out, t, openPage }) => {
  const options = { viewport: { width: 1200, height: 750 }, deviceScaleFactor: 2 };
  const page = await openPage(options);

  const started = Date.now();
  await page.goto(url);
  await waitForFrames(page, 5);
  t.check('first frames rendered from a sub-path', (await page.evaluate(() => window.gradlab.state().frame)) > 0,
          `${url}, ${Date.now() - started} ms`);

  const loadingHidden = await page.evaluate(() => getComputedStyle(document.getElementById('loading')).display === 'none');
  t.check('loading indicator is hidden after the first frame', loadingHidden);

  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
  });
  t.check('canvas fills the window', canvas.cw === 1200 && canvas.ch === 750, JSON.stringify(canvas));
  t.check('canvas backing store follows devicePixelRatio (sharp on HiDPI)',
          canvas.w === canvas.cw * canvas.dpr && canvas.h === canvas.ch * canvas.dpr, `${canvas.w}x${canvas.h}`);

  const s0 = await state(page);
  t.check('app reports the Train tab and HiDPI scale', s0.tab === 'Train' && s0.display.scale === 2, JSON.stringify(s0.display));

  const shot1 = await page.screenshot({ path: path.join(out, 'web-train.png') });
  const colours1 = await distinctColours(page, shot1);
  t.check('canvas is not blank', colours1 > 20, `${colours1} colours`);

  // Click the Backprop tab where the app says it is.
  const r = s0.tabRects.Backprop;
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => window.gradlab.state().tab === 'Backprop', null, { timeout: 10000 })
    .then(() => t.check('clicking the Backprop tab selects it', true),
          () => t.check('clicking the Backprop tab selects it', false));
  const frameAfterClick = (await state(page)).frame;
  await waitForFrames(page, frameAfterClick + 3);
  const shot2 = await page.screenshot({ path: path.join(out, 'web-backprop.png') });
  t.check('the frame changed after the click', !shot1.equals(shot2));
  t.check('the canvas has keyboard focus after a click',
          await page.evaluate(() => document.activeElement === document.getElementById('canvas')));

  // Once nothing changes, frames stop drawing (the page keeps the last picture): the canvas must
  // still show the app, not a cleared buffer.
  await page.mouse.move(5, 740);
  await page.waitForFunction(() => window.gradlab.state().frameDrawn === false, null, { timeout: 10000 });
  const idle = await page.screenshot({ path: path.join(out, 'web-idle.png') });
  const idleColours = await distinctColours(page, idle);
  t.check('an idle page skips drawing and keeps its picture', idleColours > 20, `${idleColours} colours`);

  // Resizing the window resizes the canvas and the layout.
  await page.setViewportSize({ width: 900, height: 600 });
  await page.waitForFunction(() => window.gradlab.state().display.width === 900, null, { timeout: 10000 })
    .then(() => t.check('the app follows a window resize', true),
          () => t.check('the app follows a window resize', false));

  // A link to a tab, and a wild link parameter that must be explained, not crash the app.
  const linked = await openPage(options);
  await linked.goto(`${url}?tab=calculators`);
  await waitForFrames(linked, 5);
  t.check('?tab=calculators opens the Calculators tab', (await state(linked)).tab === 'Calculators');
  await linked.goto(`${url}?tab=%3Cscript%3Ealert(1)%3C%2Fscript%3E&zoom=${'9'.repeat(500)}`);
  await waitForFrames(linked, 5);
  const wild = await state(linked);
  t.check('a wild link parameter is explained and the app keeps running',
          wild.tab === 'Train' && /tab: must be one of train, backprop/.test(wild.status) && /zoom: unknown setting/.test(wild.status),
          wild.status);
  await linked.screenshot({ path: path.join(out, 'web-wild-link.png') });
});
