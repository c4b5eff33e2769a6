// Frame-time benchmark (not a test): while the small CNN trains in the page (headless Chromium),
// records for a number of seconds (1) the time between animation frames, (2) each frame's own
// work inside the app (events, training slice, UI, GL calls; from the page hook gradlab.frames())
// and (3) the training slice alone, and prints their distributions. The goal is every frame
// under 33 ms. The same is measured with training paused, to separate drawing from training.
//   node bench/frame-time.mjs [--site build/wasm/site] [--seconds 15] [--model SPEC] [--budget MS] [--isolate no|yes]
import path from 'node:path';
import { launchBrowser, serve, parseArgs } from '../tests/browser/browser.mjs';
import { percentile as pct } from './percentile.mjs';

const opt = parseArgs(process.argv.slice(2), {
  site: 'build/wasm/site', seconds: '15', budget: '', uncapped: '0', isolate: 'no',
  model: 'conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc',
});
const site = path.resolve(opt.site);
// --isolate yes: cross-origin isolated, so the page runs its threaded build (training off its thread).
const { server, base } = await serve(path.dirname(site), { isolate: opt.isolate === 'yes' });
// --uncapped 1: no vsync cap, so frame to frame shows what drawing and work really cost.
const browser = await launchBrowser(opt.uncapped === '1' ? ['--disable-gpu-vsync', '--disable-frame-rate-limit'] : []);

// rAF intervals measured in the page, and the app's own per-frame log for the same frames.
async function record(page, seconds) {
  await page.evaluate(() => window.gradlab.frames());  // start (and empty) the app's log
  const gaps = await page.evaluate(async (s) => {
    const out = [];
    let last = performance.now();
    const end = last + s * 1000;
    await new Promise((resolve) => {
      const tick = (now) => {
        out.push(now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    return out;
  }, seconds);
  const log = await page.evaluate(() => window.gradlab.frames());
  return { gaps: gaps.slice(1), work: log.workMs, train: log.trainMs, drawn: log.drawn };
}

const over = (a) => a.filter((g) => g > 33).length;
function row(name, a) {
  if (!a.length) return;
  const o = over(a);
  console.log(`| ${name} | ${a.length} | ${pct(a, .5).toFixed(1)} ms | ${pct(a, .9).toFixed(1)} ms | ${pct(a, .99).toFixed(1)} ms | ` +
              `${Math.max(...a).toFixed(1)} ms | ${o} (${(100 * o / a.length).toFixed(1)} %) |`);
}

try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const query = new URLSearchParams({ data: 'cifar10', classes: 'cat,dog,ship', per_class: '500', model: opt.model,
                                      epochs: '50', train: '1', view: 'curves', optimizer: 'momentum' });
  await page.goto(`${base}${path.basename(site)}/?${query}`);
  await page.waitForFunction(() => window.gradlab?.ready() && (window.gradlab.state().train.steps || 0) > 2, null, { timeout: 120000 });
  if (opt.budget) await page.evaluate((b) => window.gradlab.set('budget', b), opt.budget);
  const training = await record(page, Number(opt.seconds));
  const state = await page.evaluate(() => window.gradlab.state());
  await page.evaluate(() => window.gradlab.set('train', 'pause'));
  await page.waitForTimeout(500);
  const paused = await record(page, Math.min(5, Number(opt.seconds)));

  console.log(`Frame times in headless Chromium (1280x800, Curves view) while "${opt.model}" trains ` +
              `(${opt.seconds} s), then paused (5 s):`);
  console.log('| measure | frames | p50 | p90 | p99 | max | over 33 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  row('training: frame to frame (requestAnimationFrame)', training.gaps);
  row('training: the app\'s work per frame', training.work);
  row('training: the training slice in it', training.train);
  row('paused: frame to frame', paused.gaps);
  row('paused: the app\'s work per frame', paused.work);
  const share = (a) => `${a.filter((d) => d).length} of ${a.length}`;
  console.log(`frames drawn (the others changed nothing on screen, so the page skipped drawing): ` +
              `${share(training.drawn)} while training, ${share(paused.drawn)} while paused`);
  const t = state.train;
  console.log(`training: ${t.steps} steps, ${Math.round(t.imagesPerSecond)} images/s in the page, phase ${t.phase}, ` +
              `budget ${t.budgetMs} ms per frame`);
  console.log('(headless Chromium draws with SwiftShader on the CPU, in its GPU process: frame to frame includes that,');
  console.log(' the app\'s work does not; the machine has 2 cores shared by the page, the GPU process and the benchmark)');
} finally {
  await browser.close();
  server.close();
}
