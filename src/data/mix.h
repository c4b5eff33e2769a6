// Mixup (Zhang et al. 2018) and CutMix (Yun et al. 2019) across a batch, with the soft targets
// they imply, and the Beta sampling they need (built on gradlab::Rng, not <random>, so native
// and WebAssembly runs draw the same numbers).
//
// Pairs: sample i is mixed with sample count-1-i (the batch reversed; the middle sample of an odd
// batch is left alone). Each pair draws its own lambda and is mixed in place, both ways at once:
//   mixup:  a' = lam a + (1 - lam) b,        b' = lam b + (1 - lam) a
//   CutMix: a box is swapped between a and b; lam = 1 - box area / image area (the exact share
//           of pixels each image keeps, after the box is clipped to the image)
//   targets: t_a' = lam t_a + (1 - lam) t_b, t_b' = lam t_b + (1 - lam) t_a  (rows still sum to 1)
// This file does not pick samples or normalise; it works on whatever x and targets hold.
#pragma once
#include <cstddef>

#include "core/rng.h"
#include "core/tensor.h"

namespace gradlab::data {

// Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 uses Gamma(shape + 1) * U^(1/shape).
double SampleGamma(Rng& rng, double shape);
// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
double SampleBeta(Rng& rng, double a, double b);

// Blends two samples of n values in place, as described above.
void MixupPair(float* a, float* b, size_t n, float lam);
// Swaps the rect_h x rect_w box at (top, left) between two C x H x W images.
void SwapRect(int c, int h, int w, float* a, float* b, int top, int left, int rect_h, int rect_w);
// Blends two target rows of k values in place.
void MixTargets(float* ta, float* tb, int k, float lam);

struct CutBox {
  int top = 0, left = 0, height = 0, width = 0;
};
// The CutMix paper's box for a drawn lam: sides sqrt(1 - lam) of the image's, centre uniform over
// the image, clipped to it.
CutBox SampleCutBox(Rng& rng, int h, int w, double lam);

// Mixes the pairs of a batch: x is {count, ...}, targets {count, classes} (one-hot or soft).
// Alphas <= 0 are off. With both on, each pair picks one of the two with probability 1/2.
// CutMix needs images (x of rank 4, NCHW); for other data it is ignored and only mixup applies.
void MixBatch(Rng& rng, double mixup_alpha, double cutmix_alpha, Tensor& x, Tensor& targets);

}  // namespace gradlab::data
