// The Train tab in the desktop app under Xvfb: a 3-class CIFAR-10 subset with the linear preset
// (set as the page's link settings would be), trained for a few hundred frames. Checks through
// the app's own state (printed at exit) that steps were taken, the loss fell and the
// weight-template view is showing; saves screenshots before and after.
//   node tests/desktop/train.mjs APP OUT_DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [app, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  ok ? passed++ : failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
};

const settings = ['data=cifar10', 'classes=cat,dog,ship', 'per_class=300', 'model=linear', 'view=weights', 'epochs=5'];
const run = (frames, extra, shot) => {
  const args = ['-a', '-s', '-screen 0 1400x900x24', app, '--size', '1400x900', '--frames', String(frames),
                '--screenshot', path.join(out, shot), '--print-state'];
  for (const s of [...settings, ...extra]) args.push('--set', s);
  const text = execFileSync('xvfb-run', args, { encoding: 'utf8', timeout: 240000 });
  const line = text.split('\n').find((l) => l.startsWith('state '));
  return JSON.parse(line.slice(6)).train;
};

try {
  const before = run(3, [], 'desktop-train-before.png');
  check('before training: the data is being loaded or ready, no session yet', before.steps === undefined, before.dataState);
  const after = run(400, ['train=1'], 'desktop-train-after.png');
  check('the CIFAR-10 subset loaded from the chunks beside the app', after.dataState === 'ready', after.dataMessage);
  check('training steps were taken', after.steps > 0, `${after.steps} steps, phase ${after.phase}`);
  check('on a thread of its own', after.trainingThread === true);
  check('the loss fell', after.lateLossMean < after.earlyLossMean,
        `mean of the first tenth ${after.earlyLossMean?.toFixed(3)}, last tenth ${after.lateLossMean?.toFixed(3)}`);
  check('the weight-template view is showing', after.templatesShown === true && after.view === 'weights');
} catch (e) {
  check('the desktop app ran', false, e.message.split('\n').slice(0, 3).join(' '));
}
console.log(`desktop train checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
