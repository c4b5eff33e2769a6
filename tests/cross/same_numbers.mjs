// Native and WebAssembly give the same numbers: runs the same short trainings with the native
// gradlab-cli and with gradlab-cli.js under Node.js and compares every step's loss.
//   node tests/cross/same_numbers.mjs NATIVE_CLI WASM_CLI_JS
// Float sums may be ordered differently (vectorised GEMM natively, scalar in WebAssembly) and
// libm's exp/log may differ in the last bit, so losses must agree to a relative 1e-4, not bitwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const [nativeCli, wasmCli] = process.argv.slice(2);
let passed = 0, failed = 0;
const check = (name, ok, detail) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
};
for (const [what, path] of [['native CLI', nativeCli], ['WebAssembly CLI', wasmCli]]) {
  if (!path || !fs.existsSync(path)) {
    check(`${what} exists`, false, `${path}: build the native and wasm presets first (scripts/test does)`);
  }
}

const runs = [
  ['small CNN on CIFAR-10', ['--classes', 'cat,dog,ship', '--train-per-class', '40', '--test', '30',
    '--model', 'conv8k5p2 relu pool2 conv8k3p1 bn relu pool2 fc', '--optimizer', 'momentum', '--augment', 'hflip,crop:2']],
  ['MLP on CIFAR-10 with Adam and dropout', ['--classes', 'airplane,truck', '--train-per-class', '40', '--test', '20',
    '--model', 'mlp:32 tanh dropout0.3', '--optimizer', 'adam', '--reg', 'l2', '--lambda', '0.001']],
  ['MLP on the spiral with mixup', ['--data', 'toy:spiral', '--model', 'mlp:16,16 elu', '--optimizer', 'rmsprop', '--augment', 'mixup:0.4']],
];

const losses = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
  .split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
  .filter((e) => e.event === 'step').map((e) => e.loss);

if (failed === 0) {
  for (const [name, extra] of runs) {
    const args = ['train', ...extra, '--seed', '7', '--epochs', '5', '--max-steps', '12', '--log-steps', '--json'];
    try {
      const a = losses(nativeCli, args);
      const b = losses(process.execPath, [wasmCli, ...args]);
      let worst = 0;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), 1e-6));
      check(`${name}: same loss natively and in WebAssembly for ${a.length} steps`,
            a.length === 12 && b.length === 12 && worst < 1e-4,
            `steps ${a.length}/${b.length}, worst relative difference ${worst.toExponential(2)}, last loss ${a.at(-1)} vs ${b.at(-1)}`);
    } catch (e) {
      check(`${name}: both CLIs ran`, false, e.message.split('\n')[0]);
    }
  }
}
console.log(`native/wasm checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
