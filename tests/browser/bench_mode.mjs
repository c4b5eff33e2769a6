// The page's benchmark mode (?bench=linear): trains two epochs of 5,000 CIFAR-10 images at batch
// 32 and reports the second's images per second through window.gradlab.state().bench; an unknown model
// is named in the status bar.   node tests/browser/bench_mode.mjs --site build/wasm/site
import { runBrowserTest } from './browser.mjs';

await runBrowserTest('browser bench mode test', async ({ url, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}?bench=linear`);
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().bench?.finished, null, { timeout: 120000 });
  const s = await page.evaluate(() => window.gradlab.state());
  t.check('bench=linear trains two epochs of 5,000 images in batches of 32', s.bench.steps === 2 * 157 && s.train.epochs === 2,
          `steps ${s.bench.steps}, epochs ${s.train.epochs}`);
  t.check('it reports training images per second', s.bench.imagesPerSecond > 100, `${Math.round(s.bench.imagesPerSecond)} images/s`);
  t.check('with the benchmark model', s.bench.spec === 'linear' && s.train.model === 'linear', s.train.model);

  await page.goto(`${url}?bench=resnet`);
  await page.waitForFunction(() => window.gradlab?.ready(), null, { timeout: 60000 });
  const bad = await page.evaluate(() => window.gradlab.state());
  t.check('an unknown benchmark model is named in the status bar', /bench: must be one of linear, mlp, cnn/.test(bad.status), bad.status);
});
