// Hostile input in the page, handed over as a student could (issue 15): broken model files, odd
// images, a broken session file, wild links (NaN, infinity, a learning rate of 1e9), a run that
// diverges, and damaged CIFAR-10 files from the server. After each: a message that says what is
// wrong, the app still drawing, and the trained run (its steps and losses) still there.
//   node tests/browser/faults.mjs --site build/wasm/site --out build/wasm/screenshots
import fs from 'node:fs';
import path from 'node:path';
import { clickItem, runBrowserTest, state } from './browser.mjs';

// What must survive a fault: the run's position and its losses, bit for bit.
const runOf = (s) => JSON.stringify([s.train.steps, s.train.epochs, s.train.firstLosses, s.train.lastLoss, s.train.testAccuracy]);

// Waits until the app has drawn `n` more frames: it is still running, not stuck in a loop.
async function drawsOn(page, n = 5) {
  const from = (await state(page)).frame;
  await page.waitForFunction((f) => window.gradlab.state().frame >= f, from + n, { timeout: 20000 });
  return true;
}

// Picks `file` ({name, buffer}) in the file chooser that clicking `item` opens.
async function pick(page, item, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, item)]);
  await chooser.setFiles({ mimeType: 'application/octet-stream', ...file });
}

// CRC-32 (PNG's), for hand-made PNG headers that pass the decoder's checks.
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
// A PNG of width x height with an IHDR chunk and nothing else (no pixel data).
function pngHeader(width, height) {
  const ihdr = Buffer.alloc(17);
  ihdr.write('IHDR', 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr.writeUInt32BE(height, 8);
  ihdr.set([8, 2, 0, 0, 0], 12);  // 8 bits, RGB
  const chunk = Buffer.alloc(25);
  chunk.writeUInt32BE(13, 0);
  ihdr.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(ihdr), 21);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk]);
}

await runBrowserTest('browser fault test', async ({ url, out, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1400, height: 2000 }, acceptDownloads: true });
  await page.goto(`${url}#v=1&data=cifar10&classes=cat,dog&train-per-class=100&test=100&model=linear&epochs=2&seed=3&train=1`);
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().train.phase === 'finished', null, { timeout: 90000 });
  const trained = runOf(await state(page));
  const keptAfter = async (what) => {
    const s = await state(page);
    const same = runOf(s) === trained;
    t.check(`${what}: the trained run is still there and the app draws on`, same && await drawsOn(page),
            same ? `${s.train.steps} steps, last loss ${s.train.lastLoss.toFixed(4)}` : `${runOf(s)} vs ${trained}`);
    return s;
  };

  // ---- model files: damaged, foreign and empty
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'save-model')]);
  const saved = fs.readFileSync(await download.path());
  const flipped = Buffer.from(saved);
  flipped[saved.length - 100] ^= 0x10;  // one bit of the last weights
  const otherVersion = Buffer.from(saved);
  otherVersion.writeUInt32LE(99, 8);
  const modelFaults = [
    ['garbage.gradlab', Buffer.from('not a model, just text'), /not a Gradlab model/],
    ['empty.gradlab', Buffer.alloc(0), /empty|not a Gradlab model|too short/],
    ['half.gradlab', saved.subarray(0, saved.length >> 1), /half\.gradlab.*(cut|truncat|short|end)/i],
    ['flipped.gradlab', flipped, /flipped\.gradlab.*(checksum|CRC|damaged)/i],
    ['future.gradlab', otherVersion, /future\.gradlab.*newer Gradlab \(model format 99\)/],
  ];
  for (const [name, buffer, expected] of modelFaults) {
    await pick(page, 'load-model', { name, buffer });
    await page.waitForFunction((n) => window.gradlab.state().train.notice.includes(n), name, { timeout: 20000 });
    const s = await keptAfter(`loading ${name}`);
    t.check(`loading ${name} says why it was refused`, expected.test(s.train.notice), s.train.notice);
  }

  // ---- images to score: no pixels, too many pixels, cut short, not an image at all
  await page.evaluate(() => window.gradlab.set('view', 'predictions'));
  await drawsOn(page);
  await page.screenshot({ path: path.join(out, 'web-faults-predictions.png') });
  const jpeg = Buffer.from(await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = c.height = 40;
    const g = c.getContext('2d');
    g.fillStyle = '#c33'; g.fillRect(0, 0, 40, 40);
    g.fillStyle = '#39c'; g.fillRect(10, 10, 20, 20);
    const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/jpeg', 0.9));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }));
  const imageFaults = [
    ['zero.png', pngHeader(0, 0), /zero\.png/],
    ['huge.png', pngHeader(30000, 30000), /huge\.png.*(30000|too large|large)/],
    ['cut.jpg', jpeg.subarray(0, jpeg.length >> 1), /cut\.jpg/],
    ['notes.png', Buffer.from('these are my notes, not a picture'), /notes\.png/],
  ];
  for (const [name, buffer, expected] of imageFaults) {
    await pick(page, 'own-image', { name, buffer });
    await page.waitForFunction((n) => window.gradlab.state().train.ownImageMessage.includes(n), name, { timeout: 20000 });
    const s = await keptAfter(`scoring ${name}`);
    t.check(`scoring ${name} says why it was refused`, expected.test(s.train.ownImageMessage) && !/shown at 32x32/.test(s.train.ownImageMessage),
            s.train.ownImageMessage);
  }
  await pick(page, 'own-image', { name: 'fine.jpg', buffer: jpeg });
  await page.waitForFunction(() => /fine\.jpg \(40x40, shown at 32x32\)/.test(window.gradlab.state().train.ownImageMessage), null, { timeout: 20000 });
  t.check('after the bad images a good one is scored', true);
  await page.screenshot({ path: path.join(out, 'web-faults-image.png') });

  // ---- a session file: cut short, and not a session at all
  const openSession = async (name, buffer) => {
    await clickItem(page, 'menu-gradlab');
    await page.waitForFunction(() => window.gradlab.state().items['open-session'], null, { timeout: 10000 });
    await pick(page, 'open-session', { name, buffer });
    await page.waitForFunction((n) => window.gradlab.state().status.includes(n), name, { timeout: 20000 });
    await page.keyboard.press('Escape');
  };
  await clickItem(page, 'menu-gradlab');
  const [sessionDownload] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'save-session')]);
  const session = fs.readFileSync(await sessionDownload.path());
  for (const [name, buffer] of [['cut.gradlab-session', session.subarray(0, session.length - 7)],
                                ['photo.gradlab-session', jpeg]]) {
    await openSession(name, buffer);
    const s = await keptAfter(`opening ${name}`);
    t.check(`opening ${name} says why it was refused`, s.status.length > name.length + 10, s.status);
  }

  // ---- wild links: the page's own link with NaN, infinity, a learning rate of 1e9 and a class that
  // does not exist added (a link opens a whole set-up, so only a damaged copy of this one keeps the run)
  const ownLink = (await state(page)).link;
  await page.evaluate((link) => window.gradlab.open(`#${link}&lr=nan&momentum=inf&lambda=-1e400&lr=1e9&classes=cat,dog,unicorn&epochs=1e99`),
                      ownLink);
  let s = await keptAfter('a link of NaN, infinity and 1e9');
  t.check('the wild link names each bad value', /lr/.test(s.status) && /momentum/.test(s.status) && /lambda/.test(s.status) &&
          /unicorn/.test(s.status) && /epochs/.test(s.status), s.status);
  t.check('the wild link changed nothing it should not', s.link === ownLink, `${s.link} vs ${ownLink}`);
  await page.screenshot({ path: path.join(out, 'web-faults-link.png') });
  // Bytes that are not UTF-8 in a value: refused and named, and the state (the test hook, the
  // screen-reader layer) still reads, with the bytes as U+FFFD.
  await page.evaluate((link) => window.gradlab.open(`#${link}&expr=x%FF%FE`), ownLink);
  s = await keptAfter('a link with bytes that are not UTF-8');
  t.check('a value that is not UTF-8 is named and the state still reads', /expr/.test(s.status) && s.status.includes('\ufffd'), s.status);

  // ---- a run that diverges: it stops with a message, and its curves stay
  const diverging = await openPage({ viewport: { width: 1280, height: 800 } });
  await diverging.goto(`${url}#v=1&data=toy:spiral&model=mlp:16+relu&optimizer=sgd&lr=1e5&epochs=50&train=1`);
  await diverging.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().train.phase === 'diverged', null, { timeout: 60000 });
  s = await state(diverging);
  t.check('a learning rate of 1e5 ends the run with a message that blames the learning rate', /learning rate/i.test(s.train.message) &&
          s.train.steps > 0 && s.train.firstLosses.length > 0 && !s.train.playing && await drawsOn(diverging), s.train.message);
  await diverging.screenshot({ path: path.join(out, 'web-faults-diverged.png') });

  // ---- damaged CIFAR-10 files from the server: a message, then the same data loads once they are whole
  // No service worker: its own fetches (the offline cache's) would pass the route by.
  const damaged = await openPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const corrupt = { 'train-5-0.bin': (b) => b.subarray(0, b.length - 100),       // cut short
                    'test-5-0.bin': (b) => Buffer.concat([Buffer.from([255, 255, 255, 255]), b.subarray(4)]) };  // a position past the end
  await damaged.route(/data\/cifar10\/(train|test)-5-0\.bin$/, async (route) => {
    const response = await route.fetch();
    const file = route.request().url().split('/').pop();
    await route.fulfill({ response, body: corrupt[file](await response.body()) });
  });
  await damaged.goto(`${url}#v=1&data=cifar10&classes=cat,dog&train-per-class=100&test=100&model=linear`);
  await damaged.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().train.dataState === 'error', null, { timeout: 60000 });
  s = await state(damaged);
  t.check('a damaged CIFAR-10 file is named in a message and the app draws on', /5-0\.bin/.test(s.train.dataMessage) && await drawsOn(damaged),
          s.train.dataMessage);
  await damaged.screenshot({ path: path.join(out, 'web-faults-data.png') });
  // In Korean the data is asked for again and the same file is named, in Korean.
  await damaged.evaluate(() => window.gradlab.set('locale', 'ko'));
  await damaged.waitForFunction(() => /[\uac00-\ud7a3]/.test(window.gradlab.state().train.dataMessage) &&
                                      window.gradlab.state().train.dataState === 'error', null, { timeout: 30000 }).catch(() => {});
  s = await state(damaged);
  t.check('after a change of language the data\'s error is in the new language', /[\uac00-\ud7a3]/.test(s.train.dataMessage) &&
          /5-0\.bin/.test(s.train.dataMessage) && s.train.dataState === 'error', s.train.dataMessage);
  await damaged.evaluate(() => window.gradlab.set('locale', 'en'));
  await damaged.waitForFunction(() => window.gradlab.state().train.dataState === 'error' &&
                                      !/[\uac00-\ud7a3]/.test(window.gradlab.state().train.dataMessage), null, { timeout: 30000 });
  await damaged.unroute(/data\/cifar10\/(train|test)-5-0\.bin$/);
  await clickItem(damaged, 'data-retry');
  await damaged.waitForFunction(() => window.gradlab.state().train.dataState !== 'error', null, { timeout: 20000 }).catch(() => {});
  await damaged.waitForFunction(() => window.gradlab.state().train.dataState === 'ready', null, { timeout: 60000 }).catch(() => {});
  s = await state(damaged);
  t.check('once the files are whole again, Try again loads the same data (nothing damaged was kept)', s.train.dataState === 'ready' &&
          /200 training images, 100 test images/.test(s.train.dataMessage),
          `${s.train.dataState}: ${s.train.dataMessage}`);
});
