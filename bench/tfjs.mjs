// TensorFlow.js peer: the three models as plain variables and ops (NHWC, TensorFlow.js's layout),
// softmax cross-entropy, SGD with momentum 0.9, batch 32. Backend wasm (SIMD, one thread: the
// backend disables threads in Node.js) or cpu (plain JavaScript).
//   node bench/tfjs.mjs --backend wasm|cpu --model cnn --seconds 2
// The wasm backend has no Conv2DBackpropFilter kernel, so conv2d gets a custom gradient whose dW
// is a forward conv2d of the transposed input with the transposed output gradient. The cpu
// backend gets it too: it trains the CNN at about 36 images/s with it, 2.4 with its own kernel.
import tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { BATCH, CLASSES, LR, MOMENTUM, loadCifar, measure, parseArgs } from './common.mjs';

const argv = process.argv.slice(2);
const bi = argv.indexOf('--backend');
const backend = bi >= 0 ? argv.splice(bi, 2)[1] : 'wasm';
const opt = parseArgs(argv);
await tf.setBackend(backend);
await tf.ready();

// conv2d 'same' with stride 1; dW[ky,kx,c,oc] = sum_{n,y,x} xpad[n,y+ky,x+kx,c] dy[n,y,x,oc] is a
// convolution of x (channels as the batch) with dy (the batch as input channels).
const conv = (x, w, pad) => {
  const f = tf.customGrad((x, w, save) => {
    save([x, w]);
    return {
      value: tf.conv2d(x, w, 1, pad),
      gradFunc: (dy, [x, w]) => [
        tf.conv2dTranspose(dy, w, x.shape, 1, pad),
        tf.transpose(tf.conv2d(tf.transpose(x, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, pad), [1, 2, 0, 3]),
      ],
    };
  });
  return f(x, w);
};

const he = (shape, fanIn) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', 1));
const zeros = (n) => tf.variable(tf.zeros([n]));
let params, forward;
if (opt.model === 'linear') {
  params = [he([3072, CLASSES], 3072), zeros(CLASSES)];
  forward = (x) => tf.add(tf.matMul(tf.reshape(x, [-1, 3072]), params[0]), params[1]);
} else if (opt.model === 'mlp') {
  params = [he([3072, 100], 3072), zeros(100), he([100, CLASSES], 100), zeros(CLASSES)];
  forward = (x) => {
    const h = tf.relu(tf.add(tf.matMul(tf.reshape(x, [-1, 3072]), params[0]), params[1]));
    return tf.add(tf.matMul(h, params[2]), params[3]);
  };
} else {  // conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10
  params = [he([5, 5, 3, 16], 75), zeros(16), he([5, 5, 16, 20], 400), zeros(20), he([5, 5, 20, 20], 500), zeros(20),
            he([320, CLASSES], 320), zeros(CLASSES)];
  forward = (x) => {
    let h = x;
    for (let l = 0; l < 3; l++) h = tf.maxPool(tf.relu(tf.add(conv(h, params[2 * l], 2), params[2 * l + 1])), 2, 2, 0);
    return tf.add(tf.matMul(tf.reshape(h, [-1, 320]), params[6]), params[7]);
  };
}

// Batches as tensors before the clock starts (slicing one big tensor per step is very slow in
// the wasm backend): NHWC images, one-hot labels.
const data = loadCifar(opt['cifar-dir']);
const batches = [];
for (let b = 0; b + BATCH <= data.n; b += BATCH) {
  const chw = tf.tensor4d(data.images.subarray(b * 3072, (b + BATCH) * 3072), [BATCH, 3, 32, 32]);
  batches.push({ x: tf.keep(tf.transpose(chw, [0, 2, 3, 1])), y: tf.keep(tf.oneHot(Array.from(data.labels.subarray(b, b + BATCH)), CLASSES)) });
  chw.dispose();
}

const optimizer = tf.train.momentum(LR, MOMENTUM);
let lastLoss = 0;
const trainStep = (i) => {
  const { x, y } = batches[i % batches.length];
  const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)), true, params);
  lastLoss = loss.dataSync()[0];
  loss.dispose();
};
const inferStep = (i) => tf.tidy(() => forward(batches[i % batches.length].x).dataSync());
const result = measure(opt, trainStep, inferStep);
console.log(JSON.stringify({ peer: `tfjs-${backend}`, model: opt.model, ...result, last_loss: lastLoss,
  version: tf.version.tfjs, simd: backend === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : undefined,
  threads: backend === 'wasm' ? tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') : undefined }));
