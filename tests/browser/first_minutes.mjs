// The first minutes of a new student, as issue 14 describes them:
// - at 1280x800 Start, Step and Reset are in view, and the result is said in words when training ends;
// - changing the model puts the old run away (no old views under the new model);
// - on a touch screen one tap switches a tab;
// - a page just opened has the focus on the tab shown and answers the keyboard without a click
//   (Start can be pressed from the keys);
// - a lesson can be taken from start to finish with the keyboard alone, and "?" shows the keys.
//   node tests/browser/first_minutes.mjs --site build/wasm/site --out build/wasm/screenshots
import path from 'node:path';
import { afterFrames, clickItem, runBrowserTest, state } from './browser.mjs';

const ready = (page) => page.waitForFunction(() => window.gradlab && window.gradlab.ready() && window.gradlab.state().frame > 3,
                                             null, { timeout: 60000 });
const inView = (item, viewport) => item && item.y >= 0 && item.y + item.h <= viewport.height && item.x + item.w <= viewport.width;

await runBrowserTest('browser first-minutes test', async ({ url, out, t, openPage }) => {
  const viewport = { width: 1280, height: 800 };
  // ---- a first visit: one line says what the tabs are and offers the first lesson
  const visit = await openPage({ viewport });
  await visit.goto(url);
  await ready(visit);
  // The line comes once the browser's storage has answered, drawn in the frame after.
  await visit.waitForFunction(() => window.gradlab.state().items['first-lesson'], null, { timeout: 10000 }).catch(() => {});
  const visited = await state(visit);
  t.check('a first visit offers the first lesson', visited.firstVisit && visited.items['first-lesson'] !== undefined);
  await visit.screenshot({ path: path.join(out, 'web-first-visit.png') });
  await clickItem(visit, 'first-lesson');
  await visit.waitForFunction(() => window.gradlab.state().lesson.active === 1, null, { timeout: 10000 }).catch(() => {});
  const v = await state(visit);
  t.check('one click starts lesson 1, and the line goes', v.lesson.active === 1 && v.lesson.step === 1 && !v.firstVisit, JSON.stringify(v.lesson).slice(0, 200));
  await visit.close();

  // ---- the controls in view, the result in words, a model change
  const page = await openPage({ viewport });
  await page.goto(`${url}#v=1&data=toy:circles&model=mlp:8+relu&optimizer=adam&lr=0.03&epochs=5`);
  await ready(page);
  let s = await state(page);
  t.check('a link is not a first visit: no line about the tabs', !s.firstVisit && !s.items['first-lesson']);
  t.check('Start, Step and Reset are in view at 1280x800 before anything is scrolled',
          ['step-one-batch', 'reset'].every((name) => inView(s.items[name], viewport)), JSON.stringify([s.items['step-one-batch'], s.items.reset]));
  await page.evaluate(() => window.gradlab.set('train', '1'));
  await page.waitForFunction(() => window.gradlab.state().train.phase === 'finished', null, { timeout: 60000 });
  await page.waitForTimeout(200);
  s = await state(page);
  t.check('when training ends the result is on screen, in view', inView(s.items.result, viewport) && s.train.testAccuracy > 0.5,
          JSON.stringify(s.items.result));
  await page.screenshot({ path: path.join(out, 'web-first-minutes-result.png') });
  await page.evaluate(() => window.gradlab.set('model', 'mlp:16 relu'));
  await page.waitForTimeout(200);
  s = await state(page);
  t.check('changing the model puts the old run away', s.train.phase === undefined && s.train.model === 'mlp:16 relu' && !s.items.result,
          JSON.stringify({ phase: s.train.phase, model: s.train.model }));

  // ---- CIFAR-10 comes once: adding a class fetches only that class's chunks
  const data = await openPage({ viewport });
  await data.goto(`${url}#v=1&data=cifar10&classes=cat,dog,ship&train-per-class=100&test=60`);
  await ready(data);
  const loaded = (classes) => data.waitForFunction((c) => {
    const s = window.gradlab.state().train;
    return s.dataState === 'ready' && JSON.stringify(s.classes) === JSON.stringify(c);
  }, classes, { timeout: 60000 });
  await loaded(['cat', 'dog', 'ship']);
  const first = (await state(data)).train.filesFetched;
  await data.evaluate(() => window.gradlab.set('classes', 'cat,dog,ship,truck'));
  await loaded(['cat', 'dog', 'ship', 'truck']);
  const added = (await state(data)).train.filesFetched - first;
  await data.evaluate(() => window.gradlab.set('classes', 'cat,dog,ship'));
  await loaded(['cat', 'dog', 'ship']);
  const back = (await state(data)).train.filesFetched - first - added;
  t.check('adding a class fetches only its chunks; going back fetches nothing', first >= 4 && added >= 1 && added <= 2 && back === 0,
          `first ${first} files, truck ${added}, back ${back}`);

  // ---- touch: one tap switches a tab
  const phone = await openPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  await phone.goto(`${url}#v=1&tab=train`);  // a link: no first-visit line arriving above the tabs mid-tap
  await ready(phone);
  const tab = (await state(phone)).tabRects.Backprop;
  await phone.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
  // One tap, then time for a few frames (a loaded machine draws slowly); no second tap.
  const switched = await phone.waitForFunction(() => window.gradlab.state().tab === 'Backprop', null, { timeout: 5000 }).then(() => true, () => false);
  t.check('on a touch screen one tap switches a tab', switched, (await state(phone)).tab);

  // ---- a phone: one column that a finger scrolls; Start trains and the curves are reachable
  const one = await openPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  await one.goto(`${url}#v=1&data=toy:spiral&model=mlp:16+relu&lr=0.5&epochs=5`);
  await ready(one);
  const item = async (name) => (await state(one)).items[name];
  const setup = await item('panel-training');
  const start = await item('start');
  t.check('at 390 px the set-up is one column: Start and the Training panel fit the screen\'s width',
          start && setup && setup.x + setup.w <= 390 && start.x + start.w <= 390, JSON.stringify({ start, setup }));
  await one.touchscreen.tap(start.x + start.w / 2, start.y + start.h / 2);
  await one.waitForFunction(() => window.gradlab.state().train.steps > 0, null, { timeout: 10000 }).catch(() => {});
  const cdp = await one.context().newCDPSession(one);
  // A finger moved up by dy pixels, as the browser reports it: a finger's moves come over several
  // frames (the app sees each move in a frame of its own, however slow the machine).
  const swipe = async (x, y, dy) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await afterFrames(one, 1);
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - (dy * i) / 8 }] });
      await afterFrames(one, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await afterFrames(one, 3);
  };
  await swipe(330, 303, 300);  // from the text under the toy data's settings, not a control
  const moved = await item('panel-training');
  t.check('a swipe up scrolls the set-up', moved && moved.y < setup.y - 150, `Training panel at y ${setup.y}, then ${moved?.y}`);
  for (let i = 0; i < 8 && !(await item('view-curves')); i++) await swipe(330, 700, 400);
  const curves = await item('view-curves');
  const run = (await state(one)).train;
  t.check('below the set-up the views are reachable, and Start trained', curves && run.steps > 0, JSON.stringify({ curves, steps: run.steps }));
  await swipe(14, 700, 420);  // along the left margin, beside the controls
  await one.screenshot({ path: path.join(out, 'web-phone-views.png') });

  // ---- a phone: ten classes' confusion matrix is wider than the screen; a sideways swipe scrolls it
  const wide = await openPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  await wide.goto(`${url}#v=1&data=cifar10&classes=airplane,automobile,bird,cat,deer,dog,frog,horse,ship,truck&per_class=50&test=50` +
                  '&model=linear&epochs=1&train=1&view=confusion');
  await ready(wide);
  await wide.waitForFunction(() => window.gradlab.state().train.phase === 'finished', null, { timeout: 60000 });
  const wideCdp = await wide.context().newCDPSession(wide);
  const drag = async (x, y, dx, dy) => {  // a finger moved by (dx, dy) over a few frames
    await wideCdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await afterFrames(wide, 1);
    for (let i = 1; i <= 8; i++) {
      await wideCdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 8, y: y + (dy * i) / 8 }] });
      await afterFrames(wide, 1);
    }
    await wideCdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await afterFrames(wide, 3);
  };
  const wideItem = async (name) => (await state(wide)).items[name];
  for (let i = 0; i < 10 && !(await wideItem('confusion-first-cell')); i++) await drag(14, 700, 0, -400);
  const firstCell = await wideItem('confusion-first-cell');
  const lastBefore = await wideItem('confusion-last-column');
  if (firstCell) await drag(firstCell.x + firstCell.w / 2 + 150, firstCell.y + firstCell.h / 2, -250, 0);
  const lastAfter = await wideItem('confusion-last-column');
  t.check('on a phone the ten-class confusion matrix runs past the screen, and a sideways swipe brings its last column in',
          firstCell && !lastBefore && lastAfter && lastAfter.x + lastAfter.w <= 390, JSON.stringify({ firstCell, lastBefore, lastAfter }));
  await wide.screenshot({ path: path.join(out, 'web-phone-confusion.png') });
  await wide.close();

  // ---- the keyboard alone, on a page just opened and never clicked: the arrows answer at once
  const fresh = await openPage({ viewport });
  await fresh.goto(`${url}#v=1&tab=train&data=toy:circles&model=mlp:8+relu&epochs=2`);
  await ready(fresh);
  const heard = [(await state(fresh)).focus];  // before any key: the tab shown has the focus
  for (const key of ['ArrowDown', 'Space']) {
    await fresh.keyboard.press(key);
    await fresh.waitForTimeout(150);
    heard.push((await state(fresh)).focus);
  }
  t.check('on a page just opened, the focus is on the tab shown (named as such), Down reaches the run panel (a group); Space enters it',
          heard[0].label === 'Train' && heard[0].role === 'tab' && heard[0].state === 'selected' &&
          heard[1].label === 'Run and set-up' && heard[1].role === 'group' && heard[2].label === 'Start', JSON.stringify(heard));
  await fresh.keyboard.press('Space');
  await fresh.waitForFunction(() => window.gradlab.state().train.steps > 0, null, { timeout: 10000 }).catch(() => {});
  t.check('and Space on Start trains', (await state(fresh)).train.steps > 0, JSON.stringify((await state(fresh)).train).slice(0, 200));
  await fresh.close();

  // ---- Space on Start, then Space again: the focus stays on the button, which now says Pause
  const long = await openPage({ viewport });
  await long.goto(`${url}#v=1&tab=train&data=toy:circles&model=mlp:8+relu&epochs=20000`);
  await ready(long);
  for (const key of ['ArrowDown', 'Space', 'Space']) {
    await long.keyboard.press(key);
    await long.waitForTimeout(150);
  }
  await long.waitForFunction(() => window.gradlab.state().train.playing === true, null, { timeout: 10000 }).catch(() => {});
  const playingFocus = (await state(long)).focus;
  await long.keyboard.press('Space');
  await long.waitForFunction(() => window.gradlab.state().train.playing === false, null, { timeout: 10000 }).catch(() => {});
  const pausedFocus = (await state(long)).focus;
  t.check('Space on Start and Space again pauses: the focus stays on the button (Pause, then Resume)',
          playingFocus.label === 'Pause' && pausedFocus.label === 'Resume' && pausedFocus.role === 'button' &&
          (await state(long)).train.playing === false, JSON.stringify({ playingFocus, pausedFocus }));
  await long.close();

  // ---- the keyboard alone: "?" and a whole lesson
  const keys = await openPage({ viewport });
  await keys.goto(`${url}#v=1&lesson=9.1`);
  await ready(keys);
  await keys.keyboard.press('Shift+Slash');  // "?"
  await keys.waitForTimeout(200);
  t.check('"?" shows the keyboard help', (await state(keys)).showKeys);
  await keys.screenshot({ path: path.join(out, 'web-keyboard-help.png') });
  await keys.keyboard.press('Shift+Slash');
  await keys.waitForTimeout(200);
  // The lesson window has the focus when it opens; arrows move to "Next >", Space presses it.
  const steps = [];
  for (let i = 0; i < 60 && (await state(keys)).lesson.active === 9; i++) {
    const before = (await state(keys)).lesson.step;
    await keys.keyboard.press('Space');
    await keys.waitForTimeout(120);
    const after = await state(keys);
    if (after.lesson.active !== 9 || after.lesson.step !== before) {
      steps.push(after.lesson.active === 9 ? after.lesson.step : 'finished');
      continue;
    }
    await keys.keyboard.press('ArrowRight');
    await keys.waitForTimeout(80);
  }
  t.check('a lesson is taken from start to finish with the keyboard alone', steps.at(-1) === 'finished' && steps.length >= 5,
          JSON.stringify(steps));
});
