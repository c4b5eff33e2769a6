// The benchmark's data, from the bytes of data_batch_1.bin, wherever they were read (a file in
// Node.js, a fetch in the page race): the first `perClass` images of each class, normalised per
// channel. { images: Float32Array (n*3072, CHW per image), labels: Uint8Array, n }
export const BATCH = 32;
export const CLASSES = 10;
export const LR = 0.01;
export const MOMENTUM = 0.9;

export function cifarSample(bytes, perClass = 500) {
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

