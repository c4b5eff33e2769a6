// Links in headless Chromium, as a student and an instructor use them:
// - a CIFAR-10 set-up made by clicking and by the page hook lands in the address bar; the copied
//   address opened in a fresh page gives the same state and, step by step, the same losses;
// - an exercise link hides and locks what it says (a click on a locked control changes nothing);
// - twenty damaged links each leave a working page and a message naming the bad key.
//   node tests/browser/links.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { afterFrames, clickItem, runBrowserTest, settledState, state } from './browser.mjs';

const ready = (page) => page.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3,
                                             null, { timeout: 60000 });
// Clicks the centre of an item the app reported in state().items (CSS pixels), scrolling the
// set-up panel (under the run controls) down until the item is on screen.
async function click(page, name) {
  for (let tries = 0; tries < 10; tries++) {
    const s = await state(page);
    const item = s.items[name];
    if (item) {  // noted only where a click on its centre reaches it
      await clickItem(page, name);
      await afterFrames(page, 3);
      return;
    }
    await page.mouse.move(200, s.display.height - 150);
    await page.mouse.wheel(0, 150);
    await afterFrames(page, 2);
  }
  throw new Error(`no item '${name}' on screen`);
}
async function dataReady(page, classes) {
  await page.waitForFunction((c) => {
    const s = window.gradlab.state().train;
    return s.dataState === 'ready' && JSON.stringify(s.classes) === JSON.stringify(c);
  }, classes, { timeout: 60000 });
  await afterFrames(page, 2);
}
async function trainSteps(page, n) {
  await afterFrames(page, 3);  // a changed data setting starts its loading first
  await page.waitForFunction(() => window.gradlab.state().train.dataState === 'ready', null, { timeout: 60000 });
  for (let i = 0; i < n; i++) await page.evaluate(() => window.gradlab.set('train', 'step'));
  return (await settledState(page)).train.firstLosses;
}

await runBrowserTest('browser links test', async ({ url, out, t, openPage }) => {
  const options = { viewport: { width: 1280, height: 800 } };

  // ---- a set-up made by clicking, carried by the address bar
  const page = await openPage(options);
  await page.goto(url);
  await ready(page);
  t.check('a fresh page leaves the address alone', !(await page.evaluate(() => location.hash)));
  await click(page, 'data-cifar10');
  for (const [key, value] of [['classes', 'cat,dog,ship'], ['train-per-class', '200'], ['test', '90'], ['optimizer', 'momentum'],
                              ['lr', '0.003'], ['batch', '16'], ['augment', 'hflip,crop:2'], ['seed', '42'], ['view', 'confusion']])
    await page.evaluate(([k, v]) => window.gradlab.set(k, v), [key, value]);
  await dataReady(page, ['cat', 'dog', 'ship']);  // the panels have their final layout: click by position
  await click(page, 'preset-MLP');
  await click(page, 'loss-svm');
  await page.waitForFunction(() => location.hash.includes('loss=svm'), null, { timeout: 10000 });
  const hash = await page.evaluate(() => location.hash);
  const first = await state(page);
  t.check('the address bar holds the set-up made by clicking', hash === '#' + first.link &&
          /data=cifar10/.test(hash) && /model=mlp:100\+relu/.test(hash) && /loss=svm/.test(hash) && /classes=cat,dog,ship/.test(hash), hash);
  t.check('replaceState, not a history entry per change', (await page.evaluate(() => history.length)) <= 2);
  const losses = await trainSteps(page, 6);

  const fresh = await openPage(options);
  await fresh.goto(url + hash);
  await ready(fresh);
  await dataReady(fresh, ['cat', 'dog', 'ship']);
  const second = await state(fresh);
  t.check('the copied address opens the same set-up', second.link === first.link && second.train.model === 'mlp:100 relu' &&
          second.status === '', `${second.link} ${second.status}`);
  const again = await trainSteps(fresh, 6);
  t.check('the same link gives the same losses, bit for bit', losses?.length === 6 && JSON.stringify(again) === JSON.stringify(losses),
          `${JSON.stringify(losses)} vs ${JSON.stringify(again)}`);
  await fresh.screenshot({ path: path.join(out, 'web-link-opened.png') });

  // ---- an exercise: hidden panels, a read-only one
  const exercise = await openPage(options);
  await exercise.goto(`${url}#v=1&hide=data,views,lessons&lock=training&model=mlp:16`);
  await ready(exercise);
  let s = await state(exercise);
  t.check('hide= hides the Data panel, the view selector and the Lessons tab',
          !s.items['panel-data'] && s.items['panel-model'] && !s.items['view-curves'] && s.tabRects.Lessons.w === 0 && s.status === '',
          Object.keys(s.items).join(' '));
  await click(exercise, 'loss-svm');
  s = await state(exercise);
  t.check('lock= shows the Training panel read-only: a click changes nothing', !/loss=svm/.test(s.link), s.link);
  await exercise.screenshot({ path: path.join(out, 'web-link-exercise.png') });
  await exercise.goto('about:blank');  // a new load, not a same-page fragment change
  await exercise.goto(`${url}#v=1&model=mlp:16`);
  await ready(exercise);
  await click(exercise, 'loss-svm');
  t.check('without lock= the same click changes the loss', /loss=svm/.test((await state(exercise)).link));

  // ---- damaged links: defaults for the bad parts, one message naming them, a running page
  const damaged = [
    ['v=99&tab=backprop', 'v'], ['lr=abc', 'lr'], ['lr=-1', 'lr'], ['lr=NaN', 'lr'], ['epochs=1e99', 'epochs'],
    [`model=${'x'.repeat(10000)}`, 'model'], ['model=mlp:8%20pool2', 'model'], ['bogus=1', 'bogus'], ['%zz=1', '%zz'],
    ['tab=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'tab'], ['classes=cat,cat', 'classes'], ['classes=cat,dgo', 'classes'],
    ['data=toy:moons', 'data'], ['view=3d', 'view'], ['expr=f%20%3D%20(x%20%2B', 'expr'], ['example=add-mull', 'example'],
    ['bp=sideways', 'bp'], ['lesson=99', 'lesson'], ['seed=-5', 'seed'], ['augment=hflip,rotate:400', 'augment'],
    [`${'k'.repeat(300)}=1`, 'kkkk'], ['inputs=x:1e999', 'inputs'],
  ];
  const broken = await openPage(options);
  let survived = 0;
  for (const [link, key] of damaged) {
    await broken.goto('about:blank');
    await broken.goto(`${url}#${link}`);
    await ready(broken);
    const b = await state(broken);
    const named = b.status.includes(key) && /The rest of the link applied/.test(b.status);
    if (named && b.frame > 3) survived++;
    else t.check(`damaged link #${link.slice(0, 40)} is explained`, false, b.status);
  }
  t.check(`${damaged.length} damaged links each leave a working page with a message naming the bad key`, survived === damaged.length,
          `${survived} of ${damaged.length}`);
  await broken.goto('about:blank');
  await broken.goto(`${url}#v=1&lr=abc&bogus=1&model=mlp:8`);
  await ready(broken);
  const mixed = await state(broken);
  t.check('the good parts of a damaged link still apply', mixed.train.model === 'mlp:8' && /bogus/.test(mixed.status), mixed.status);
  await broken.screenshot({ path: path.join(out, 'web-link-damaged.png') });
});
