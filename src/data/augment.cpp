// Augmentation: drawing the random parameters and applying image_ops/mix in a fixed order.
// See augment.h for what this does and does not do.
#include "data/augment.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "data/batch.h"
#include "data/image_ops.h"
#include "data/mix.h"

namespace gradlab::data {
namespace {

// One scratch image per thread, grown once: after the first batch, augmentation allocates nothing.
float* Scratch(size_t n) {
  thread_local std::vector<float> scratch;
  if (scratch.size() < n) scratch.resize(n);
  return scratch.data();
}

// torchvision's RandomResizedCrop.get_params: ten tries at a random area share and aspect ratio,
// then a centre crop with the ratio clamped into range.
void SampleResizedCrop(const AugmentConfig::ResizedCrop& p, Rng& rng, int h, int w, int& top, int& left,
                       int& crop_h, int& crop_w) {
  const double area = static_cast<double>(h) * w;
  const double log_r0 = std::log(p.ratio_min), log_r1 = std::log(p.ratio_max);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const double target = area * rng.Uniform(p.scale_min, p.scale_max);
    const double ratio = std::exp(rng.Uniform(log_r0, log_r1));
    crop_w = static_cast<int>(std::round(std::sqrt(target * ratio)));
    crop_h = static_cast<int>(std::round(std::sqrt(target / ratio)));
    if (crop_w > 0 && crop_w <= w && crop_h > 0 && crop_h <= h) {
      top = static_cast<int>(rng.Below(static_cast<uint32_t>(h - crop_h + 1)));
      left = static_cast<int>(rng.Below(static_cast<uint32_t>(w - crop_w + 1)));
      return;
    }
  }
  const double in_ratio = static_cast<double>(w) / h;
  crop_w = w;
  crop_h = h;
  if (in_ratio < p.ratio_min) {
    crop_h = std::clamp(static_cast<int>(std::round(w / p.ratio_min)), 1, h);
  } else if (in_ratio > p.ratio_max) {
    crop_w = std::clamp(static_cast<int>(std::round(h * p.ratio_max)), 1, w);
  }
  top = (h - crop_h) / 2;
  left = (w - crop_w) / 2;
}

float JitterFactor(Rng& rng, double strength) {
  return static_cast<float>(rng.Uniform(std::max(0.0, 1.0 - strength), 1.0 + strength));
}

void Jitter(const AugmentConfig::Jitter& p, Rng& rng, int c, int h, int w, float* image) {
  // Factors first, then a random order of the three (torchvision shuffles the order too).
  // A strength of 0 draws nothing and changes nothing.
  const float factor[3] = {p.brightness > 0 ? JitterFactor(rng, p.brightness) : 1.0f,
                           p.contrast > 0 ? JitterFactor(rng, p.contrast) : 1.0f,
                           p.saturation > 0 ? JitterFactor(rng, p.saturation) : 1.0f};
  int order[3] = {0, 1, 2};
  for (int i = 2; i > 0; --i) std::swap(order[i], order[rng.Below(static_cast<uint32_t>(i + 1))]);
  for (int which : order) {
    if (factor[which] == 1.0f) continue;
    if (which == 0) AdjustBrightness(c, h, w, image, factor[which]);
    if (which == 1) AdjustContrast(c, h, w, image, factor[which]);
    if (which == 2) AdjustSaturation(c, h, w, image, factor[which]);
  }
}

}  // namespace

void AugmentImage(const AugmentConfig& config, Rng& rng, int c, int h, int w, float* image) {
  if (!config.any_image()) return;
  const size_t n = static_cast<size_t>(c) * h * w;
  float* scratch = Scratch(ImageScratchSize(c, h, w));

  // ---- geometry: transforms that move pixels write to scratch and are copied back
  if (config.rcrop.on) {
    int top, left, crop_h, crop_w;
    SampleResizedCrop(config.rcrop, rng, h, w, top, left, crop_h, crop_w);
    CropResize(c, h, w, image, top, left, crop_h, crop_w, scratch);
    std::memcpy(image, scratch, n * sizeof(float));
  }
  if (config.crop.on && config.crop.padding > 0) {
    const uint32_t positions = static_cast<uint32_t>(2 * config.crop.padding + 1);
    const int dy = static_cast<int>(rng.Below(positions)), dx = static_cast<int>(rng.Below(positions));
    PadCrop(c, h, w, image, config.crop.padding, dy, dx, scratch);
    std::memcpy(image, scratch, n * sizeof(float));
  }
  if (config.hflip.on && rng.Bernoulli(config.hflip.p)) FlipHorizontal(c, h, w, image);
  if (config.rot90.on && rng.Bernoulli(config.rot90.p)) {
    // A quarter turn would swap height and width: non-square images only turn halfway.
    const int turns = h == w ? 1 + static_cast<int>(rng.Below(3)) : 2;
    Rotate90(c, h, w, image, turns, scratch);
    std::memcpy(image, scratch, n * sizeof(float));
  }

  // ---- colour
  if (config.jitter.on) Jitter(config.jitter, rng, c, h, w, image);
  if (config.grey.on && rng.Bernoulli(config.grey.p)) ToGrey(c, h, w, image);

  // ---- filters
  if (config.blur.on && rng.Bernoulli(config.blur.p)) {
    const float sigma = static_cast<float>(rng.Uniform(config.blur.sigma_min, config.blur.sigma_max));
    GaussianBlur(c, h, w, image, sigma, scratch);
  }
  if (config.sobel.on && rng.Bernoulli(config.sobel.p)) SobelMagnitude(c, h, w, image, scratch);

  // ---- noise, then cutout last so the cut squares stay exactly 0
  if (config.noise.on && config.noise.sigma > 0) {
    const double sigma = config.noise.sigma;
    for (size_t i = 0; i < n; ++i) {
      const float v = image[i] + static_cast<float>(sigma * rng.Normal());
      image[i] = std::clamp(v, 0.0f, 1.0f);
    }
  }
  if (config.cutout.on) {
    const int size = config.cutout.size;
    for (int i = 0; i < config.cutout.count; ++i) {
      const int cy = static_cast<int>(rng.Below(static_cast<uint32_t>(h)));
      const int cx = static_cast<int>(rng.Below(static_cast<uint32_t>(w)));
      FillRect(c, h, w, image, cy - size / 2, cx - size / 2, size, size, 0.0f);
    }
  }
}

void AugmentBatchUnit(const Dataset& data, const int* indices, int count, const AugmentConfig& config,
                      Rng& rng, Tensor& x, Tensor& targets) {
  ResizeBatch(x, count, data.sample_shape);
  FillOneHot(data, indices, count, targets);
  const size_t n = data.sample_size();
  const bool image = data.is_image();
  for (int i = 0; i < count; ++i) {
    float* sample = x.ptr() + i * n;
    if (image) {
      ImageToUnit(data, indices[i], sample);
      AugmentImage(config, rng, data.sample_shape[0], data.sample_shape[1], data.sample_shape[2], sample);
    } else {
      std::memcpy(sample, data.features.data() + static_cast<size_t>(indices[i]) * n, n * sizeof(float));
    }
  }
  // Mixing is linear with weights summing to 1, so mixing before normalising gives the same
  // result as after; before keeps CutMix's pasted boxes and mixup's blends in [0, 1] like the rest.
  MixBatch(rng, config.mixup.on ? config.mixup.alpha : 0.0, config.cutmix.on && image ? config.cutmix.alpha : 0.0,
           x, targets);
}

void FillTrainingBatch(const Dataset& data, const int* indices, int count, const AugmentConfig& config,
                       Rng& rng, Tensor& x, Tensor& targets) {
  AugmentBatchUnit(data, indices, count, config, rng, x, targets);
  const size_t n = data.sample_size();
  if (data.is_image()) {
    for (int i = 0; i < count; ++i) NormalizeImage(data, x.ptr() + i * n);
  }
}

}  // namespace gradlab::data
