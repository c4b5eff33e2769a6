#!/usr/bin/python3
"""Checks that a model exported by `gradlab-cli train --export` loads into PyTorch and gives the
same logits as Gradlab. Usage: check_torch_export.py GRADLAB_CLI WORK_DIR

Trains a small CNN with batch norm and an MLP with LeakyReLU for a few steps on a CIFAR-10
subset, exports them, rebuilds them in PyTorch exactly as README.md shows, and compares the
logits of test images with `gradlab-cli predict --json`.
"""
import json
import os
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn


class Maxout(nn.Module):  # PyTorch has none; the README shows the same two lines
    def __init__(self, pieces):
        super().__init__()
        self.k = pieces

    def forward(self, x):
        return x.unflatten(1, (-1, self.k)).amax(2)


def load_exported(path):
    z = np.load(path)
    arch = json.loads(z["architecture"].item())
    def make(m):
        m = dict(m)
        t = m.pop("type")
        return Maxout(**m) if t == "Maxout" else getattr(nn, t)(**m)
    model = nn.Sequential(*[make(m) for m in arch["modules"]]).eval()
    model.load_state_dict({k: torch.from_numpy(z[k]) for k in z.files if k[0].isdigit()})
    return model, z, arch


def main():
    cli, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    failures = 0
    cases = [
        ("cnn", "conv6k5p2 bn relu pool2 conv8k3p1 lrelu maxout2 pool2 fc"),
        ("mlp", "mlp:40,20 elu bn dropout0.3"),
    ]
    for name, spec in cases:
        model_path = os.path.join(work, name + ".gradlab")
        npz_path = os.path.join(work, name + ".npz")
        subprocess.run([cli, "train", "--classes", "cat,dog,ship", "--train-per-class", "60", "--test", "30",
                        "--model", spec, "--epochs", "2", "--optimizer", "adam", "--seed", "3",
                        "--save", model_path, "--export", npz_path, "--json"], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([cli, "predict", "--model", model_path, "--test-index", "0,1,2,3,4,5,6,7",
                              "--train-per-class", "60", "--test", "30", "--json"],
                             check=True, capture_output=True, text=True).stdout
        gradlab_logits = np.array([json.loads(line)["logits"] for line in out.splitlines()])

        model, z, arch = load_exported(npz_path)
        # The same 8 test images as Gradlab's subset: in file order, images of the chosen classes
        # (cat, dog, ship) until each class has its quota of 10.
        records = np.fromfile(os.path.join("data", "cifar-10-batches-bin", "test_batch.bin"), dtype=np.uint8).reshape(-1, 3073)
        quota = {3: 10, 5: 10, 8: 10}
        chosen = []
        for r in records:
            if quota.get(int(r[0]), 0) > 0:
                quota[int(r[0])] -= 1
                chosen.append(r)
        subset = np.stack(chosen)[:8]
        x = torch.from_numpy(subset[:, 1:].reshape(-1, 3, 32, 32).astype(np.float32) / 255.0)
        x = (x - torch.from_numpy(z["mean"]).view(1, 3, 1, 1)) / torch.from_numpy(z["std"]).view(1, 3, 1, 1)
        with torch.no_grad():
            torch_logits = model(x).numpy()
        diff = np.abs(torch_logits - gradlab_logits).max()
        ok = diff < 1e-3
        failures += not ok
        print(f"{'ok' if ok else 'not ok'} - {name} ({spec}): PyTorch logits match Gradlab's, max difference {diff:.2e}")
        print(f"    modules: {[m['type'] for m in arch['modules']]}")
    print(f"torch export checks: {len(cases) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
