// What every JavaScript peer shares: the command line, the data, the timing protocol.
//   --model linear|mlp|cnn  --seconds S  --cifar-dir DIR
// Data: the first 500 images of each class of data_batch_1.bin (5,000 images, as Gradlab's
// `--train-per-class 500`), normalised per channel, cut into 156 batches of 32 before any timing.
// Timing: 3 warm-up steps, then steps until S seconds and at least 3 steps have passed; the
// same for inference (forward only). Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';

export const BATCH = 32;
export const CLASSES = 10;
export const LR = 0.01;
export const MOMENTUM = 0.9;

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
  const bytes = fs.readFileSync(path.join(dir, 'data_batch_1.bin'));
  const record = 3073, taken = new Array(CLASSES).fill(0), picked = [];
  for (let r = 0; r < 10000 && picked.length < perClass * CLASSES; r++) {
    const label = bytes[r * record];
    if (taken[label] < perClass) { taken[label]++; picked.push(r); }
  }
  const n = picked.length, images = new Float32Array(n * 3072), labels = new Uint8Array(n);
  const mean = [0, 0, 0], sq = [0, 0, 0];
  picked.forEach((r, i) => {
    labels[i] = bytes[r * record];
    for (let j = 0; j < 3072; j++) {
      const v = bytes[r * record + 1 + j] / 255, c = j >> 10;
      images[i * 3072 + j] = v; mean[c] += v; sq[c] += v * v;
    }
  });
  const count = n * 1024;
  const std = mean.map((m, c) => Math.sqrt(sq[c] / count - (m / count) ** 2));
  for (let c = 0; c < 3; c++) mean[c] /= count;
  for (let i = 0; i < images.length; i++) { const c = (i % 3072) >> 10; images[i] = (images[i] - mean[c]) / std[c]; }
  return { images, labels, n };
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
