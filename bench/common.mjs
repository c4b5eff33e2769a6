// What every JavaScript peer shares: the command line, the data, the timing protocol.
//   --model linear|mlp|cnn  --seconds S  --cifar-dir DIR
// Data: the first 500 images of each class of data_batch_1.bin (5,000 images, as Gradlab's
// `--train-per-class 500`), normalised per channel, cut into 156 batches of 32 before any timing.
// Timing: 3 warm-up steps, then steps until S seconds and at least 3 steps have passed; the
// same for inference (forward only). Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';

import { BATCH, cifarSample } from './cifar-sample.mjs';

export { BATCH, CLASSES, LR, MOMENTUM } from './cifar-sample.mjs';

export function parseArgs(argv) {
  const opt = { model: 'cnn', seconds: 2, 'cifar-dir': process.env.GRADLAB_CIFAR10_DIR || 'data/cifar-10-batches-bin' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opt) || i + 1 >= argv.length) throw new Error(`usage: --model linear|mlp|cnn --seconds S --cifar-dir DIR (got ${argv[i]})`);
    opt[key] = key === 'seconds' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!['linear', 'mlp', 'cnn'].includes(opt.model)) throw new Error(`unknown model ${opt.model}`);
  return opt;
}

// { images: Float32Array (n*3072, CHW per image, normalised), labels: Uint8Array, n }
export function loadCifar(dir, perClass = 500) {
  return cifarSample(fs.readFileSync(path.join(dir, 'data_batch_1.bin')), perClass);
}

// Calls step(i) for at least `seconds` and at least `minSteps` times; returns steps per second.
export function stepsPerSecond(seconds, minSteps, step) {
  const start = performance.now();
  let steps = 0, elapsed = 0;
  do {
    step(steps++);
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds || steps < minSteps);
  return steps / elapsed;
}

export function measure(opt, trainStep, inferStep) {
  for (let i = 0; i < 3; i++) trainStep(i);
  const train = stepsPerSecond(opt.seconds, 3, trainStep) * BATCH;
  for (let i = 0; i < 3; i++) inferStep(i);
  const infer = stepsPerSecond(opt.seconds, 3, inferStep) * BATCH;
  return { train_images_per_second: train, infer_images_per_second: infer };
}
