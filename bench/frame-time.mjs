// Frame-time benchmark (not a test): while the small CNN trains in the page (headless Chromium),
// records the time between animation frames for a number of seconds and prints the distribution.
// The goal is every frame under 33 ms; the page gives training a few milliseconds per frame.
//   node bench/frame-time.mjs [--site build/wasm/site] [--seconds 15] [--model SPEC]
import path from 'node:path';
import { launchBrowser, serve, parseArgs } from '../tests/browser/browser.mjs';

const opt = parseArgs(process.argv.slice(2), {
  site: 'build/wasm/site', seconds: '15',
  model: 'conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc',
});
const site = path.resolve(opt.site);
const { server, base } = await serve(path.dirname(site));
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const query = new URLSearchParams({ data: 'cifar10', classes: 'cat,dog,ship', per_class: '500', model: opt.model,
                                      epochs: '50', train: '1', view: 'curves' });
  await page.goto(`${base}${path.basename(site)}/?${query}`);
  await page.waitForFunction(() => window.gradlab?.ready() && (window.gradlab.state().train.steps || 0) > 2, null, { timeout: 120000 });
  const result = await page.evaluate(async (seconds) => {
    const gaps = [], train = [];
    let last = performance.now();
    const end = last + seconds * 1000;
    await new Promise((resolve) => {
      const tick = (now) => {
        gaps.push(now - last);
        train.push(window.gradlab.state().train.lastFrameTrainMs);
        last = now;
        if (now < end) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    return { gaps, train, state: window.gradlab.state().train };
  }, Number(opt.seconds));
  const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  const over = result.gaps.filter((g) => g > 33).length;
  console.log(`Frame times while "${opt.model}" trains in headless Chromium (${result.gaps.length} frames in ${opt.seconds} s):`);
  console.log('| measure | p50 | p90 | p99 | max | frames over 33 ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const row = (name, a, extra) => console.log(`| ${name} | ${pct(a, .5).toFixed(1)} ms | ${pct(a, .9).toFixed(1)} ms | ${pct(a, .99).toFixed(1)} ms | ${Math.max(...a).toFixed(1)} ms | ${extra} |`);
  row('frame to frame', result.gaps, `${over} (${(100 * over / result.gaps.length).toFixed(1)} %)`);
  row('training inside a frame', result.train, '');
  console.log(`training: ${result.state.steps} steps, ${Math.round(result.state.imagesPerSecond)} images/s, phase ${result.state.phase}`);
  console.log('(headless Chromium draws with SwiftShader on the CPU, so drawing itself costs more than on a laptop GPU)');
} finally {
  await browser.close();
  server.close();
}
