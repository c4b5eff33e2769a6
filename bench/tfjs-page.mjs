// TensorFlow.js training in a page, as a playground built on it would: one step, then the page
// draws (a loss curve and a line of text) at its next animation frame. The model, data and
// optimizer are bench/tfjs.mjs's. Reads ?model=cnn&seconds=S&data=URL&threads=N (threads count
// only where the page is cross-origin isolated, as for Gradlab's threaded build); leaves
// window.benchResult = { train_images_per_second (training time), wall_images_per_second,
// frame_p50_ms, frame_p99_ms, steps, threads, version } or { error }.
import { BATCH, cifarSample } from './cifar-sample.mjs';
import { makeBatches, makeModel } from './tfjs-model.mjs';
import { percentile } from './percentile.mjs';

const tf = window.tf;
const query = new URLSearchParams(location.search);
const status = document.getElementById('status');
const plot = document.getElementById('loss').getContext('2d');
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function run() {
  tf.wasm.setWasmPaths(new URL('node_modules/@tensorflow/tfjs-backend-wasm/dist/', location.href).href);
  const threads = self.crossOriginIsolated ? Number(query.get('threads') || 1) : 1;
  tf.wasm.setThreadsCount(threads);
  await tf.setBackend('wasm');
  await tf.ready();
  const response = await fetch(query.get('data'));
  if (!response.ok) throw new Error(`${query.get('data')}: HTTP ${response.status} (scripts/fetch-cifar10 puts CIFAR-10 in data/)`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const batches = makeBatches(tf, cifarSample(bytes), BATCH);
  const { trainStep } = makeModel(tf, query.get('model') || 'cnn');
  for (let i = 0; i < 3; i++) trainStep(batches[i]);  // warm-up, as the Node.js peers

  const seconds = Number(query.get('seconds') || 10);
  const gaps = [], losses = [];
  let steps = 0, training = 0, last = await nextFrame();
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    losses.push(trainStep(batches[steps % batches.length]));
    training += performance.now() - t0;
    steps++;
    plot.clearRect(0, 0, 400, 120);
    plot.beginPath();
    losses.forEach((l, i) => plot.lineTo((400 * i) / losses.length, 120 - 40 * l));
    plot.stroke();
    status.textContent = `${steps} steps, loss ${losses.at(-1).toFixed(3)}`;
    const now = await nextFrame();
    gaps.push(now - last);
    last = now;
  }
  const wall = performance.now() - start;
  return { train_images_per_second: (steps * BATCH) / (training / 1000), wall_images_per_second: (steps * BATCH) / (wall / 1000),
           frame_p50_ms: percentile(gaps, 0.5), frame_p99_ms: percentile(gaps, 0.99), steps,
           threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? threads : 1,
           simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), version: tf.version.tfjs };
}

run().then((r) => { window.benchResult = r; }, (e) => { window.benchResult = { error: String(e.message || e) }; });
