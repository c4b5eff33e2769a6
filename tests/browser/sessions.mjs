// Nothing lost on reload, in headless Chromium: train a little, reload, and the set-up, the
// weights (the same next losses as without the reload) and the curves are back, with "Start
// fresh" beside the note; a shared link still wins over the stored work; with storage blocked
// the page works and says, once and quietly, that the work is not kept.
//   node tests/browser/sessions.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { afterFrames, clickItem, runBrowserTest, settledState, state } from './browser.mjs';

const ready = (page) => page.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3,
                                             null, { timeout: 60000 });
async function steps(page, n) {
  await page.waitForFunction(() => window.gradlab.state().train.dataState === 'ready', null, { timeout: 60000 });
  for (let i = 0; i < n; i++) await page.evaluate(() => window.gradlab.set('train', 'step'));
  return (await settledState(page)).train;
}
// The app stores at most every 3 seconds, once a step is complete.
const stored = (page) => page.waitForTimeout(4500);

await runBrowserTest('browser sessions test', async ({ url, out, t, openPage }) => {
  const options = { viewport: { width: 1280, height: 800 } };
  const setUp = `${url}#v=1&data=toy:circles&model=mlp:16+relu&optimizer=adam&batch=16&view=boundary`;

  // Two pages with the same set-up: one is reloaded half-way, the other is not.
  const page = await openPage(options);
  await page.goto(setUp);
  await ready(page);
  await steps(page, 5);
  await page.evaluate(() => window.gradlab.set('lr', '0.02'));  // a change after the link, kept too
  await steps(page, 3);
  await stored(page);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => window.gradlab.state().train.steps === 8, null, { timeout: 20000 }).catch(() => {});
  const back = await state(page);
  t.check('after a reload the set-up, the steps and the curves are back', back.train.steps === 8 && back.train.firstLosses?.length === 8 &&
          /lr=0.02/.test(back.link) && back.train.view === 'boundary' && /Your session is back/.test(back.status) && back.items['start-fresh'],
          `${back.train.steps} steps, ${back.link}, '${back.status}'`);
  const afterReload = await steps(page, 4);
  await page.screenshot({ path: path.join(out, 'web-session-restored.png') });

  const straight = await openPage(options);
  await straight.goto(setUp);
  await ready(straight);
  await steps(straight, 5);
  await straight.evaluate(() => window.gradlab.set('lr', '0.02'));
  const without = await steps(straight, 7);
  t.check('training goes on as if there had been no reload (the same losses, bit for bit)',
          JSON.stringify(afterReload.firstLosses) === JSON.stringify(without.firstLosses), `${afterReload.firstLosses?.slice(-4)} vs ${without.firstLosses?.slice(-4)}`);

  // Start fresh forgets it all, including what is stored; the theme and the language are the
  // student's own and stay.
  const themeBefore = (await state(page)).theme;
  await clickItem(page, 'start-fresh');
  await afterFrames(page, 5);
  const cleared = await state(page);
  t.check('Start fresh goes back to the defaults, but for the theme', cleared.link === (themeBefore === 'dark' ? 'v=1' : `v=1&theme=${themeBefore}`) &&
          cleared.theme === themeBefore && cleared.train.steps === undefined, cleared.link);
  await page.goto('about:blank');
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(500);
  t.check('and nothing comes back after it', (await state(page)).train.steps === undefined && (await state(page)).status === '');

  // A shared link wins over stored work.
  const other = await openPage(options);
  await other.goto(setUp);
  await ready(other);
  await steps(other, 3);
  await stored(other);
  await other.goto('about:blank');
  await other.goto(`${url}#v=1&tab=backprop&example=neuron`);
  await ready(other);
  await other.waitForTimeout(500);
  const linked = await state(other);
  t.check('a different link opens as it says, not the stored work', linked.tab === 'Backprop' && linked.train.steps === undefined &&
          linked.status === '', `${linked.tab}, '${linked.status}'`);

  // Storage blocked, as in some private windows and sandboxed frames.
  const blocked = await openPage(options);
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await blocked.goto(setUp);
  await ready(blocked);
  await blocked.waitForTimeout(500);
  const b = await steps(blocked, 3);
  const note = (await state(blocked)).status;
  t.check('with storage blocked the page trains and says the work is not kept',
          b.steps === 3 && /not kept in this browser: this browser window does not allow storage/.test(note), note);
  await blocked.screenshot({ path: path.join(out, 'web-session-blocked.png') });
});
