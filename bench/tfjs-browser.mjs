// The page race's TensorFlow.js side: opens bench/tfjs-page.html in headless Chromium (the
// repository served, so the page reaches bench/node_modules and the CIFAR-10 batch) and prints
// one JSON line like the other peers of bench/run.mjs. --isolate yes serves it cross-origin
// isolated, where the wasm backend may use `--threads` threads.
//   node bench/tfjs-browser.mjs --model cnn [--seconds 10] [--isolate no|yes] [--threads 1]
import { launchBrowser, serve, parseArgs, repoRoot } from '../tests/browser/browser.mjs';

const opt = parseArgs(process.argv.slice(2), { model: 'cnn', seconds: '10', isolate: 'no', threads: '1' });
const { server, base } = await serve(repoRoot, { isolate: opt.isolate === 'yes' });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const query = new URLSearchParams({ model: opt.model, seconds: opt.seconds, threads: opt.threads,
                                      data: '../data/cifar-10-batches-bin/data_batch_1.bin' });
  await page.goto(`${base}bench/tfjs-page.html?${query}`);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 600000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  console.log(JSON.stringify({ peer: 'tfjs-browser', model: opt.model, infer_images_per_second: null, ...result,
                               browser: `Chromium ${browser.version()}` }));
} finally {
  await browser.close();
  server.close();
}
