// The TensorFlow.js peer's models, for Node.js (bench/tfjs.mjs) and the page race
// (bench/tfjs-page.mjs) alike: the three reference models as plain variables and ops (NHWC,
// TensorFlow.js's layout), and one training step: softmax cross-entropy, SGD with momentum.
//   const { trainStep, forward } = makeModel(tf, 'cnn');  // tf: the TensorFlow.js module
// The wasm backend has no Conv2DBackpropFilter kernel, so conv2d gets a custom gradient whose dW
// is a forward conv2d of the transposed input with the transposed output gradient.
import { CLASSES, LR, MOMENTUM } from './cifar-sample.mjs';

export function makeModel(tf, model) {
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
  if (model === 'linear') {
    params = [he([3072, CLASSES], 3072), zeros(CLASSES)];
    forward = (x) => tf.add(tf.matMul(tf.reshape(x, [-1, 3072]), params[0]), params[1]);
  } else if (model === 'mlp') {
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

  const optimizer = tf.train.momentum(LR, MOMENTUM);
  // One step on batch { x, y }; gives the loss.
  const trainStep = ({ x, y }) => {
    const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)), true, params);
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  };
  return { params, forward, trainStep };
}

// Batches as tensors (slicing one big tensor per step is very slow in the wasm backend): NHWC
// images, one-hot labels, from cifarSample's { images, labels, n }.
export function makeBatches(tf, data, batch) {
  const batches = [];
  for (let b = 0; b + batch <= data.n; b += batch) {
    const chw = tf.tensor4d(data.images.subarray(b * 3072, (b + batch) * 3072), [batch, 3, 32, 32]);
    batches.push({ x: tf.keep(tf.transpose(chw, [0, 2, 3, 1])), y: tf.keep(tf.oneHot(Array.from(data.labels.subarray(b, b + batch)), CLASSES)) });
    chw.dispose();
  }
  return batches;
}
