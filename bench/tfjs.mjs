// TensorFlow.js peer: the three models (bench/tfjs-model.mjs), batch 32. Backend wasm (SIMD, one
// thread: the backend disables threads in Node.js) or cpu (plain JavaScript). The custom conv2d
// gradient of tfjs-model.mjs serves the cpu backend too: it trains the CNN at about 36 images/s
// with it, 2.4 with its own kernel.
//   node bench/tfjs.mjs --backend wasm|cpu --model cnn --seconds 2
import tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { BATCH, loadCifar, measure, parseArgs } from './common.mjs';
import { makeBatches, makeModel } from './tfjs-model.mjs';

const argv = process.argv.slice(2);
const bi = argv.indexOf('--backend');
const backend = bi >= 0 ? argv.splice(bi, 2)[1] : 'wasm';
const opt = parseArgs(argv);
await tf.setBackend(backend);
await tf.ready();

const { forward, trainStep: step } = makeModel(tf, opt.model);
// Batches as tensors before the clock starts.
const batches = makeBatches(tf, loadCifar(opt['cifar-dir']), BATCH);
let lastLoss = 0;
const trainStep = (i) => { lastLoss = step(batches[i % batches.length]); };
const inferStep = (i) => tf.tidy(() => forward(batches[i % batches.length].x).dataSync());
const result = measure(opt, trainStep, inferStep);
console.log(JSON.stringify({ peer: `tfjs-${backend}`, model: opt.model, ...result, last_loss: lastLoss,
  version: tf.version.tfjs, simd: backend === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : undefined,
  threads: backend === 'wasm' ? tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') : undefined }));
