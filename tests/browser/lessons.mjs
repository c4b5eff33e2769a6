// Every lesson from start to finish as a student takes it (issue 12): each question answered once
// wrong (the hint shows) and then right, a prediction committed (and its run watched to the end),
// Finish on the last step. Checks each lesson's score, that finishing a lesson is recorded, and
// that the progress is still there after a reload (the session kept in the browser), then that
// "Reset progress" forgets it.
//   node tests/browser/lessons.mjs --site build/wasm/site --out build/wasm/screenshots
import fs from 'node:fs';
import path from 'node:path';
import { clickItem, runBrowserTest } from './browser.mjs';

const state = (page) => page.evaluate(() => window.gradlab.state());
const question = async (page) => (await state(page)).lesson.question;
const until = (page, predicate, arg) => page.waitForFunction(predicate, arg, { timeout: 30000, polling: 50 });

// Types `text` into the lesson's answer field and presses Enter, as a student would.
async function typeAnswer(page, text) {
  await clickItem(page, 'lesson-answer');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

// Answers the open step's question: wrong first, then right (a prediction: `predictRight`).
async function answer(page, q, predictRight, shots) {
  if (q.kind === 'number') {
    await typeAnswer(page, String(q.answer + 1000));
    await until(page, () => window.gradlab.state().lesson.question.wrong === 1);
    shots.hint ||= await page.screenshot();
    await typeAnswer(page, q.answer.toPrecision(6));
    await until(page, () => window.gradlab.state().lesson.question.right);
    shots.number ||= await page.screenshot();
  } else if (q.kind === 'choice') {
    const wrong = q.answer === 1 ? 2 : 1;
    await clickItem(page, `lesson-choice-${wrong}`);
    await clickItem(page, 'lesson-check');
    await until(page, () => window.gradlab.state().lesson.question.wrong === 1);
    await clickItem(page, `lesson-choice-${q.answer}`);
    await clickItem(page, 'lesson-check');
    await until(page, () => window.gradlab.state().lesson.question.right);
    shots.choice ||= await page.screenshot();
  } else {
    const pick = q.answer > 0 ? (predictRight ? q.answer : (q.answer === 1 ? 2 : 1)) : 1;
    await clickItem(page, `lesson-choice-${pick}`);
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
      const step = s.lesson.step;
      const last = s.items['lesson-finish'];
      await clickItem(page, last ? 'lesson-finish' : 'lesson-next');
      if (last) break;
      await until(page, (was) => window.gradlab.state().lesson.step !== was, step);
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
  await clickItem(page, 'lesson-reset-progress');
  await until(page, () => window.gradlab.state().items['lesson-reset-confirm']);
  await clickItem(page, 'lesson-reset-confirm');
  await until(page, () => window.gradlab.state().lesson.progress.every((p) => p === null));
  t.check('Reset progress forgets every lesson\'s progress', true);
});
