// The page's benchmark mode (?bench=linear): trains one epoch of 5,000 CIFAR-10 images at batch
// 32 and reports its images per second through window.gradlab.state().bench; an unknown model
// is named in the status bar.   node tests/browser/bench_mode.mjs --site build/wasm/site
import path from 'node:path';
import { launchBrowser, serve, watchErrors, reporter, parseArgs } from './browser.mjs';

const opt = parseArgs(process.argv.slice(2), { site: 'build/wasm/site', out: 'build/wasm/screenshots' });
const site = path.resolve(opt.site);
const t = reporter();
const { server, base } = await serve(path.dirname(site));
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}${path.basename(site)}/?bench=linear`);
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().bench?.finished, null, { timeout: 120000 });
  const s = await page.evaluate(() => window.gradlab.state());
  t.check('bench=linear trains one epoch of 5,000 images in batches of 32', s.bench.steps === 157 && s.train.epochs === 1,
          `steps ${s.bench.steps}, epochs ${s.train.epochs}`);
  t.check('it reports training images per second', s.bench.imagesPerSecond > 100, `${Math.round(s.bench.imagesPerSecond)} images/s`);
  t.check('with the benchmark model', s.bench.spec === 'linear' && s.train.model === 'linear', s.train.model);
  t.check('and no errors on the page', errors.length === 0, errors.join('; '));

  await page.goto(`${base}${path.basename(site)}/?bench=resnet`);
  await page.waitForFunction(() => window.gradlab?.ready(), null, { timeout: 60000 });
  const bad = await page.evaluate(() => window.gradlab.state());
  t.check('an unknown benchmark model is named in the status bar', /bench must be linear, mlp or cnn/.test(bad.status), bad.status);
} finally {
  await browser.close();
  server.close();
}
process.exit(t.finish());
