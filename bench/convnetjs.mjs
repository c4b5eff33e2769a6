// ConvNetJS 0.3 peer (pure JavaScript, float64): the three models as layer definitions, softmax
// loss, SGD with momentum 0.9, batch 32 (the trainer updates after every 32 samples), no weight
// decay. One training step is 32 trainer.train() calls. Same data and timing as common.mjs.
//   node bench/convnetjs.mjs --model cnn --seconds 2
import { createRequire } from 'node:module';
import { BATCH, CLASSES, LR, MOMENTUM, loadCifar, measure, parseArgs } from './common.mjs';

const convnetjs = createRequire(import.meta.url)('convnetjs');
const opt = parseArgs(process.argv.slice(2));

const layers = [{ type: 'input', out_sx: 32, out_sy: 32, out_depth: 3 }];
if (opt.model === 'mlp') layers.push({ type: 'fc', num_neurons: 100, activation: 'relu' });
if (opt.model === 'cnn')
  for (const filters of [16, 20, 20])
    layers.push({ type: 'conv', sx: 5, filters, stride: 1, pad: 2, activation: 'relu' }, { type: 'pool', sx: 2, stride: 2 });
layers.push({ type: 'softmax', num_classes: CLASSES });
const net = new convnetjs.Net();
net.makeLayers(layers);
const trainer = new convnetjs.SGDTrainer(net, { method: 'sgd', learning_rate: LR, momentum: MOMENTUM, batch_size: BATCH, l2_decay: 0 });

// Vols before the clock starts. ConvNetJS stores (x, y, depth) with depth fastest: HWC.
const data = loadCifar(opt['cifar-dir']);
const vols = [];
for (let i = 0; i < data.n - data.n % BATCH; i++) {
  const v = new convnetjs.Vol(32, 32, 3, 0.0);
  for (let c = 0; c < 3; c++)
    for (let p = 0; p < 1024; p++) v.w[p * 3 + c] = data.images[i * 3072 + c * 1024 + p];
  vols.push(v);
}

let lastLoss = 0;
const trainStep = (s) => {
  let loss = 0;
  for (let i = 0; i < BATCH; i++) {
    const at = (s * BATCH + i) % vols.length;
    loss += trainer.train(vols[at], data.labels[at]).loss;
  }
  lastLoss = loss / BATCH;
};
const inferStep = (s) => {
  for (let i = 0; i < BATCH; i++) net.forward(vols[(s * BATCH + i) % vols.length], false);
};
console.log(JSON.stringify({ peer: 'convnetjs', model: opt.model, ...measure(opt, trainStep, inferStep), last_loss: lastLoss }));
