// Mixup and CutMix. See mix.h for what this does and does not do.
#include "data/mix.h"

#include <algorithm>
#include <cmath>

namespace gradlab::data {

double SampleGamma(Rng& rng, double shape) {
  if (shape < 1.0) {
    // Boost: if G ~ Gamma(shape + 1) and U ~ U(0, 1), G * U^(1/shape) ~ Gamma(shape).
    double u = rng.Uniform();
    return SampleGamma(rng, shape + 1.0) * std::pow(u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = rng.Normal();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    double u = rng.Uniform();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v;            // cheap squeeze, usually taken
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double SampleBeta(Rng& rng, double a, double b) {
  double x = SampleGamma(rng, a), y = SampleGamma(rng, b);
  // Both can underflow to 0 for tiny shapes; an even split is the sensible answer then.
  return x + y > 0.0 ? x / (x + y) : 0.5;
}

void MixupPair(float* a, float* b, size_t n, float lam) {
  const float keep = lam, take = 1.0f - lam;
  for (size_t i = 0; i < n; ++i) {
    const float va = a[i], vb = b[i];
    a[i] = keep * va + take * vb;
    b[i] = keep * vb + take * va;
  }
}

void SwapRect(int c, int h, int w, float* a, float* b, int top, int left, int rect_h, int rect_w) {
  for (int ch = 0; ch < c; ++ch) {
    for (int y = top; y < top + rect_h; ++y) {
      const size_t row = (static_cast<size_t>(ch) * h + y) * w;
      std::swap_ranges(a + row + left, a + row + left + rect_w, b + row + left);
    }
  }
}

void MixTargets(float* ta, float* tb, int k, float lam) { MixupPair(ta, tb, static_cast<size_t>(k), lam); }

CutBox SampleCutBox(Rng& rng, int h, int w, double lam) {
  const double side = std::sqrt(1.0 - lam);
  const int cut_h = static_cast<int>(h * side), cut_w = static_cast<int>(w * side);
  const int cy = static_cast<int>(rng.Below(static_cast<uint32_t>(h)));
  const int cx = static_cast<int>(rng.Below(static_cast<uint32_t>(w)));
  const int y0 = std::clamp(cy - cut_h / 2, 0, h), y1 = std::clamp(cy + cut_h / 2, 0, h);
  const int x0 = std::clamp(cx - cut_w / 2, 0, w), x1 = std::clamp(cx + cut_w / 2, 0, w);
  return CutBox{y0, x0, y1 - y0, x1 - x0};
}

void MixBatch(Rng& rng, double mixup_alpha, double cutmix_alpha, Tensor& x, Tensor& targets) {
  const bool images = x.rank() == 4;
  const bool mixup = mixup_alpha > 0.0, cutmix = cutmix_alpha > 0.0 && images;
  if (!mixup && !cutmix) return;
  const int count = x.rank() > 0 ? x.dim(0) : 0;
  const int k = targets.rank() == 2 ? targets.dim(1) : 0;
  const size_t n = x.inner();
  for (int i = 0; i < count / 2; ++i) {
    const int j = count - 1 - i;
    float* a = x.ptr() + i * n;
    float* b = x.ptr() + j * n;
    const bool use_cutmix = cutmix && (!mixup || rng.Bernoulli(0.5));
    float lam;
    if (use_cutmix) {
      const int c = x.dim(1), h = x.dim(2), w = x.dim(3);
      CutBox box = SampleCutBox(rng, h, w, SampleBeta(rng, cutmix_alpha, cutmix_alpha));
      SwapRect(c, h, w, a, b, box.top, box.left, box.height, box.width);
      lam = 1.0f - static_cast<float>(box.height * box.width) / static_cast<float>(h * w);
    } else {
      lam = static_cast<float>(SampleBeta(rng, mixup_alpha, mixup_alpha));
      MixupPair(a, b, n, lam);
    }
    MixTargets(targets.ptr() + static_cast<size_t>(i) * k, targets.ptr() + static_cast<size_t>(j) * k, k, lam);
  }
}

}  // namespace gradlab::data
