// Shared helpers for browser tests: serve a folder, start Debian's Chromium through
// playwright-core (never a downloaded browser), collect console errors, read pixels.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launchBrowser(extraFlags = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  });
}

// Serves `root` on a free loopback port; returns { server, base } with base ending in '/'.
// isolate: with the cross-origin isolation headers (the page then loads its threaded build).
export async function serve(root, { isolate = false } = {}) {
  const server = await startServer({ root, host: '127.0.0.1', port: 0, isolate });
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

// A second local origin, for a page around the site (an LMS, a host page): another loopback
// port, answering each request with route(request, body) -> { type, body, status, headers } or null (404).
export async function serveRoutes(route) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let answer = null;
      try {
        answer = route(req, Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        answer = { status: 500, type: 'text/plain', body: String(e.message) };
      }
      if (!answer) answer = { status: 404, type: 'text/plain', body: `not found: ${req.url}` };
      res.writeHead(answer.status || 200, { 'Content-Type': answer.type, 'Cache-Control': 'no-cache', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

// Records everything a user would call an error: console errors, uncaught exceptions,
// failed requests and HTTP errors.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  return errors;
}

// Reads a PNG's pixels in the page (decoded by the browser itself, so no PNG library is needed):
// how many distinct colours it has, and how many pixels are within `tolerance` of [r, g, b] in
// every channel.
async function pixelStats(page, png, rgb = [0, 0, 0], tolerance = -1) {
  return page.evaluate(async ({ b64, rgb, tolerance }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    let near = 0;
    for (let i = 0; i < d.length; i += 4) {
      seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (Math.abs(d[i] - rgb[0]) <= tolerance && Math.abs(d[i + 1] - rgb[1]) <= tolerance && Math.abs(d[i + 2] - rgb[2]) <= tolerance) near++;
    }
    return { distinct: seen.size, near };
  }, { b64: png.toString('base64'), rgb, tolerance });
}

export async function distinctColours(page, png) {
  return (await pixelStats(page, png)).distinct;
}

export async function countColour(page, png, rgb, tolerance) {
  return (await pixelStats(page, png, rgb, tolerance)).near;
}

// A tiny TAP-like reporter: check(name, condition, detail) and a summary with the exit code.
export function reporter() {
  let passed = 0;
  const failed = [];
  return {
    check(name, ok, detail = '') {
      if (ok) passed++; else failed.push(name);
      console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
      return ok;
    },
    finish() {
      // The failed names again, last: a long log is often shown by its head and tail only.
      console.log(`browser checks: ${passed} passed, ${failed.length} failed${failed.length ? `: ${failed.join('; ')}` : ''}`);
      return failed.length === 0 ? 0 : 1;
    },
  };
}

export function parseArgs(argv, defaults) {
  const opt = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opt) || i + 1 >= argv.length) throw new Error(`unknown or incomplete option ${argv[i]}`);
    opt[key] = argv[i + 1];
  }
  return opt;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Runs one browser test file: reads --site, --out, --isolate and the test's own options
// (`options`: their defaults), serves the site's parent folder (so the page lives at a sub-path,
// as on a course host; with --isolate yes cross-origin isolated, so the page runs its threaded
// build, as scripts/play serves it), starts Chromium and calls body({ browser, url, out, t, openPage, opt }). An exception
// fails the test with its message; the browser and the server always close; the process exits
// with the reporter's code.
export async function runBrowserTest(name, body, options = {}) {
  const opt = parseArgs(process.argv.slice(2), { site: 'build/wasm/site', out: 'build/wasm/screenshots', isolate: 'no', ...options });
  const site = path.resolve(opt.site);
  fs.mkdirSync(opt.out, { recursive: true });
  const t = reporter();
  const { server, base } = await serve(path.dirname(site), { isolate: opt.isolate === 'yes' });
  const browser = await launchBrowser();
  const errors = [];
  // A new page of the given context options whose errors count against the test.
  const openPage = async (options) => {
    const page = await (await browser.newContext(options)).newPage();
    const seen = watchErrors(page);
    errors.push(seen);
    return page;
  };
  try {
    await body({ browser, url: `${base}${path.basename(site)}/`, out: opt.out, t, openPage, opt });
    const all = errors.flat();
    t.check('no console errors, page errors or failed requests', all.length === 0, all.join('; '));
  } catch (e) {
    t.check(`${name} ran to the end`, false, e.message);
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(t.finish());
}

// Clicks an item the app reports in state().items (CSS pixels) as a student would: aims where it
// is drawn now and clicks once the pointer has rested there. The place is read again after two
// frames, since a status line, a message or a loaded panel can move the layout meanwhile (a
// slow machine draws few frames), and ImGui acts on a press only under a pointer it has seen.
// An item about to appear (a list just opened, a panel still loading) is waited for, up to 20 s.
export async function clickItem(page, name) {
  await page.waitForFunction((n) => window.gradlab.state().items[n], name, { timeout: 20000 }).catch(() => {});
  let aimed = null;
  for (let tries = 0; tries < 10; tries++) {
    const item = await itemAfterFrames(page, name, 2);
    if (!item) throw new Error(`'${name}' is not on screen`);
    if (aimed && item.x === aimed.x && item.y === aimed.y && item.w === aimed.w && item.h === aimed.h) break;
    aimed = item;
    await page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
  }
  await page.mouse.click(aimed.x + aimed.w / 2, aimed.y + aimed.h / 2);
}

// The item's place once the app has drawn `frames` more frames (null if it is not on screen).
async function itemAfterFrames(page, name, frames) {
  await afterFrames(page, frames);
  return page.evaluate((n) => window.gradlab.state().items[n] ?? null, name);
}

// Types `text` at the end of the Backprop tab's expression field, as a student does: a click into
// it, End, the text (without keys, as a paste or an input method gives it).
export async function typeAtEndOfExpression(page, text) {
  await clickItem(page, 'expr-field');
  await afterFrames(page, 3);
  await page.keyboard.press('End');
  await page.keyboard.insertText(text);
  await afterFrames(page, 3);
}

// Waits until the app has drawn n more frames: what a click or a call changed has reached the state.
export async function afterFrames(page, n) {
  const start = await page.evaluate(() => window.gradlab.state().frame);
  await page.waitForFunction((f) => window.gradlab.state().frame >= f, start + n, { timeout: 20000 });
}

// Polls an async condition every 200 ms until it holds (true) or the time is up (false): for what a
// slow, shared machine shows late, where a fixed wait would sometimes look too early.
export async function until(what, timeoutMs) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    if (await what()) return true;
  }
  return await what();
}

// What the app reports about itself (window.gradlab.state(), web/shell.js): tab, items on screen, training, lesson.
export const state = (page) => page.evaluate(() => window.gradlab.state());
// The app's state once it has applied and shown all it was asked: in the threaded build a step
// asked for is taken on the training thread and shown a frame or two later. Not while it plays.
export async function settledState(page) {
  await page.waitForFunction(() => window.gradlab.state().train.settled !== false, null, { timeout: 30000 });
  return state(page);
}
