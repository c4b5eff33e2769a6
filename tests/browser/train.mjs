// The Train tab in headless Chromium: a 3-class CIFAR-10 subset (downloaded in chunks from the
// site, as a student's browser would) with the linear preset, chosen by link settings; training
// is started through the page's hook and runs a few seconds. Checks through window.gradlab.state()
// that steps were taken, the loss fell and the weight templates are showing; screenshots before
// and after.   node tests/browser/train.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { clickItem, countColour, runBrowserTest } from './browser.mjs';

const train = (page) => page.evaluate(() => window.gradlab.state().train);

await runBrowserTest('browser train test', async ({ url, out, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1400, height: 900 } });
  const link = `${url}?data=cifar10&classes=cat,dog,ship&per_class=300&model=linear&view=weights&epochs=20000`;  // still training when checked
  await page.goto(link);
  await page.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().train.dataState !== 'loading',
                             null, { timeout: 60000 });
  const loaded = await train(page);
  t.check('the CIFAR-10 subset was fetched in chunks from the site', loaded.dataState === 'ready', loaded.dataMessage);
  await page.screenshot({ path: path.join(out, 'web-train-before.png') });

  await page.evaluate(() => window.gradlab.set('train', '1'));
  await page.waitForFunction(() => (window.gradlab.state().train.steps || 0) > 50, null, { timeout: 60000 })
    .catch(() => {});
  await page.waitForTimeout(3000);
  const after = await train(page);
  t.check('training steps were taken', after.steps > 50, `${after.steps} steps, ${Math.round(after.imagesPerSecond)} images/s, phase ${after.phase}`);
  t.check('the loss fell', after.lateLossMean < after.earlyLossMean,
          `first tenth ${after.earlyLossMean?.toFixed(3)}, last tenth ${after.lateLossMean?.toFixed(3)}`);
  t.check('the weight-template view is showing', after.templatesShown === true);
  t.check('while training, each frame spends only its budget on it',
          ['training', 'evaluating'].includes(after.phase) && after.lastFrameTrainMs < 30,
          `phase ${after.phase}, ${after.lastFrameTrainMs?.toFixed(1)} ms in the last frame`);
  await page.screenshot({ path: path.join(out, 'web-train-after.png') });

  // The curves: "log scale" puts the loss on a log axis, and the link says so.
  await page.evaluate(() => window.gradlab.set('view', 'curves'));
  await page.waitForTimeout(300);
  await clickItem(page, 'loss-log-scale');
  await page.waitForTimeout(300);
  const address = await page.evaluate(() => window.gradlab.state().link);
  t.check('the loss plot takes a log scale from its checkbox, and the link keeps it', /loss_scale=log/.test(address), address);
  const curves = await page.screenshot({ path: path.join(out, 'web-train-curves.png') });
  // The learning rate is constant here: its line lies on the plot's highest value, which must be
  // inside the frame (it was once drawn on the edge, where the clip hid it).
  const lrPixels = await countColour(page, curves, [240, 190, 80], 16);
  t.check('the learning-rate plot shows its constant line', lrPixels > 200, `${lrPixels} pixels of the line's colour`);

  // A bad link setting is explained; the app keeps running.
  await page.evaluate(() => window.gradlab.set('lr', 'fast'));
  await page.waitForTimeout(300);
  const status = await page.evaluate(() => window.gradlab.state().status);
  t.check('a bad setting is explained in the status bar', /lr: must be a number above 0/.test(status), status);

  // After one epoch the accuracy plot's two points sit on its right edge: drawn whole (the plot's
  // clip once cut off their right halves). Counted in a shot of the plot's right end, above its
  // legend, in the test line's colour on the light theme the link asks for (the train point is
  // the same colour, faint).
  const one = await openPage({ viewport: { width: 1400, height: 900 } });
  await one.goto(`${url}?data=cifar10&classes=cat,dog,ship&per_class=300&model=linear&epochs=1&train=1&view=curves&theme=light`);
  await one.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().train.phase === 'finished' &&
                                  window.gradlab.state().items['accuracy-plot'], null, { timeout: 60000 }).catch(() => {});
  await one.waitForTimeout(300);
  const plot = await one.evaluate(() => window.gradlab.state().items['accuracy-plot'] ?? null);
  const epochs = (await train(one)).epochs;
  t.check('one epoch trained and its accuracy plot is on screen', epochs === 1 && plot !== null, `${epochs} epoch(s)`);
  if (plot) {
    const shot = await one.screenshot({ path: path.join(out, 'web-train-one-epoch.png'),
                                        clip: { x: plot.x + plot.w - 40, y: plot.y, width: 40, height: plot.h - 30 } });
    const dot = await countColour(one, shot, [60, 94, 140], 24);  // kRunColours[0] made Readable on a light theme
    t.check('the single epoch\'s test accuracy is a whole dot on the right edge', dot >= 14, `${dot} pixels of its colour; 9 when half of it was cut off`);
  }

  // A model that does not fit the data disables Start: the run panel says why, under its buttons
  // (the Model section, where it is mended, says so too, further down).
  await one.evaluate(() => window.gradlab.set('model', 'fc10'));
  await one.waitForFunction(() => window.gradlab.state().items['start-waits'], null, { timeout: 5000 }).catch(() => {});
  const why = await one.evaluate(() => ({ s: window.gradlab.state(), waits: window.gradlab.state().items['start-waits'] ?? null,
                                          reset: window.gradlab.state().items.reset ?? null }));
  t.check('with a model that does not fit the data, the run panel says why Start waits, under its buttons',
          /3 classes/.test(why.s.train.modelError) && why.waits && why.reset && why.waits.y > why.reset.y &&
          why.waits.y < why.reset.y + 200, `${why.s.train.modelError}; ${JSON.stringify(why.waits)} below ${JSON.stringify(why.reset)}`);
  await one.screenshot({ path: path.join(out, 'web-train-model-error.png') });
});
