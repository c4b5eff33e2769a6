// Toy 2-D datasets: sizes, labels, ranges, determinism, and the shapes of each kind.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "data/toy2d.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

const ToyKind kAllKinds[] = {ToyKind::kSpiral, ToyKind::kCircles, ToyKind::kXor, ToyKind::kBlobs, ToyKind::kLinear};

// A fingerprint of every bit of the points (FNV-1a over the float bytes).
uint64_t Fingerprint(const Dataset& d) {
  uint64_t h = 1469598103934665603ULL;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.features.data());
  for (size_t i = 0; i < d.features.size() * sizeof(float); ++i) h = (h ^ p[i]) * 1099511628211ULL;
  for (uint8_t l : d.labels) h = (h ^ l) * 1099511628211ULL;
  return h;
}

}  // namespace

TEST_CASE("toy dataset names parse and errors list the valid ones", "[data]") {
  for (ToyKind kind : kAllKinds) {
    auto parsed = ParseToyKind(ToyKindName(kind));
    REQUIRE(parsed);
    CHECK(*parsed == kind);
  }
  auto bad = ParseToyKind("moons");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "unknown toy dataset 'moons'; the toy datasets are spiral, circles, xor, blobs, linear");
}

TEST_CASE("toy dataset parameters are checked", "[data]") {
  CHECK(CheckToyParams(2, 100, 0.1).ok());
  CHECK(CheckToyParams(1, 100, 0.1).message() == "a toy dataset has 2 to 10 classes, got 1");
  CHECK(CheckToyParams(11, 100, 0.1).message() == "a toy dataset has 2 to 10 classes, got 11");
  CHECK_FALSE(CheckToyParams(3, 0, 0.1).ok());
  CHECK_FALSE(CheckToyParams(3, 10, -0.1).ok());
  CHECK_FALSE(CheckToyParams(3, 10, std::nan("")).ok());
}

TEST_CASE("every toy kind has the right size, labels and range for 2 and 5 classes", "[data]") {
  for (ToyKind kind : kAllKinds) {
    for (int classes : {2, 5}) {
      INFO(ToyKindName(kind) << " with " << classes << " classes");
      Dataset d = MakeToyDataset(kind, classes, 50, 0.05, 7);
      CHECK(d.name == ToyKindName(kind));
      CHECK(d.sample_shape == Shape{2});
      CHECK_FALSE(d.is_image());
      CHECK(d.pixels.empty());
      REQUIRE(d.size() == classes * 50);
      REQUIRE(d.features.size() == static_cast<size_t>(classes) * 50 * 2);
      CHECK(d.num_classes() == classes);
      CHECK(d.mean.empty());
      for (int k = 0; k < classes; ++k) {
        int count = 0;
        for (uint8_t l : d.labels) count += l == k;
        CHECK(count == 50);
      }
      for (float v : d.features) {
        REQUIRE(std::isfinite(v));
        CHECK(std::fabs(v) < 1.4f);  // [-1, 1] plus a little noise
      }
    }
  }
}

TEST_CASE("toy datasets: same seed same points, different seed different points", "[data]") {
  for (ToyKind kind : kAllKinds) {
    INFO(ToyKindName(kind));
    Dataset a = MakeToyDataset(kind, 3, 40, 0.1, 42);
    Dataset b = MakeToyDataset(kind, 3, 40, 0.1, 42);
    Dataset c = MakeToyDataset(kind, 3, 40, 0.1, 43);
    CHECK(a.features == b.features);
    CHECK(a.labels == b.labels);
    CHECK(a.features != c.features);
  }
}

TEST_CASE("toy datasets are bit-identical natively and in WebAssembly", "[data]") {
  // The same fingerprints are expected from both builds (no libm sin/cos in the generators).
  // If a generator changes on purpose, copy the new values from this test's failure messages.
  const uint64_t expected[] = {0x5ef9339b33122c00ULL, 0xd7342395bc3a7829ULL, 0x67387c54e5dde025ULL,
                               0x435577799dbee8f0ULL, 0x229273032ba2e401ULL};
  for (int i = 0; i < 5; ++i) {
    INFO(ToyKindName(kAllKinds[i]));
    CHECK(Fingerprint(MakeToyDataset(kAllKinds[i], 4, 25, 0.1, 2024)) == expected[i]);
  }
}

TEST_CASE("toy kinds have their shapes", "[data]") {
  SECTION("circles: class k lies on radius (k + 1) / K") {
    Dataset d = MakeToyDataset(ToyKind::kCircles, 4, 30, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      double r = std::hypot(d.features[2 * i], d.features[2 * i + 1]);
      CHECK(r == Approx((d.labels[i] + 1) / 4.0).margin(1e-6));
    }
  }
  SECTION("xor with 2 classes: the quadrants") {
    Dataset d = MakeToyDataset(ToyKind::kXor, 2, 200, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      bool same_sign = (d.features[2 * i] > 0) == (d.features[2 * i + 1] > 0);
      CHECK(d.labels[i] == (same_sign ? 0 : 1));  // label = (x > 0) xor (y > 0)
    }
  }
  SECTION("xor with K classes: cell (row i, column j) is class (i + j) mod K") {
    const int K = 5;
    Dataset d = MakeToyDataset(ToyKind::kXor, K, 100, 0.0, 3);
    for (int i = 0; i < d.size(); ++i) {
      int col = static_cast<int>((d.features[2 * i] + 1.0f) / 2.0f * K);
      int row = static_cast<int>((d.features[2 * i + 1] + 1.0f) / 2.0f * K);
      CHECK((row + col) % K == d.labels[i]);
    }
  }
  SECTION("linear: class k lies in its own angle sector, so a linear classifier separates them") {
    const int K = 6;
    Dataset d = MakeToyDataset(ToyKind::kLinear, K, 50, 0.0, 5);
    for (int i = 0; i < d.size(); ++i) {
      // The best-scoring class for w_k = (cos a_k, sin a_k) is the point's own class.
      int best = -1;
      double best_score = -1e9;
      for (int k = 0; k < K; ++k) {
        double a = 2.0 * 3.14159265358979 * k / K;
        double score = d.features[2 * i] * std::cos(a) + d.features[2 * i + 1] * std::sin(a);
        if (score > best_score) best_score = score, best = k;
      }
      CHECK(best == d.labels[i]);
    }
  }
  SECTION("blobs: each class's mean is near its centre") {
    const int K = 3;
    Dataset d = MakeToyDataset(ToyKind::kBlobs, K, 400, 0.0, 9);
    for (int k = 0; k < K; ++k) {
      double mx = 0, my = 0;
      for (int i = 0; i < d.size(); ++i) {
        if (d.labels[i] != k) continue;
        mx += d.features[2 * i] / 400.0;
        my += d.features[2 * i + 1] / 400.0;
      }
      double a = 2.0 * 3.14159265358979 * k / K;
      CHECK(mx == Approx(0.6 * std::cos(a)).margin(0.03));
      CHECK(my == Approx(0.6 * std::sin(a)).margin(0.03));
    }
  }
  SECTION("spiral: points lie within the unit disk and each arm starts at the centre") {
    Dataset d = MakeToyDataset(ToyKind::kSpiral, 3, 100, 0.0, 11);
    double min_r = 1.0;
    for (int i = 0; i < d.size(); ++i) {
      double r = std::hypot(d.features[2 * i], d.features[2 * i + 1]);
      CHECK(r <= 1.0);
      min_r = std::min(min_r, r);
    }
    CHECK(min_r < 0.05);
  }
}

TEST_CASE("toy train/test split uses a derived seed", "[data]") {
  TrainTest tt = MakeToyTrainTest(ToyKind::kSpiral, 3, 100, 40, 0.1, 5);
  CHECK(tt.train.size() == 300);
  CHECK(tt.test.size() == 120);
  CHECK(tt.train.name == "spiral train");
  CHECK(tt.test.name == "spiral test");
  CHECK(tt.train.class_names == tt.test.class_names);
  CHECK(ToyTestSeed(5) != 5);
  // The test set is MakeToyDataset with the derived seed, not a copy of the training points.
  Dataset again = MakeToyDataset(ToyKind::kSpiral, 3, 40, 0.1, ToyTestSeed(5));
  CHECK(again.features == tt.test.features);
  Dataset train_prefix = MakeToyDataset(ToyKind::kSpiral, 3, 40, 0.1, 5);
  CHECK(train_prefix.features != tt.test.features);
}
