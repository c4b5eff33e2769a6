// Random augmentation of single images (AugmentImage) and of training batches (FillTrainingBatch):
// each augmentation does what it says on a small synthetic image, and a seed gives one result.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/rng.h"
#include "data/augment.h"
#include "data/batch.h"
#include "data/image_ops.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

constexpr int C = 3, H = 8, W = 8;

// Values all different and inside (0, 1).
std::vector<float> Ramp() {
  std::vector<float> v(C * H * W);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i + 1) / static_cast<float>(v.size() + 1);
  return v;
}

std::vector<float> Augmented(const AugmentConfig& config, uint64_t seed, std::vector<float> img = Ramp()) {
  Rng rng(seed);
  AugmentImage(config, rng, C, H, W, img.data());
  return img;
}

// n images of 3 x 4 x 4 bytes; image i is all `10 + 20 * i`, label i % classes.
Dataset FlatImages(int n, int classes) {
  Dataset d;
  d.sample_shape = {3, 4, 4};
  for (int k = 0; k < classes; ++k) d.class_names.push_back("c" + std::to_string(k));
  for (int i = 0; i < n; ++i) {
    d.labels.push_back(static_cast<uint8_t>(i % classes));
    d.pixels.insert(d.pixels.end(), 48, static_cast<uint8_t>(10 + 20 * i));
  }
  d.mean = {0.5f, 0.4f, 0.3f};
  d.std = {0.2f, 0.25f, 0.3f};
  return d;
}

// n varied images (bytes from a seeded Rng), label i % classes.
Dataset NoisyImages(int n, int classes) {
  Dataset d = FlatImages(n, classes);
  Rng rng(99);
  for (uint8_t& b : d.pixels) b = static_cast<uint8_t>(rng.Below(256));
  return d;
}

}  // namespace

TEST_CASE("AugmentImage with nothing on leaves the image alone", "[data]") {
  CHECK(Augmented(AugmentConfig(), 1) == Ramp());
}

TEST_CASE("hflip: probability 1 mirrors exactly, probability 0 never", "[data]") {
  AugmentConfig config;
  config.hflip = {true, 1.0};
  std::vector<float> mirrored = Ramp();
  FlipHorizontal(C, H, W, mirrored.data());
  CHECK(Augmented(config, 1) == mirrored);
  config.hflip.p = 0.0;
  CHECK(Augmented(config, 1) == Ramp());
  config.hflip.p = 0.5;
  int flips = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) flips += Augmented(config, seed) == mirrored;
  CHECK(flips > 70);
  CHECK(flips < 130);
}

TEST_CASE("crop with padding keeps the size and shifts the content", "[data]") {
  AugmentConfig config;
  config.crop = {true, 2};
  int shifted = 0;
  for (uint64_t seed = 0; seed < 50; ++seed) {
    std::vector<float> out = Augmented(config, seed);
    REQUIRE(out.size() == static_cast<size_t>(C * H * W));
    // The result is the padded image's window at some offset (dy, dx) in [0, 4]^2.
    bool found = false;
    std::vector<float> window(out.size());
    std::vector<float> ramp = Ramp();
    for (int dy = 0; dy <= 4 && !found; ++dy)
      for (int dx = 0; dx <= 4 && !found; ++dx) {
        PadCrop(C, H, W, ramp.data(), 2, dy, dx, window.data());
        if (window == out) {
          found = true;
          shifted += !(dy == 2 && dx == 2);
        }
      }
    REQUIRE(found);
  }
  CHECK(shifted > 40);  // 24 of the 25 offsets move the content
}

TEST_CASE("rcrop keeps the size; the whole-image setting is the identity", "[data]") {
  AugmentConfig config;
  config.rcrop.on = true;
  config.rcrop.scale_min = config.rcrop.scale_max = 1.0;
  config.rcrop.ratio_min = config.rcrop.ratio_max = 1.0;
  CHECK(Augmented(config, 3) == Ramp());

  config.rcrop = AugmentConfig::ResizedCrop{true};
  const std::vector<float> ramp = Ramp();
  const float lo = *std::min_element(ramp.begin(), ramp.end()), hi = *std::max_element(ramp.begin(), ramp.end());
  int changed = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    std::vector<float> out = Augmented(config, seed);
    REQUIRE(out.size() == ramp.size());
    for (float v : out) REQUIRE((v >= lo && v <= hi));  // bilinear blends stay within the range
    changed += out != ramp;
  }
  CHECK(changed >= 18);
}

TEST_CASE("rot90: probability 1 gives one of the three turns, four quarter turns are the identity", "[data]") {
  AugmentConfig config;
  config.rot90 = {true, 1.0};
  std::vector<float> turned[4];
  turned[0] = Ramp();
  for (int k = 1; k < 4; ++k) {
    turned[k].resize(turned[0].size());
    Rotate90(C, H, W, turned[k - 1].data(), 1, turned[k].data());
  }
  std::vector<float> back(turned[0].size());
  Rotate90(C, H, W, turned[3].data(), 1, back.data());
  CHECK(back == turned[0]);

  int seen[4] = {0, 0, 0, 0};
  for (uint64_t seed = 0; seed < 60; ++seed) {
    std::vector<float> out = Augmented(config, seed);
    int which = -1;
    for (int k = 0; k < 4; ++k) {
      if (out == turned[k]) which = k;
    }
    REQUIRE(which >= 1);
    ++seen[which];
  }
  CHECK(seen[1] > 0);
  CHECK(seen[2] > 0);
  CHECK(seen[3] > 0);
}

TEST_CASE("grey with probability 1 gives equal channels", "[data]") {
  AugmentConfig config;
  config.grey = {true, 1.0};
  std::vector<float> out = Augmented(config, 4);
  const size_t n = H * W;
  for (size_t i = 0; i < n; ++i) {
    REQUIRE(out[i] == out[n + i]);
    REQUIRE(out[i] == out[2 * n + i]);
  }
  CHECK(out != Ramp());
}

TEST_CASE("cutout zeroes the drawn square, clipped at the border", "[data]") {
  AugmentConfig config;
  config.cutout = {true, 4, 1};
  for (uint64_t seed = 0; seed < 20; ++seed) {
    std::vector<float> ones(C * H * W, 1.0f);
    std::vector<float> out = Augmented(config, seed, ones);
    // The same draws as AugmentImage: the centre row, then the centre column.
    Rng rng(seed);
    const int cy = static_cast<int>(rng.Below(H)), cx = static_cast<int>(rng.Below(W));
    int zeros = 0;
    for (int ch = 0; ch < C; ++ch)
      for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
          const bool inside = y >= cy - 2 && y < cy + 2 && x >= cx - 2 && x < cx + 2;
          REQUIRE(out[(ch * H + y) * W + x] == (inside ? 0.0f : 1.0f));
          zeros += inside;
        }
    const int rows = std::min(cy + 2, H) - std::max(cy - 2, 0), cols = std::min(cx + 2, W) - std::max(cx - 2, 0);
    CHECK(zeros == C * rows * cols);
  }
}

TEST_CASE("noise adds zero-mean noise of the given sigma and stays in [0, 1]", "[data]") {
  AugmentConfig config;
  config.noise = {true, 0.05};
  std::vector<float> grey(C * H * W, 0.5f);
  double sum = 0, sum_sq = 0;
  int n = 0;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    for (float v : Augmented(config, seed, grey)) {
      REQUIRE((v >= 0.0f && v <= 1.0f));
      sum += v - 0.5;
      sum_sq += (v - 0.5) * (v - 0.5);
      ++n;
    }
  }
  CHECK(sum / n == Approx(0.0).margin(0.005));
  CHECK(std::sqrt(sum_sq / n) == Approx(0.05).epsilon(0.1));
}

TEST_CASE("jitter: brightness alone scales every value by one factor in range", "[data]") {
  AugmentConfig config;
  config.jitter = {true, 0.4, 0.0, 0.0};
  const std::vector<float> ramp = Ramp();
  for (uint64_t seed = 0; seed < 10; ++seed) {
    std::vector<float> out = Augmented(config, seed);
    const float factor = out[0] / ramp[0];
    CHECK(factor >= 0.6f);
    CHECK(factor <= 1.4f);
    for (size_t i = 0; i < out.size(); ++i) REQUIRE(out[i] == Approx(std::min(1.0f, ramp[i] * factor)));
  }
  config.jitter = {true, 0.4, 0.4, 0.4};
  for (uint64_t seed = 0; seed < 10; ++seed) {
    for (float v : Augmented(config, seed)) REQUIRE((v >= 0.0f && v <= 1.0f));
  }
}

TEST_CASE("blur and sobel with probability 1 apply their filters", "[data]") {
  AugmentConfig config;
  config.sobel = {true, 1.0};
  std::vector<float> expected = Ramp(), scratch(ImageScratchSize(C, H, W));
  SobelMagnitude(C, H, W, expected.data(), scratch.data());
  CHECK(Augmented(config, 5) == expected);

  config = AugmentConfig();
  config.blur = {true, 1.0, 0.5, 1.5};
  std::vector<float> blurred = Augmented(config, 6);
  CHECK(blurred != Ramp());
  std::vector<float> flat(C * H * W, 0.25f);
  for (float v : Augmented(config, 6, flat)) REQUIRE(v == Approx(0.25f).margin(1e-6));
}

TEST_CASE("a full pipeline is deterministic for a seed and stays in [0, 1]", "[data]") {
  auto config = ParseAugmentSpec("rcrop,crop:2,hflip,rot90,jitter,grey,blur,sobel:0.2,noise:0.02,cutout:3:2");
  REQUIRE(config);
  std::vector<float> a = Augmented(*config, 77), b = Augmented(*config, 77), c = Augmented(*config, 78);
  CHECK(a == b);
  CHECK(a != c);
  for (float v : a) REQUIRE((v >= 0.0f && v <= 1.0f));
}

TEST_CASE("FillTrainingBatch without augmentation equals FillBatch with one-hot targets", "[data]") {
  Dataset d = NoisyImages(6, 3);
  const int indices[] = {4, 1, 5, 0};
  Tensor x, expected_x, targets;
  std::vector<int> labels;
  Rng rng(1);
  FillTrainingBatch(d, indices, 4, AugmentConfig(), rng, x, targets);
  FillBatch(d, indices, 4, expected_x, labels);
  CHECK(x.shape == expected_x.shape);
  CHECK(x.data == expected_x.data);
  CHECK(targets.shape == Shape{4, 3});
  CHECK(targets.data == std::vector<float>{0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0});

  // Called again with a smaller batch, the tensors keep their storage.
  const float* storage = x.ptr();
  const float* target_storage = targets.ptr();
  auto config = ParseAugmentSpec("hflip,crop:1,mixup");
  REQUIRE(config);
  FillTrainingBatch(d, indices, 3, *config, rng, x, targets);
  CHECK(x.shape == Shape{3, 3, 4, 4});
  CHECK(x.ptr() == storage);
  CHECK(targets.ptr() == target_storage);
}

TEST_CASE("mixup: soft labels sum to 1 and match the blend of the pair", "[data]") {
  Dataset d = NoisyImages(8, 4);
  const int indices[] = {0, 1, 2, 3, 4, 5, 6, 7};
  AugmentConfig config;
  config.mixup = {true, 0.4};
  Tensor clean, x, targets;
  std::vector<int> labels;
  FillBatch(d, indices, 8, clean, labels);
  Rng rng(12);
  FillTrainingBatch(d, indices, 8, config, rng, x, targets);
  const size_t n = clean.inner();
  for (int i = 0; i < 8; ++i) {
    const int j = 7 - i;  // the documented pairing
    float row_sum = 0;
    for (int k = 0; k < 4; ++k) row_sum += targets[i * 4 + k];
    CHECK(row_sum == Approx(1.0f));
    REQUIRE(labels[i] != labels[j]);  // labels i % 4 and (7 - i) % 4 differ
    const float lam = targets[i * 4 + labels[i]];
    CHECK(targets[i * 4 + labels[j]] == Approx(1.0f - lam));
    for (size_t p = 0; p < n; ++p) {
      const float expected = lam * clean[i * n + p] + (1.0f - lam) * clean[j * n + p];
      REQUIRE(x[i * n + p] == Approx(expected).margin(1e-4));
    }
  }
}

TEST_CASE("CutMix: soft labels match the share of pixels taken from each image", "[data]") {
  Dataset d = FlatImages(6, 3);  // image i is flat, so every pixel tells where it came from
  const int indices[] = {0, 1, 2, 3, 4, 5};
  AugmentConfig config;
  config.cutmix = {true, 1.0};
  Tensor clean, x, targets;
  std::vector<int> labels;
  FillBatch(d, indices, 6, clean, labels);
  int mixed = 0;
  for (uint64_t seed = 0; seed < 10; ++seed) {
    Rng rng(seed);
    FillTrainingBatch(d, indices, 6, config, rng, x, targets);
    const size_t n = clean.inner();
    for (int i = 0; i < 6; ++i) {
      const int j = 5 - i;
      int own = 0, other = 0;
      for (size_t p = 0; p < n; ++p) {
        if (x[i * n + p] == clean[i * n + p]) ++own;
        else if (x[i * n + p] == clean[j * n + p]) ++other;
      }
      REQUIRE(own + other == static_cast<int>(n));  // every pixel is from one image or the other
      float row_sum = 0;
      for (int k = 0; k < 3; ++k) row_sum += targets[i * 3 + k];
      CHECK(row_sum == Approx(1.0f));
      if (labels[i] != labels[j]) {
        CHECK(targets[i * 3 + labels[i]] == Approx(static_cast<float>(own) / n));
        CHECK(targets[i * 3 + labels[j]] == Approx(static_cast<float>(other) / n));
      }
      mixed += other > 0;
    }
  }
  CHECK(mixed > 20);
}

TEST_CASE("toy data: image augmentations and CutMix are skipped, mixup blends points", "[data]") {
  Dataset d;
  d.sample_shape = {2};
  d.class_names = {"a", "b"};
  d.labels = {0, 1, 0, 1};
  d.features = {1, 0, 0, 1, -1, 0, 0, -1};
  const int indices[] = {0, 1, 2, 3};
  Tensor x, targets, clean;
  std::vector<int> labels;
  FillBatch(d, indices, 4, clean, labels);

  auto config = ParseAugmentSpec("hflip:1,crop,cutout,noise,cutmix");
  REQUIRE(config);
  Rng rng(3);
  FillTrainingBatch(d, indices, 4, *config, rng, x, targets);
  CHECK(x.data == clean.data);
  CHECK(targets.data == std::vector<float>{1, 0, 0, 1, 1, 0, 0, 1});

  config = ParseAugmentSpec("mixup:1");
  REQUIRE(config);
  FillTrainingBatch(d, indices, 4, *config, rng, x, targets);
  // Pair (0, 3): points (1, 0) and (0, -1), labels 0 and 1.
  const float lam = targets[0];
  CHECK(targets[1] == Approx(1.0f - lam));
  CHECK(x[0] == Approx(lam * 1.0f));
  CHECK(x[1] == Approx((1.0f - lam) * -1.0f));
}

TEST_CASE("FillTrainingBatch is deterministic for a seed", "[data]") {
  Dataset d = NoisyImages(8, 4);
  const int indices[] = {3, 1, 4, 1, 5, 2, 6, 7};
  auto config = ParseAugmentSpec("hflip,crop:2,jitter,cutout:2,mixup,cutmix");
  REQUIRE(config);
  Tensor x1, t1, x2, t2, x3, t3;
  Rng a(2024), b(2024), c(2025);
  FillTrainingBatch(d, indices, 8, *config, a, x1, t1);
  FillTrainingBatch(d, indices, 8, *config, b, x2, t2);
  FillTrainingBatch(d, indices, 8, *config, c, x3, t3);
  CHECK(x1.data == x2.data);
  CHECK(t1.data == t2.data);
  CHECK(x1.data != x3.data);
}

TEST_CASE("augmented batches are bit-identical natively and in WebAssembly", "[data]") {
  // Every augmentation at once, so every random draw and every libm call (exp, log, pow in
  // rcrop, blur and the Beta sampling) takes part. Both builds expect the same fingerprint; if the
  // augmentations change on purpose, copy the new value from this test's failure message.
  Dataset d = NoisyImages(8, 4);
  const int indices[] = {0, 1, 2, 3, 4, 5, 6, 7};
  auto config = ParseAugmentSpec(
      "hflip,crop:2,rcrop,jitter,grey:0.5,rot90,cutout:2,noise:0.05,blur:0.7,sobel:0.2,mixup:0.4,cutmix");
  REQUIRE(config);
  Tensor x, targets;
  uint64_t h = 1469598103934665603ULL;  // FNV-1a over the bytes of x and targets, several batches
  Rng rng(31337);
  for (int batch = 0; batch < 8; ++batch) {
    FillTrainingBatch(d, indices, 8, *config, rng, x, targets);
    for (const Tensor* t : {&x, &targets}) {
      const unsigned char* p = reinterpret_cast<const unsigned char*>(t->ptr());
      for (size_t i = 0; i < t->size() * sizeof(float); ++i) h = (h ^ p[i]) * 1099511628211ULL;
    }
  }
  CHECK(h == 0xa04877b5ca8d90bdULL);
}
