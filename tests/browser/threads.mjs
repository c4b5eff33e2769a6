// The page's two builds (web/shell.js): where the page is cross-origin isolated it loads the
// threaded one and trains on a thread of its own; elsewhere (most course pages and LMS frames)
// the one that trains between frames. In headless Chromium:
// - served with the isolation headers: the threaded build, a training thread; Pause stops at a
//   step boundary and stays, Step takes exactly one step, Play goes on, Reset puts the run away;
// - the same seed gives the same losses, bit for bit, in both builds, also with a CNN split over
//   three threads (a 4-core laptop, as the page is told);
// - served without the headers, or with threads=0: the build without threads, which pauses,
//   steps and resets the same way;
// - a plain static host: the first visit has no isolation; from the next, the service worker
//   gives it, and the page loads the threaded build.
//   node tests/browser/threads.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { clickItem, runBrowserTest, serve, until } from './browser.mjs';

const SETUP = 'data=cifar10&classes=cat,dog,ship&per_class=200&model=linear&epochs=20000&seed=7';
const ready = (page) => page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().train.dataState !== 'loading',
                                             null, { timeout: 90000 });
const train = (page) => page.evaluate(() => window.gradlab.state().train);
// Once the app has applied (and, with a thread, shown) all it was asked; never while it plays.
const settled = (page) => page.waitForFunction(() => window.gradlab.state().train.settled !== false, null, { timeout: 30000 });
const set = async (page, key, value) => {
  await page.evaluate(([k, v]) => window.gradlab.set(k, v), [key, value]);
  await page.waitForTimeout(100);  // the app applies it at its next frame
  if (!['1', 'play'].includes(value)) await settled(page);
};

// Trains a little, then pauses, steps, waits, plays and resets, as a student would.
async function controls(t, page, label, wantThread) {
  await set(page, 'train', '1');
  await page.waitForFunction(() => (window.gradlab.state().train.steps || 0) > 30, null, { timeout: 60000 });
  const running = await train(page);
  t.check(`${label}: ${wantThread ? 'trains on a thread of its own' : 'trains between frames, without a thread'}`,
          running.trainingThread === wantThread && running.steps > 30, `thread ${running.trainingThread}, ${running.steps} steps`);
  await set(page, 'train', 'pause');
  const paused = await train(page);
  await page.waitForTimeout(500);
  const stillPaused = await train(page);
  t.check(`${label}: Pause stops at a step boundary and stays`, paused.playing === false && stillPaused.steps === paused.steps,
          `${paused.steps} -> ${stillPaused.steps}`);
  await set(page, 'train', 'step');
  const stepped = await train(page);
  t.check(`${label}: Step takes exactly one step`, stepped.steps === paused.steps + 1, `${paused.steps} -> ${stepped.steps}`);
  await set(page, 'train', 'play');
  await page.waitForFunction((n) => window.gradlab.state().train.steps > n + 10, stepped.steps, { timeout: 30000 });
  t.check(`${label}: Play goes on`, true);
  await set(page, 'train', 'reset');
  const reset = await train(page);
  t.check(`${label}: Reset puts the run away`, reset.steps === undefined, JSON.stringify(reset.steps));
}

const CNN = 'data=cifar10&classes=cat,dog,ship&per_class=200&model=conv8k3p1+relu+pool2+conv8k3p1+relu+pool2+fc&epochs=20000&seed=7';

// The first losses of a run of the same set-up and seed, 20 steps taken one by one.
async function firstLosses(page) {
  await set(page, 'train', 'reset');
  await set(page, 'train', 'step');  // starts a new run, paused, with one step
  for (let i = 1; i < 20; i++) await set(page, 'train', 'step');
  return (await train(page)).firstLosses;
}

await runBrowserTest('browser threads test', async ({ url, out, t, openPage, opt }) => {
  const root = path.dirname(path.resolve(opt.site));
  const sub = path.basename(path.resolve(opt.site));
  const isolated = await serve(root, { isolate: true });
  try {
    const page = await openPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${isolated.base}${sub}/?${SETUP}`);
    await ready(page);
    const where = await page.evaluate(() => ({ isolated: self.crossOriginIsolated, build: window.gradlab.build() }));
    t.check('an isolated page loads the threaded build', where.isolated === true && where.build === 'threads', JSON.stringify(where));
    await controls(t, page, 'threaded build', true);
    await page.screenshot({ path: path.join(out, 'web-threads.png') });
    const threadedLosses = await firstLosses(page);

    const single = await openPage({ viewport: { width: 1280, height: 800 } });
    await single.goto(`${isolated.base}${sub}/?${SETUP}&threads=0`);
    await ready(single);
    t.check('threads=0 loads the build without threads, even where the page is isolated',
            (await single.evaluate(() => window.gradlab.build())) === 'single');
    const singleLosses = await firstLosses(single);
    t.check('the same seed gives the same losses in both builds, bit for bit',
            threadedLosses?.length === 20 && JSON.stringify(threadedLosses) === JSON.stringify(singleLosses),
            `${threadedLosses?.slice(0, 3)} vs ${singleLosses?.slice(0, 3)}`);

    // A laptop with 4 cores: the training thread and two helpers split the conv layers' images.
    // Runs started and put away at once (the helpers are started and joined by the page's own
    // thread: one started by the training thread would wait for it), then the same losses.
    const four = await openPage({ viewport: { width: 1280, height: 800 } });
    await four.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4 }));
    await four.goto(`${isolated.base}${sub}/?${CNN}`);
    await ready(four);
    for (let i = 0; i < 5; i++) await four.evaluate(() => { window.gradlab.set('train', '1'); window.gradlab.set('train', 'reset'); });
    const frame = (await four.evaluate(() => window.gradlab.state().frame));
    await four.waitForTimeout(500);
    t.check('runs started and put away at once leave the page drawing', (await four.evaluate(() => window.gradlab.state().frame)) > frame);
    const pooled = await firstLosses(four);
    const threads = (await four.evaluate(() => window.gradlab.state().train.trainingThreads));
    t.check('a 4-core laptop trains on the cores less one', threads === 3, `${threads} threads`);
    // The Train tab's choice: 2 of them, from the next start; the run on 3 goes on meanwhile.
    await clickItem(four, 'training-threads');
    await clickItem(four, 'training-threads-2');
    await settled(four);
    // The link follows the Train tab's settings a frame or more later, on a slow page.
    await until(() => four.evaluate(() => /[&?#]threads=2(&|$)/.test(window.gradlab.state().link)), 5000);
    const chosen = await four.evaluate(() => window.gradlab.state());
    t.check('the Train tab chooses the training threads, from the next start', /[&?#]threads=2(&|$)/.test(chosen.link) &&
            chosen.train.trainingThreads === 3, `${chosen.train.trainingThreads} threads, ${chosen.link}`);
    const two = await firstLosses(four);
    const twoThreads = (await four.evaluate(() => window.gradlab.state().train.trainingThreads));
    t.check('the next run trains on the threads chosen, with the same losses', twoThreads === 2 && JSON.stringify(two) === JSON.stringify(pooled),
            `${twoThreads} threads`);
    const cnnSingle = await openPage({ viewport: { width: 1280, height: 800 } });
    await cnnSingle.goto(`${isolated.base}${sub}/?${CNN}&threads=0`);
    await ready(cnnSingle);
    const unpooled = await firstLosses(cnnSingle);
    t.check('a CNN trained by three threads in the page gives the losses of the build without threads',
            pooled?.length === 20 && JSON.stringify(pooled) === JSON.stringify(unpooled), `${pooled?.slice(0, 2)} vs ${unpooled?.slice(0, 2)}`);
  } finally {
    isolated.server.close();
  }

  // The test's own server sends no isolation headers, as most hosts.
  const plain = await openPage({ viewport: { width: 1280, height: 800 } });
  await plain.goto(`${url}?${SETUP}`);
  await ready(plain);
  const first = await plain.evaluate(() => ({ isolated: self.crossOriginIsolated, build: window.gradlab.build() }));
  t.check('a page that is not isolated loads the build without threads', first.isolated === false && first.build === 'single',
          JSON.stringify(first));
  await controls(t, plain, 'build without threads', false);
  const controlled = await plain.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60000 })
    .then(() => true, () => false);
  t.check('the service worker takes the page', controlled);
  await plain.reload();
  await ready(plain);
  const second = await plain.evaluate(() => ({ isolated: self.crossOriginIsolated, build: window.gradlab.build(),
                                               thread: window.gradlab.state().train.trainingThread }));
  t.check('on the next visit the service worker makes the page isolated, and it loads the threaded build',
          second.isolated === true && second.build === 'threads', JSON.stringify(second));
});
