// The desktop app trains on a thread of its own (train/trainer_thread.h) while its UI thread
// draws. Under Xvfb, a scripted run pauses, steps once, waits, goes on and resets, reading the
// app's state after each (a print waits until the thread has shown what it was asked):
// - Pause stops at a step boundary and stays paused;
// - Step takes exactly one step;
// - Resume trains on, and Reset puts the run away (the thread stops and is joined).
//   node tests/desktop/thread.mjs APP
import { execFileSync } from 'node:child_process';

const [app] = process.argv.slice(2);
let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  ok ? passed++ : failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
};

try {
  const args = ['-a', '-s', '-screen 0 1280x800x24', app, '--frames', '70',
                '--set', 'data=toy:spiral', '--set', 'model=mlp:512,512 relu', '--set', 'epochs=1000', '--set', 'train=1',
                '--at', '20:train=pause', '--state-at', '21',
                '--at', '22:train=step', '--state-at', '23',
                '--state-at', '30',
                '--at', '31:train=resume', '--at', '60:train=pause', '--state-at', '61',
                '--at', '62:train=reset', '--state-at', '63'];
  const text = execFileSync('xvfb-run', args, { encoding: 'utf8', timeout: 240000 });
  const states = text.split('\n').filter((l) => l.startsWith('state ')).map((l) => JSON.parse(l.slice(6)).train);
  if (states.length !== 5) throw new Error(`expected 5 state prints, got ${states.length}`);
  const [paused, stepped, later, pausedAgain, reset] = states;
  check('training runs on its own thread', paused.trainingThread === true && paused.steps > 0, `${paused.steps} steps`);
  check('Pause stops training at a step boundary', paused.playing === false && paused.phase === 'training' && paused.settled === true,
        `${paused.phase}, playing ${paused.playing}`);
  check('Step takes exactly one step', stepped.steps === paused.steps + 1, `${paused.steps} -> ${stepped.steps}`);
  check('and a paused run stays where it is', later.steps === stepped.steps, `${stepped.steps} -> ${later.steps}`);
  check('Resume trains on', pausedAgain.steps > later.steps, `${later.steps} -> ${pausedAgain.steps}`);
  check('Reset puts the run away', reset.steps === undefined && reset.trainingThread === undefined);
} catch (e) {
  check('the desktop app ran', false, e.message.split('\n').slice(0, 3).join(' '));
}
console.log(`desktop thread checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
