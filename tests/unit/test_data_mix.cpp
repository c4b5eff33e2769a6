// Gamma/Beta sampling and the mixup/CutMix building blocks.
#include <catch2/catch.hpp>

#include <vector>

#include "core/rng.h"
#include "data/mix.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

struct Moments {
  double mean = 0, var = 0;
};

template <typename Draw>
Moments Sample(int n, Draw draw) {
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    double v = draw();
    sum += v;
    sum_sq += v * v;
  }
  Moments m;
  m.mean = sum / n;
  m.var = sum_sq / n - m.mean * m.mean;
  return m;
}

}  // namespace

TEST_CASE("Gamma samples have the right mean and variance (Marsaglia-Tsang, with the boost below 1)", "[data]") {
  Rng rng(1);
  for (double shape : {0.2, 0.5, 1.0, 3.0}) {
    INFO("shape " << shape);
    Moments m = Sample(40000, [&] { return SampleGamma(rng, shape); });
    CHECK(m.mean == Approx(shape).epsilon(0.05));  // Gamma(k, 1): mean k, variance k
    CHECK(m.var == Approx(shape).epsilon(0.1));
  }
}

TEST_CASE("Beta samples lie in [0, 1] with the right mean and variance", "[data]") {
  Rng rng(2);
  const double shapes[][2] = {{0.2, 0.2}, {1.0, 1.0}, {2.0, 5.0}};
  for (const auto& shape : shapes) {
    const double a = shape[0], b = shape[1];  // not a structured binding: clang 14 cannot capture those
    INFO("Beta(" << a << ", " << b << ")");
    bool in_range = true;
    Moments m = Sample(40000, [&] {
      double v = SampleBeta(rng, a, b);
      in_range = in_range && v >= 0.0 && v <= 1.0;
      return v;
    });
    CHECK(in_range);
    CHECK(m.mean == Approx(a / (a + b)).epsilon(0.03));
    CHECK(m.var == Approx(a * b / ((a + b) * (a + b) * (a + b + 1))).epsilon(0.05));
  }
  Rng r1(9), r2(9);
  CHECK(SampleBeta(r1, 0.4, 0.4) == SampleBeta(r2, 0.4, 0.4));
}

TEST_CASE("MixupPair and MixTargets blend both ways at once", "[data]") {
  std::vector<float> a = {1, 0, 2}, b = {0, 1, 4};
  MixupPair(a.data(), b.data(), 3, 0.75f);
  CHECK(a == std::vector<float>{0.75f, 0.25f, 2.5f});
  CHECK(b == std::vector<float>{0.25f, 0.75f, 3.5f});

  std::vector<float> ta = {1, 0, 0}, tb = {0, 0, 1};
  MixTargets(ta.data(), tb.data(), 3, 0.75f);
  CHECK(ta == std::vector<float>{0.75f, 0, 0.25f});
  CHECK(tb == std::vector<float>{0.25f, 0, 0.75f});
}

TEST_CASE("SwapRect swaps one box between two images", "[data]") {
  const int c = 2, h = 3, w = 4;
  std::vector<float> a(c * h * w, 1.0f), b(c * h * w, 2.0f);
  SwapRect(c, h, w, a.data(), b.data(), 1, 2, 2, 2);
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        bool inside = y >= 1 && x >= 2;
        REQUIRE(a[(ch * h + y) * w + x] == (inside ? 2.0f : 1.0f));
        REQUIRE(b[(ch * h + y) * w + x] == (inside ? 1.0f : 2.0f));
      }
}

TEST_CASE("CutMix boxes have sides sqrt(1 - lambda) of the image, clipped to it", "[data]") {
  Rng rng(4);
  for (int i = 0; i < 200; ++i) {
    CutBox box = SampleCutBox(rng, 32, 32, 0.75);  // sides 16 before clipping
    REQUIRE(box.top >= 0);
    REQUIRE(box.left >= 0);
    REQUIRE(box.top + box.height <= 32);
    REQUIRE(box.left + box.width <= 32);
    REQUIRE(box.height <= 16);
    REQUIRE(box.width <= 16);
    REQUIRE(box.height >= 8);  // at worst half the box is clipped off
    REQUIRE(box.width >= 8);
  }
  CutBox none = SampleCutBox(rng, 32, 32, 1.0);
  CHECK(none.height * none.width == 0);
}

TEST_CASE("MixBatch leaves the middle sample of an odd batch alone and does nothing when off", "[data]") {
  Tensor x({3, 2}), t({3, 2});
  x.data = {1, 1, 5, 5, 9, 9};
  t.data = {1, 0, 0, 1, 0, 1};
  Rng rng(5);
  MixBatch(rng, 0.0, 0.0, x, t);
  CHECK(x.data == std::vector<float>{1, 1, 5, 5, 9, 9});
  MixBatch(rng, 1.0, 1.0, x, t);  // rank-2 data: CutMix ignored, mixup applies
  CHECK(x[2] == 5.0f);
  CHECK(x[3] == 5.0f);
  CHECK(t[2] == 0.0f);
  CHECK(t[3] == 1.0f);
  CHECK(x[0] + x[4] == Approx(10.0f));  // the pair (0, 2) keeps its total
  CHECK(t[0] + t[1] == Approx(1.0f));
}
