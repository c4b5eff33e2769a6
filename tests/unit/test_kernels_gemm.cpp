// Every GEMM path of this build against the naive reference: each packed f32 variant (the
// WebAssembly build has the SIMD128 micro-kernels, every build the scalar one), Gemm<float> as
// dispatched, Eigen, and Gemm<double>. Shapes are chosen to hit the edges: 1x1x1, primes, one
// less / one more than a tile, k = 0, k and m and n larger than a cache block, all four
// transposes, alpha/beta, strides wider than the matrices, and the reference models' shapes.
// Tolerance: float rounding grows with k, so each element may differ from the exact result
// (the reference in double) by 4 (k + 2) eps times the sum of the magnitudes it adds up.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/rng.h"
#include "kernels/gemm.h"
#include "kernels/gemm_f32.h"

using namespace gradlab;
using namespace gradlab::kernels;

namespace {

using GemmF32Fn = void (*)(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);

struct Case {
  bool trans_a, trans_b;
  int m, n, k;
  float alpha, beta;
  int pad = 0;  // added to lda, ldb and ldc
};

std::string Describe(const Case& c) {
  return std::string(c.trans_a ? "A^T" : "A") + (c.trans_b ? " B^T" : " B") + " m=" + std::to_string(c.m) +
         " n=" + std::to_string(c.n) + " k=" + std::to_string(c.k) + " alpha=" + std::to_string(c.alpha) +
         " beta=" + std::to_string(c.beta) + " pad=" + std::to_string(c.pad);
}

// Runs `gemm` on random operands and returns the number of elements out of tolerance (0 = pass).
// Elements of C outside the m x n window (the stride padding) must be left alone.
int CountErrors(const std::function<void(const Case&, const float*, int, const float*, int, float*, int)>& gemm,
                const Case& c, uint64_t seed) {
  const int rows_a = c.trans_a ? c.k : c.m, cols_a = c.trans_a ? c.m : c.k;
  const int rows_b = c.trans_b ? c.n : c.k, cols_b = c.trans_b ? c.k : c.n;
  const int lda = std::max(cols_a, 1) + c.pad, ldb = std::max(cols_b, 1) + c.pad, ldc = std::max(c.n, 1) + c.pad;
  Rng rng(seed);
  std::vector<float> a(static_cast<size_t>(std::max(rows_a, 1)) * lda), b(static_cast<size_t>(std::max(rows_b, 1)) * ldb);
  std::vector<float> c0(static_cast<size_t>(std::max(c.m, 1)) * ldc);
  for (float& v : a) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (float& v : b) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (float& v : c0) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  // With beta = 0, C is write-only: garbage (NaN) in it must not reach the result.
  std::vector<float> got = c0;
  if (c.beta == 0.0f)
    for (int i = 0; i < c.m; ++i)
      for (int j = 0; j < c.n; ++j) got[static_cast<size_t>(i) * ldc + j] = std::numeric_limits<float>::quiet_NaN();
  gemm(c, a.data(), lda, b.data(), ldb, got.data(), ldc);

  // The exact result and the error bound, in double.
  std::vector<double> ad(a.begin(), a.end()), bd(b.begin(), b.end()), want(c0.begin(), c0.end());
  std::vector<double> aa(ad.size()), ba(bd.size()), bound(want.size());
  for (size_t i = 0; i < ad.size(); ++i) aa[i] = std::fabs(ad[i]);
  for (size_t i = 0; i < bd.size(); ++i) ba[i] = std::fabs(bd[i]);
  for (size_t i = 0; i < want.size(); ++i) bound[i] = std::fabs(c.beta * want[i]);
  GemmReference<double>(c.trans_a, c.trans_b, c.m, c.n, c.k, c.alpha, ad.data(), lda, bd.data(), ldb, c.beta,
                        want.data(), ldc);
  GemmReference<double>(c.trans_a, c.trans_b, c.m, c.n, c.k, std::fabs(c.alpha), aa.data(), lda, ba.data(), ldb,
                        1.0, bound.data(), ldc);
  int errors = 0;
  for (int i = 0; i < std::max(c.m, 1); ++i)
    for (int j = 0; j < ldc; ++j) {
      const size_t at = static_cast<size_t>(i) * ldc + j;
      const bool inside = i < c.m && j < c.n;
      const double expected = inside ? want[at] : c0[at];
      const double tolerance = inside ? 4.0 * (c.k + 2) * FLT_EPSILON * bound[at] + 1e-30 : 0.0;
      if (!(std::fabs(got[at] - expected) <= tolerance)) {
        if (errors < 3)
          UNSCOPED_INFO(Describe(c) << ": C[" << i << "][" << j << "] = " << got[at] << ", want " << expected
                                    << (inside ? "" : " (outside the product: must not change)"));
        ++errors;
      }
    }
  return errors;
}

std::vector<Case> EdgeCases(int mr, int nr) {
  std::vector<Case> cases;
  const std::vector<int> ms = {1, mr - 1, mr, mr + 1, 2 * mr + 1, 7, 37};
  const std::vector<int> ns = {1, nr - 1, nr, nr + 1, 2 * nr + 1, 13};
  const std::vector<int> ks = {1, 2, 29};
  int i = 0;
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      for (int m : ms)
        for (int n : ns)
          if (m > 0 && n > 0) {
            const int k = ks[i++ % ks.size()];
            cases.push_back({ta, tb, m, n, k, 1.0f, 0.0f});
          }
      cases.push_back({ta, tb, 1, 1, 1, 1.0f, 0.0f});
      cases.push_back({ta, tb, 7, 13, 29, 1.0f, 0.0f});
      cases.push_back({ta, tb, 7, 13, 29, 0.5f, -2.0f, 3});
      cases.push_back({ta, tb, 13, 7, 29, -1.5f, 0.25f, 5});
      cases.push_back({ta, tb, 7, 13, 29, 1.0f, 1.0f});
      cases.push_back({ta, tb, 9, 11, 0, 1.0f, 0.0f});      // k = 0: C = beta C
      cases.push_back({ta, tb, 9, 11, 0, 1.0f, 0.5f, 2});
      cases.push_back({ta, tb, 5, 17, 1031, 1.0f, 1.0f});   // several k blocks: beta on the first only
      cases.push_back({ta, tb, 5, 17, 1031, 0.75f, 0.0f});
      cases.push_back({ta, tb, 6, 9, 600, 1.0f, -0.5f, 2});
      cases.push_back({ta, tb, 32, 10, 300, 1.0f, 1.0f, 1}); // computed transposed (Linear forward)
      cases.push_back({ta, tb, 131, 9, 40, 2.0f, 0.0f});    // more than one block of rows
      cases.push_back({ta, tb, 3, 1100, 20, 1.0f, 0.5f});   // more than one block of columns
      // Whole columns with rows left over (edge-row kernels), B panels read by more than four A
      // panels (packed), k above and below the small-k sweep order:
      cases.push_back({ta, tb, 3 * mr - 1, 3 * nr, 11, 1.0f, 1.0f});
      cases.push_back({ta, tb, 5 * mr + 2, 4 * nr, 40, 1.0f, 0.0f, 1});
      cases.push_back({ta, tb, 7 * mr + 1, 2 * nr, 32, -0.5f, 2.0f});
      cases.push_back({ta, tb, 4 * mr, 5 * nr, 33, 1.0f, 1.0f});
    }
  return cases;
}

// The three reference models at batch 32: forward, dW and dx (or dcols) of each layer's GEMM.
std::vector<Case> ModelCases() {
  return {
      {false, true, 32, 10, 3072, 1, 1},  {true, false, 10, 3072, 32, 1, 1},  {false, false, 32, 3072, 10, 1, 0},
      {false, true, 32, 100, 3072, 1, 1}, {true, false, 100, 3072, 32, 1, 1}, {false, false, 32, 3072, 100, 1, 0},
      {false, false, 16, 1024, 75, 1, 1}, {false, true, 16, 75, 1024, 1, 1},  {true, false, 75, 1024, 16, 1, 0},
      {false, false, 20, 256, 400, 1, 1}, {false, true, 20, 400, 256, 1, 1},  {true, false, 400, 256, 20, 1, 0},
      {false, false, 20, 64, 500, 1, 1},  {false, true, 20, 500, 64, 1, 1},   {true, false, 500, 64, 20, 1, 0},
  };
}

}  // namespace

namespace {

// The variant under test with the helper it needs: a dot kernel only does A * B^T, so the
// other products go through the first broadcast kernel of the build.
struct Path {
  std::string name;
  const GemmVariantF32* broadcast;
  const GemmVariantF32* dot;
};

std::vector<Path> MicroKernelPaths() {
  const GemmVariantF32* first_broadcast = nullptr;
  for (const auto& v : GemmVariantsF32())
    if (!first_broadcast && v.kind == GemmKindF32::kBroadcast) first_broadcast = &v;
  std::vector<Path> paths;
  for (const auto& v : GemmVariantsF32())
    paths.push_back(v.kind == GemmKindF32::kBroadcast ? Path{v.name, &v, nullptr} : Path{v.name, first_broadcast, &v});
  return paths;
}

}  // namespace

TEST_CASE("every micro-kernel GEMM variant matches the reference at tile edges", "[kernels]") {
  for (const Path& path : MicroKernelPaths()) {
    INFO(path.name);
    auto run = [&](const Case& c, const float* a, int lda, const float* b, int ldb, float* out, int ldc) {
      GemmMicroF32(*path.broadcast, path.dot, c.trans_a, c.trans_b, c.m, c.n, c.k, c.alpha, a, lda, b, ldb, c.beta, out, ldc);
    };
    const GemmVariantF32& v = path.dot ? *path.dot : *path.broadcast;
    uint64_t seed = 1;
    for (const Case& c : EdgeCases(v.mr, v.nr)) CHECK(CountErrors(run, c, seed++) == 0);
  }
}

// An edge-row kernel computes r x nr tiles as the whole-tile kernel computes mr x nr: A's panel
// (stride mr) and B's (stride nr + 3) as the driver passes them, C with a wider stride whose
// other elements must stay.
TEST_CASE("every edge-row kernel matches the reference", "[kernels]") {
  Rng rng(11);
  for (const GemmVariantF32& v : GemmVariantsF32()) {
    if (!v.edge_rows) continue;
    INFO(v.name);
    for (int r = 1; r < v.mr; ++r)
      for (int k : {1, 2, 3, 17})
        for (float beta : {0.0f, 1.0f, -0.5f}) {
          const float alpha = beta == -0.5f ? 1.5f : 1.0f;
          const int b_stride = v.nr + 3, ldc = v.nr + 2;
          std::vector<float> a(static_cast<size_t>(k) * v.mr), b(static_cast<size_t>(k) * b_stride), c(static_cast<size_t>(v.mr) * ldc);
          for (float& x : a) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
          for (float& x : b) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
          for (float& x : c) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
          std::vector<float> want = c;
          v.edge_rows[r](k, a.data(), v.mr, b.data(), b_stride, c.data(), ldc, alpha, beta);
          for (int i = 0; i < v.mr; ++i)
            for (int j = 0; j < ldc; ++j) {
              float& w = want[static_cast<size_t>(i) * ldc + j];
              if (i < r && j < v.nr) {
                double sum = 0;
                for (int p = 0; p < k; ++p) sum += double(a[static_cast<size_t>(p) * v.mr + i]) * b[static_cast<size_t>(p) * b_stride + j];
                w = static_cast<float>(alpha * sum + (beta == 0.0f ? 0.0 : double(beta) * w));
              }
              INFO("r=" << r << " k=" << k << " beta=" << beta << " C[" << i << "][" << j << "]");
              CHECK(c[static_cast<size_t>(i) * ldc + j] == Approx(w).epsilon(1e-5).margin(1e-5));
            }
        }
  }
}

TEST_CASE("every GEMM path matches the reference on the models' shapes", "[kernels]") {
  std::vector<std::pair<std::string, GemmF32Fn>> paths = {{"Gemm<float>", &Gemm<float>}, {"GemmEigen<float>", &GemmEigen<float>}};
  for (const auto& [name, fn] : paths) {
    INFO(name);
    auto run = [fn = fn](const Case& c, const float* a, int lda, const float* b, int ldb, float* out, int ldc) {
      fn(c.trans_a, c.trans_b, c.m, c.n, c.k, c.alpha, a, lda, b, ldb, c.beta, out, ldc);
    };
    uint64_t seed = 100;
    for (const Case& c : ModelCases()) CHECK(CountErrors(run, c, seed++) == 0);
    for (const Case& c : EdgeCases(6, 8)) CHECK(CountErrors(run, c, seed++) == 0);
    for (const Case& c : EdgeCases(2, 5)) CHECK(CountErrors(run, c, seed++) == 0);
  }
  for (const Path& path : MicroKernelPaths()) {
    INFO(path.name);
    auto run = [&](const Case& c, const float* a, int lda, const float* b, int ldb, float* out, int ldc) {
      GemmMicroF32(*path.broadcast, path.dot, c.trans_a, c.trans_b, c.m, c.n, c.k, c.alpha, a, lda, b, ldb, c.beta, out, ldc);
    };
    uint64_t seed = 200;
    for (const Case& c : ModelCases()) CHECK(CountErrors(run, c, seed++) == 0);
  }
}

TEST_CASE("Gemm<double> matches the reference to double precision", "[kernels]") {
  Rng rng(5);
  for (bool ta : {false, true})
    for (bool tb : {false, true}) {
      const int m = 7, n = 13, k = 29;
      std::vector<double> a(m * k), b(k * n), c(m * n), want;
      for (double& v : a) v = rng.Uniform(-1.0, 1.0);
      for (double& v : b) v = rng.Uniform(-1.0, 1.0);
      for (double& v : c) v = rng.Uniform(-1.0, 1.0);
      want = c;
      Gemm<double>(ta, tb, m, n, k, 0.5, a.data(), ta ? m : k, b.data(), tb ? k : n, -1.0, c.data(), n);
      GemmReference<double>(ta, tb, m, n, k, 0.5, a.data(), ta ? m : k, b.data(), tb ? k : n, -1.0, want.data(), n);
      for (size_t i = 0; i < c.size(); ++i) CHECK(c[i] == Approx(want[i]).epsilon(1e-12).margin(1e-12));
    }
}

TEST_CASE("the WebAssembly build multiplies floats with its SIMD128 kernels", "[kernels]") {
  const GemmChoiceF32& chosen = GemmChosenF32();
  if (std::string(GRADLAB_TARGET) == "web") {
    REQUIRE(!chosen.broadcast.empty());
    REQUIRE(chosen.dot != nullptr);
    for (const GemmVariantF32* v : chosen.broadcast) {
      CHECK(std::string(v->name).find("_wasmsimd") != std::string::npos);
      CHECK(v->kind == GemmKindF32::kBroadcast);
    }
    CHECK(std::string(chosen.dot->name).find("_wasmsimd") != std::string::npos);
    CHECK(chosen.dot->kind == GemmKindF32::kDot);
    // The tile height follows m: 20 rows are 3 tiles of 6 and 2 edge rows, 16 rows 2 tiles of 6
    // and 4 edge rows, 5 rows one tile of 5 (as edge rows of the 6x8 they would cost a little more).
    CHECK(chosen.BroadcastFor(20)->mr == 6);
    CHECK(chosen.BroadcastFor(16)->mr == 6);
    CHECK(chosen.BroadcastFor(5)->mr == 5);
    CHECK(chosen.conv == chosen.broadcast);  // the convolution's product as every other
    CHECK(chosen.conv_weights == chosen.dot);  // and its weights' gradient
  } else {
    CHECK(chosen.broadcast.empty());  // natively Gemm<float> is Eigen's, measured faster (gemm.cpp)
#ifdef __AVX512F__
    // The convolution's product skips im2col with the 16-wide kernels: 16 rows are 2 tiles of 8,
    // 20 rows 2 tiles of 10 (10 + 6 edge rows, or 8 + 8 + 4, would keep fewer sums in flight).
    REQUIRE(!chosen.conv.empty());
    CHECK(chosen.ConvFor(16)->mr == 8);
    CHECK(chosen.ConvFor(20)->mr == 10);
    for (const GemmVariantF32* v : chosen.conv) CHECK(std::string(v->name).find("_avx512") != std::string::npos);
#else
    CHECK(chosen.conv.empty());
#endif
    CHECK(chosen.conv_weights == nullptr);  // the weights' gradient: no dot kernel,
#ifdef __AVX512F__
    CHECK(chosen.conv_weights_runs != nullptr);  // but made transposed through runs tiles
#else
    CHECK(chosen.conv_weights_runs == nullptr);  // but im2col + Eigen
#endif
  }
  for (const GemmVariantF32& v : GemmVariantsF32()) CHECK(v.mr * v.nr <= kMaxTileF32);  // the drivers' scratch tile
}
