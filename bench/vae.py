"""VAE training time per epoch against pytorch/examples' loop, in one run, printed as ratios.

    .venv/bin/python bench/vae.py [--epochs N] [--threads T]

The peer is pytorch/examples' `vae/main.py` training loop: a DataLoader over a TensorDataset
(batch 128, shuffled), `F.binary_cross_entropy(..., reduction="sum")` plus the closed-form KL,
Adam at 1e-3, with the same architecture (one hidden layer of 400 ReLU units each side, the same
latent size) on the same binarised images. Ours is engine.vae.training.Trainer: the images
already on the device and one permutation per epoch, no DataLoader. Reported per data set: the
best epoch time of each, the ratio ours / peer (issue 11's bar: at most 1.0), and the FLOP roof:
the epoch's multiply-adds (forward and backward, about three forwards) over our epoch time.

Then a 16-point path decoded by each model with its off-manifold scores, as the interpolate
experiment does it each epoch (issue 11's bar: under 16 ms): against the 1,438 digits training
images, and against the 10⁴ rendered images of pole and shadow's true factor grid.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("THP_MEM_ALLOC_ENABLE", "1")

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from engine.imaging import images, networks, split
from engine.vae import interpolation, training


class ExamplesVAE(nn.Module):
    """pytorch/examples' VAE with its 784 replaced by the images' pixels and 20 by the latent."""

    def __init__(self, pixels: int, latent: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(pixels, 400)
        self.fc21 = nn.Linear(400, latent)
        self.fc22 = nn.Linear(400, latent)
        self.fc3 = nn.Linear(latent, 400)
        self.fc4 = nn.Linear(400, pixels)

    def forward(self, x):
        h1 = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h1), self.fc22(h1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z)))), mu, logvar


def examples_epoch(model, optimizer, loader) -> None:
    model.train()
    for (data,) in loader:
        optimizer.zero_grad()
        recon, mu, logvar = model(data)
        bce = F.binary_cross_entropy(recon, data, reduction="sum")
        kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        (bce + kld).backward()
        optimizer.step()


def best_epochs(steps, epochs: int) -> list[float]:
    """The best epoch time of each step, the steps taken in turn (this machine's speed drifts
    by a third within a minute: alternating gives both the same conditions)."""
    for step in steps:
        step()  # one to warm up (allocations, kernels)
    best = [float("inf")] * len(steps)
    for _ in range(epochs):
        for i, step in enumerate(steps):
            start = time.perf_counter()
            step()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=20, help="timed epochs each (default 20)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--paths", type=int, default=50, help="paths timed (default 50)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device("cpu")
    print(f"# threads {args.threads}; best of {args.epochs} epochs; batch 128; latent 2")
    print(
        f"{'data':<8} {'train':>6} {'ours (s)':>9} {'examples (s)':>13} {'ratio':>6} {'GFLOP/s':>8}"
    )
    for dataset, count in (("digits", 0), ("poles", 5000)):
        data = split.Data(dataset, "bernoulli", 0, device, count)
        pixels, latent = data.pixels, 2
        ours = training.Trainer(
            networks.build("vae", pixels, latent, "bernoulli", 0, device),
            data,
            beta=1.0,
            learning_rate=1e-3,
            batch=128,
            seed=0,
        )
        peer = ExamplesVAE(pixels, latent)
        optimizer = torch.optim.Adam(peer.parameters(), lr=1e-3)
        loader = DataLoader(TensorDataset(data.train), batch_size=128, shuffle=True)
        ours_s, peer_s = best_epochs(
            [ours.train_epoch, lambda p=peer, o=optimizer, d=loader: examples_epoch(p, o, d)],
            args.epochs,
        )
        n = len(data.train)
        macs = n * 3 * (pixels * 400 + 400 * 2 * latent + latent * 400 + 400 * pixels)
        print(
            f"{dataset:<8} {n:>6} {ours_s:>9.4f} {peer_s:>13.4f} {ours_s / peer_s:>6.2f} "
            f"{2 * macs / ours_s / 1e9:>8.1f}"
        )
    print(f"# a 16-point path decoded and scored; median of {args.paths} (ms)")
    print(f"{'data':<8} {'references':>10} {'linear':>7} {'slerp':>7}")
    for dataset, count in (("digits", 0), ("poles", 5000)):
        data = split.Data(dataset, "continuous-bernoulli", 0, device, count)
        model = networks.build("vae", data.pixels, 2, "continuous-bernoulli", 0, device).eval()
        references = interpolation.References(
            data.train if dataset == "digits" else data.tensor(images.pole_grid(100)[0])
        )
        timings = [
            path_ms(model, data, references, path, args.paths) for path in ("linear", "slerp")
        ]
        print(f"{dataset:<8} {len(references):>10} {timings[0]:>7.2f} {timings[1]:>7.2f}")


def path_ms(model, data, references, path: str, repeats: int) -> float:
    """Decode a 16-point path between two test images and score every point: median ms."""
    x_a, x_b = data.test[0], data.test[1]
    times = []
    for _ in range(repeats + 1):  # the first warms up
        start = time.perf_counter()
        strip, _ = interpolation.decoded_path(model, x_a, x_b, 16, path)
        interpolation.off_manifold(strip, references)
        times.append(time.perf_counter() - start)
    return 1000 * sorted(times[1:])[len(times[1:]) // 2]


if __name__ == "__main__":
    main()
