// Every lesson from start to finish as a student takes it (issue 12): each question answered once
// wrong (the hint shows) and then right, a prediction committed (and its run watched to the end),
// Finish on the last step. Checks each lesson's score, that finishing a lesson is recorded, and
// that the progress is still there after a reload (the session kept in the browser), then that
// "Reset progress" forgets it.
//   node tests/browser/lessons.mjs --site build/wasm/site --out build/wasm/screenshots
import fs from 'node:fs';
import path from 'node:path';
import { clickItem, runBrowserTest, state } from './browser.mjs';

const question = async (page) => (await state(page)).lesson.question;
// Waits for `predicate`; on a timeout, says where the student was.
let where = 'start';
const until = (page, predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 30000, polling: 50 })
  .catch(async (e) => { throw new Error(`${where}: ${e.message.split('\n')[0]}; lesson ${JSON.stringify((await state(page)).lesson)}`); });

// Waits until the lesson window has stopped growing and moving (it fits its height to the step),
// so a click lands where the item was read.
async function settled(page) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const items = await page.evaluate(() => JSON.stringify(Object.entries(window.gradlab.state().items).filter(([k]) => k.startsWith('lesson-'))));
    if (items === last) return;
    last = items;
    await page.waitForTimeout(100);
  }
}

// Marks choice k (from 1), clicking again if a click went astray while the window moved.
async function pick(page, k) {
  for (let tries = 0; tries < 5; tries++) {
    await settled(page);
    await clickItem(page, `lesson-choice-${k}`);
    const marked = await page.waitForFunction((c) => window.gradlab.state().lesson.question.picked === c, k, { timeout: 2000, polling: 50 })
      .then(() => true, () => false);
    if (marked) return;
  }
  throw new Error(`${where}: choice ${k} could not be marked`);
}

// Types `text` into the lesson's answer field (a click selects what is there) and presses Enter.
async function typeAnswer(page, text) {
  await clickItem(page, 'lesson-answer');
  await page.waitForTimeout(150);  // the field takes the keyboard in the frame after the click
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

// Answers the open step's question: wrong first, then right (a prediction: `predictRight`).
async function answer(page, q, predictRight, shots) {
  await settled(page);
  if (q.kind === 'number') {
    await typeAnswer(page, String(q.answer + 1000));
    await until(page, () => window.gradlab.state().lesson.question.wrong === 1);
    shots.hint ||= await page.screenshot();
    await settled(page);
    await typeAnswer(page, q.answer.toPrecision(6));
    await until(page, () => window.gradlab.state().lesson.question.right);
    shots.number ||= await page.screenshot();
  } else if (q.kind === 'choice') {
    const wrong = q.answer === 1 ? 2 : 1;
    await pick(page, wrong);
    await clickItem(page, 'lesson-check');
    await until(page, () => window.gradlab.state().lesson.question.wrong === 1);
    await settled(page);  // the hint made the window taller
    await pick(page, q.answer);
    await clickItem(page, 'lesson-check');
    await until(page, () => window.gradlab.state().lesson.question.right);
    shots.choice ||= await page.screenshot();
  } else {
    const choice = q.answer > 0 ? (predictRight ? q.answer : (q.answer === 1 ? 2 : 1)) : 1;
    await pick(page, choice);
    await clickItem(page, 'lesson-commit');
    await until(page, () => window.gradlab.state().lesson.question.committed);
    // The run the prediction starts goes to its end before the student moves on.
    await page.waitForFunction(() => !window.gradlab.state().train.playing, null, { timeout: 90000, polling: 200 });
    await page.waitForTimeout(300);
    shots.predict ||= await page.screenshot();
  }
}

await runBrowserTest('browser lessons test', async ({ url, out, t, openPage }) => {
  const page = await openPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}#v=1&tab=lessons`);
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  const count = (await state(page)).lesson.progress.length;
  t.check('the Lessons tab lists the lessons, none started', count >= 6 && (await state(page)).lesson.progress.every((p) => p === null),
          `${count} lessons`);
  const shots = {}, expected = [];
  for (let n = 1; n <= count; n++) {
    await page.evaluate((l) => window.gradlab.open(`#v=1&lesson=${l}.1`), n);
    await until(page, (l) => window.gradlab.state().lesson.active === l, n);
    let questions = 0, scored = 0, right = 0;
    for (let guard = 0; guard < 40; guard++) {
      await page.waitForTimeout(150);  // the window has drawn the step
      const s = await state(page);
      where = `lesson ${n}, step ${s.lesson.step}`;
      if (s.lesson.question) {
        const q = s.lesson.question;
        const predictRight = n % 2 === 0;  // predictions: right in some lessons, wrong in others
        await answer(page, q, predictRight, shots);
        questions++;
        if (q.kind !== 'predict' || q.answer > 0) {
          scored++;
          if (q.kind !== 'predict' || predictRight) right++;
        }
      }
      await settled(page);
      const step = s.lesson.step;
      const last = (await state(page)).items['lesson-finish'];
      await clickItem(page, last ? 'lesson-finish' : 'lesson-next');
      if (last) break;
      // The next step, or the lesson closed (the last step's button read as Next a frame late).
      await until(page, ([was, l]) => window.gradlab.state().lesson.step !== was || window.gradlab.state().lesson.active !== l, [step, n]);
      if ((await state(page)).lesson.active !== n) break;
    }
    await until(page, () => window.gradlab.state().lesson.active === 0);
    const p = (await state(page)).lesson.progress[n - 1];
    const score = scored ? Math.round((100 * right) / scored) : 100;
    expected.push(score);
    t.check(`lesson ${n}: taken to the end (${questions} questions), finished with score ${score} %`,
            p?.finished && p.score === score, JSON.stringify(p));
  }
  for (const [name, png] of Object.entries(shots)) fs.writeFileSync(path.join(out, `web-lesson-question-${name}.png`), png);
  t.check('the lessons ask every kind of question', Boolean(shots.number && shots.choice && shots.predict && shots.hint),
          Object.keys(shots).join(', '));

  // ---- a reload keeps the progress (the session is stored every 3 s when something changed)
  await page.waitForTimeout(4000);
  await page.reload();
  await page.waitForFunction(() => window.gradlab?.ready() && window.gradlab.state().frame > 3, null, { timeout: 60000 });
  await page.waitForTimeout(500);
  let s = await state(page);
  t.check('after a reload every lesson is still finished with its score', s.lesson.progress.every((p, i) => p?.finished && p.score === expected[i]),
          JSON.stringify(s.lesson.progress));
  await page.screenshot({ path: path.join(out, 'web-lessons-progress.png') });

  // ---- Reset progress forgets it
  where = 'Reset progress';
  await page.evaluate(() => window.gradlab.set('tab', 'lessons'));
  await until(page, () => window.gradlab.state().items['lesson-reset-progress']);
  await clickItem(page, 'lesson-reset-progress');
  await until(page, () => window.gradlab.state().items['lesson-reset-confirm']);
  await clickItem(page, 'lesson-reset-confirm');
  await until(page, () => window.gradlab.state().lesson.progress.every((p) => p === null));
  t.check('Reset progress forgets every lesson\'s progress', true);
});
