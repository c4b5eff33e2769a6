// Gradlab in the real browser: opens the page's benchmark mode (?bench=linear|mlp|cnn, see
// src/ui/bench_mode.h) in headless Chromium, lets it train two epochs of 5,000 CIFAR-10 images
// at batch 32 with SGD momentum, and prints one JSON line like the other peers of bench/run.mjs.
// Every figure is the second epoch's (the first warms up the browser's compiled code).
// train_images_per_second is the page's own figure (training time only: forward, backward,
// update and batch assembly, as in the Node.js runs); wall_images_per_second is steps x 32 over
// the wall-clock time of the epoch while the page also draws its frames; frame_p50_ms and
// frame_p99_ms are the times between the page's animation frames meanwhile. --isolate yes serves
// the page cross-origin isolated, so it loads its threaded build (training off the page's thread).
//   node bench/browser.mjs --model cnn [--site build/wasm/site] [--isolate no|yes]
import path from 'node:path';
import { launchBrowser, serve, parseArgs, repoRoot } from '../tests/browser/browser.mjs';
import { percentile } from './percentile.mjs';

const opt = parseArgs(process.argv.slice(2), { site: path.join(repoRoot, 'build/wasm/site'), model: 'cnn', seconds: '', isolate: 'no' });
const site = path.resolve(opt.site);
const { server, base } = await serve(path.dirname(site), { isolate: opt.isolate === 'yes' });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${base}${path.basename(site)}/?bench=${opt.model}`);
  await page.waitForFunction(() => window.gradlab?.ready(), null, { timeout: 120000 });
  // Wall clock from the second epoch's first step to its step 150 of 157 (its evaluation left out).
  // A gap is between two frames' start times (requestAnimationFrame's timestamps, as in
  // tfjs-page.mjs), not between two calls of this callback, which run after the app's own frame
  // work and so would add its jitter.
  const result = await page.evaluate((epochSteps) => new Promise((resolve, reject) => {
    const started = performance.now();
    let first = null, wall = null, last = null;
    const gaps = [];
    const tick = (frameStart) => {
      if (first && wall === null && last !== null) gaps.push(frameStart - last);
      last = frameStart;
      const s = window.gradlab.state(), b = s.bench || {}, steps = b.steps || 0, now = performance.now();
      if (/bench/.test(s.status || '')) return reject(new Error(s.status));
      if (now - started > 600000) return reject(new Error('no result after 10 minutes'));
      if (!first && steps >= epochSteps + 1) first = { steps, now };
      if (first && wall === null && steps >= epochSteps + 150) wall = ((steps - first.steps) * 32) / ((now - first.now) / 1000);
      if (b.finished) return resolve({ ...b, wall, gaps, build: window.gradlab.build() });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), 157);
  const version = await browser.version();
  console.log(JSON.stringify({ peer: 'gradlab-browser', model: opt.model, train_images_per_second: result.imagesPerSecond,
                               infer_images_per_second: null, wall_images_per_second: result.wall, steps: result.steps,
                               frame_p50_ms: percentile(result.gaps, 0.5), frame_p99_ms: percentile(result.gaps, 0.99), build: result.build,
                               browser: `Chromium ${version}` }));
} finally {
  await browser.close();
  server.close();
}
