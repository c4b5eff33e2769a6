"""PyTorch peer: the three models as nn.Sequential, cross-entropy, SGD with momentum 0.9, batch 32,
one thread (--threads N for more). Same data and timing protocol as bench/common.mjs; prints one JSON line.

    /usr/bin/python3 bench/torch_bench.py --model cnn --seconds 2 [--cifar-dir DIR]

scripts/bench runs it with OpenBLAS (LD_LIBRARY_PATH=.../openblas-pthread) and glibc malloc kept
from returning memory to the system (MALLOC_MMAP_THRESHOLD_/MALLOC_TRIM_THRESHOLD_), which spares
PyTorch the page faults of fresh large allocations on every step.
"""
import argparse, json, os, time

import numpy as np
import torch
import torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument("--model", choices=["linear", "mlp", "cnn"], default="cnn")
p.add_argument("--seconds", type=float, default=2.0)
p.add_argument("--cifar-dir", default=os.environ.get("GRADLAB_CIFAR10_DIR", "data/cifar-10-batches-bin"))
p.add_argument("--threads", type=int, default=1)
opt = p.parse_args()
torch.set_num_threads(opt.threads)
torch.manual_seed(1)
BATCH, CLASSES = 32, 10

# The first 500 images of each class of data_batch_1.bin, normalised per channel.
raw = np.fromfile(os.path.join(opt.cifar_dir, "data_batch_1.bin"), dtype=np.uint8).reshape(10000, 3073)
picked, taken = [], [0] * CLASSES
for r in range(10000):
    if taken[raw[r, 0]] < 500:
        taken[raw[r, 0]] += 1
        picked.append(r)
images = raw[picked, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255
images = (images - images.mean(axis=(0, 2, 3), keepdims=True)) / images.std(axis=(0, 2, 3), keepdims=True)
labels = raw[picked, 0].astype(np.int64)
batches = [(torch.from_numpy(images[b:b + BATCH].copy()), torch.from_numpy(labels[b:b + BATCH].copy()))
           for b in range(0, len(picked) - BATCH + 1, BATCH)]

if opt.model == "linear":
    model = nn.Sequential(nn.Flatten(), nn.Linear(3072, CLASSES))
elif opt.model == "mlp":
    model = nn.Sequential(nn.Flatten(), nn.Linear(3072, 100), nn.ReLU(), nn.Linear(100, CLASSES))
else:  # conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10
    model = nn.Sequential(nn.Conv2d(3, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(16, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(20, 20, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(320, CLASSES))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
last_loss = 0.0


def train_step(i):
    global last_loss
    x, y = batches[i % len(batches)]
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    last_loss = loss.item()


def infer_step(i):
    with torch.no_grad():
        model(batches[i % len(batches)][0])


def steps_per_second(seconds, min_steps, step):
    start, steps = time.perf_counter(), 0
    while True:
        step(steps)
        steps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and steps >= min_steps:
            return steps / elapsed


for i in range(3):
    train_step(i)
train = steps_per_second(opt.seconds, 3, train_step) * BATCH
model.eval()
for i in range(3):
    infer_step(i)
infer = steps_per_second(opt.seconds, 3, infer_step) * BATCH
blas = next((line.split()[-1] for line in open("/proc/self/maps") if "libopenblas" in line or "libblas" in line), "?")
print(json.dumps({"peer": "pytorch", "model": opt.model, "train_images_per_second": train,
                  "infer_images_per_second": infer, "last_loss": last_loss, "version": torch.__version__,
                  "threads": torch.get_num_threads(), "blas": os.path.basename(blas)}))
