// Save and load in the browser, as a student does it: train the linear preset on a 3-class
// CIFAR-10 subset, click "Save model" (a download), "Export .npz" (another), Reset, then
// "Load model..." and pick the downloaded file in the file chooser. Checks that the files are a
// Gradlab model and a zip, that the loaded weights are the trained ones (the first batch's loss
// is well below a fresh model's on the same batch), and that a broken file gets a message
// while the app keeps running.
//   node tests/browser/save_load.mjs --site build/wasm/site --out build/wasm/screenshots
import fs from 'node:fs';
import path from 'node:path';
import { clickItem, runBrowserTest } from './browser.mjs';

const train = (page) => page.evaluate(() => window.gradlab.state().train);

const click = clickItem;

await runBrowserTest('browser save/load test', async ({ url, out, t, openPage }) => {
  // Tall enough that the run panel is on screen without scrolling the set-up column.
  const options = { viewport: { width: 1400, height: 2000 }, acceptDownloads: true };
  const page = await openPage(options);
  await page.goto(`${url}?data=cifar10&classes=cat,dog,ship&per_class=300&model=linear` +
                  '&epochs=200&seed=3&lr=0.002&train=1');  // a small rate: the loss on one batch falls steadily, not in jumps
  await page.waitForFunction(() => (window.gradlab?.ready() && window.gradlab.state().train.steps) > 150, null, { timeout: 90000 });
  const trained = await train(page);

  const [saved] = await Promise.all([page.waitForEvent('download'), click(page, 'save-model')]);
  const modelBytes = fs.readFileSync(await saved.path());
  t.check('Save model downloads a Gradlab model file', saved.suggestedFilename() === 'model.gradlab' &&
          modelBytes.subarray(0, 8).toString() === 'GRADLABM' && modelBytes.length > 3 * 3072 * 4,
          `${saved.suggestedFilename()}, ${modelBytes.length} bytes`);
  const modelFile = path.join(out, 'saved-in-browser.gradlab');
  fs.writeFileSync(modelFile, modelBytes);

  const [exported] = await Promise.all([page.waitForEvent('download'), click(page, 'export-npz')]);
  const npz = fs.readFileSync(await exported.path());
  t.check('Export .npz downloads a zip for PyTorch', exported.suggestedFilename() === 'model.npz' &&
          npz.subarray(0, 2).toString() === 'PK', `${npz.length} bytes`);

  await click(page, 'reset');
  await page.waitForFunction(() => window.gradlab.state().train.steps === undefined, null, { timeout: 10000 });

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'load-model')]);
  await chooser.setFiles(modelFile);
  await page.waitForFunction(() => /^Loaded/.test(window.gradlab.state().train.notice), null, { timeout: 20000 });
  await click(page, 'step-one-batch');
  await page.waitForFunction(() => window.gradlab.state().train.steps === 1, null, { timeout: 20000 });
  const loaded = await train(page);
  // The same seed gives the same first batch: the fresh model's loss on it was trained.firstLoss.
  t.check('training lowered the loss before saving', trained.lateLossMean < trained.firstLoss,
          `first step ${trained.firstLoss?.toFixed(3)}, last tenth ${trained.lateLossMean?.toFixed(3)}`);
  t.check('the loaded model has the trained weights (lower loss than the fresh model on the same first batch)',
          loaded.lastLoss < 0.9 * trained.firstLoss,
          `loaded ${loaded.lastLoss?.toFixed(3)}, fresh ${trained.firstLoss?.toFixed(3)}`);
  await page.screenshot({ path: path.join(out, 'web-train-loaded.png') });

  const [again] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'load-model')]);
  await again.setFiles({ name: 'broken.gradlab', mimeType: 'application/octet-stream', buffer: Buffer.from('not a model at all') });
  await page.waitForFunction(() => /broken\.gradlab/.test(window.gradlab.state().train.notice), null, { timeout: 20000 });
  const frame = await page.evaluate(() => window.gradlab.state().frame);
  await page.waitForTimeout(500);
  const after = await page.evaluate(() => window.gradlab.state());
  t.check('a broken model file gets a message naming it', /broken\.gradlab/.test(after.train.notice), after.train.notice);
  t.check('and the app keeps running with the loaded model', after.frame > frame && after.train.steps === 1,
          `frame ${frame} -> ${after.frame}, steps ${after.train.steps}`);
});
