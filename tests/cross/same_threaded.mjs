// The WebAssembly build with threads gives the losses of the one without, bit for bit, whatever
// the thread count (conv layers split their images over a pool, kernels/parallel.h, and sum the
// weight gradients in groups of images fixed by the chunk's size). Runs a small CNN with gradlab-cli.js (no threads) and with
// the threaded build's gradlab-cli.js on 1 and 2 threads, and compares every step's loss.
//   node tests/cross/same_threaded.mjs CLI_JS THREADED_CLI_JS
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const [singleCli, threadedCli] = process.argv.slice(2);
let passed = 0, failed = 0;
const check = (name, ok, detail) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
};
const losses = (cli, args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 300000 })
  .split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
  .filter((e) => e.event === 'step').map((e) => e.loss);

const args = ['train', '--classes', 'cat,dog,ship', '--train-per-class', '40', '--test', '30',
  '--model', 'conv8k5p2 relu pool2 conv8k3p1 bn relu pool2 fc', '--optimizer', 'momentum', '--augment', 'hflip,crop:2',
  '--seed', '7', '--epochs', '5', '--max-steps', '12', '--log-steps', '--json'];
if (![singleCli, threadedCli].every((f) => f && fs.existsSync(f))) {
  check('both CLIs exist', false, `${singleCli}, ${threadedCli}: build the wasm preset first (scripts/test does)`);
} else {
  try {
    const reference = losses(singleCli, args);
    check('the build without threads trains', reference.length === 12, `${reference.length} steps`);
    for (const threads of ['1', '2']) {
      const got = losses(threadedCli, [...args, '--threads', threads]);
      const same = got.length === reference.length && got.every((v, i) => Object.is(v, reference[i]));
      check(`the threaded build on ${threads} thread(s) gives the same losses, bit for bit`, same,
            `last loss ${got.at(-1)} vs ${reference.at(-1)}`);
    }
  } catch (e) {
    check('both CLIs ran', false, e.message.split('\n')[0]);
  }
}
console.log(`threaded/single checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
