// The convolution's forward product and weights' gradient without im2col's columns
// (kernels/conv_gemm.h) against Im2Col + the GEMM of the same micro-kernel variant: the same sums
// in the same order, so equal bit for bit, over channel counts, kernel sizes, paddings (up to the
// kernel's width), images whose output rows are not a whole number of tiles, row counts around
// the tile heights, beta 0 (C holding NaN), 1 and 0.5, and C rows wider than the output. The
// weights' gradient made transposed natively (runs tiles) sums in another order: against double.
#include <catch2/catch.hpp>

#include <cstring>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/rng.h"
#include "kernels/conv_gemm.h"
#include "kernels/conv_winograd.h"
#include "kernels/gemm.h"
#include "kernels/gemm_f32.h"
#include "kernels/im2col.h"

using namespace gradlab;
using namespace gradlab::kernels;

namespace {

struct Product {
  ConvGeometry g;
  int m;
  float beta;
  int ldc;
  std::vector<float> a, image, c;
};

Product RandomProduct(const ConvGeometry& g, int m, float beta, Rng& rng) {
  const int k = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  Product p{g, m, beta, pixels + 3, {}, {}, {}};
  p.a.resize(static_cast<size_t>(m) * k);
  p.image.resize(static_cast<size_t>(g.channels) * g.height * g.width);
  p.c.resize(static_cast<size_t>(m) * p.ldc);
  for (float& v : p.a) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (float& v : p.image) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (size_t i = 0; i < p.c.size(); ++i)  // with beta = 0, C is write-only: NaN must not leak in
    p.c[i] = beta == 0.0f && i % p.ldc < static_cast<size_t>(pixels) ? std::numeric_limits<float>::quiet_NaN()
                                                                      : static_cast<float>(rng.Uniform(-1.0, 1.0));
  return p;
}

// Bitwise, so that NaN is equal to NaN (none is expected) and -0 differs from 0.
bool SameBits(const std::vector<float>& x, const std::vector<float>& y) {
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("the convolution's product without columns equals im2col + GEMM bit for bit", "[kernels]") {
  Rng rng(23);
  int checked = 0;
  for (const GemmVariantF32& v : GemmVariantsF32()) {
    if (v.kind != GemmKindF32::kBroadcast) continue;
    for (int channels : {1, 3, 11})  // 11 x 5 x 5 = 275: two k blocks
      for (int kernel : {1, 3, 5})
        for (int padding = 0; padding <= kernel; padding += (kernel > 2 ? 2 : 1))
          for (const auto& [h, w] : std::vector<std::pair<int, int>>{{1, 1}, {5, 7}, {8, 8}, {11, 6}, {16, 16}})
            for (int m : {1, 5, 7, 16, 20})
              for (float beta : {0.0f, 1.0f, 0.5f}) {
                const ConvGeometry g{channels, h, w, kernel, 1, padding};
                if (h + 2 * padding < kernel || w + 2 * padding < kernel) continue;
                INFO(v.name << " C=" << channels << " H=" << h << " W=" << w << " K=" << kernel << " P=" << padding
                            << " m=" << m << " beta=" << beta);
                Product p = RandomProduct(g, m, beta, rng);
                const int k = channels * kernel * kernel, pixels = g.out_height() * g.out_width();
                std::vector<float> cols(static_cast<size_t>(k) * pixels), want = p.c;
                Im2Col(g, p.image.data(), cols.data());
                GemmMicroF32(v, nullptr, false, false, m, pixels, k, 1.0f, p.a.data(), k, cols.data(), pixels, beta,
                             want.data(), p.ldc);
                ConvProductF32(v, g, m, p.a.data(), k, p.image.data(), beta, p.c.data(), p.ldc);
                CHECK(SameBits(p.c, want));
                ++checked;
              }
  }
  CHECK(checked > 500);
}

TEST_CASE("the convolution's product as the layers call it, any stride, float and double", "[kernels]") {
  Rng rng(29);
  // The small CNN's three layers, a strided one and one with more than a k block (k > 256).
  for (const ConvGeometry& g : {ConvGeometry{3, 32, 32, 5, 1, 2}, ConvGeometry{16, 16, 16, 5, 1, 2},
                                ConvGeometry{20, 8, 8, 5, 1, 2}, ConvGeometry{4, 9, 9, 3, 2, 1},
                                ConvGeometry{12, 6, 6, 5, 1, 0}}) {
    const int m = 20, k = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
    INFO("C=" << g.channels << " H=" << g.height << " K=" << g.kernel << " S=" << g.stride << " P=" << g.padding);
    Product p = RandomProduct(g, m, 1.0f, rng);
    std::vector<float> cols(static_cast<size_t>(k) * pixels), want = p.c;
    Im2Col(g, p.image.data(), cols.data());
    // The same sums as the product the build would make from the columns: the convolution's
    // micro-kernel where it has one (natively with AVX-512 that is not Gemm<float>'s Eigen), or
    // F(2, 5) where the build takes it (its own test checks it against double).
    const ConvWeights<float> weights = PackConvWeights<float>(g, m, p.a.data(), k);
    if (weights.winograd)
      WinogradProductF32(*weights.variant, g, m, WinogradPanels(*weights.variant, g, m, p.a.data(), k).data(),
                         p.image.data(), 1.0f, want.data(), p.ldc);
    else if (const GemmVariantF32* v = ConvVariantFor(g, m))
      GemmMicroF32(*v, nullptr, false, false, m, pixels, k, 1.0f, p.a.data(), k, cols.data(), pixels,
                   1.0f, want.data(), p.ldc);
    else
      Gemm<float>(false, false, m, pixels, k, 1.0f, p.a.data(), k, cols.data(), pixels, 1.0f, want.data(), p.ldc);
    std::fill(cols.begin(), cols.end(), 0.0f);
    ConvProduct<float>(g, weights, p.image.data(), cols.data(), 1.0f, p.c.data(), p.ldc);
    CHECK(SameBits(p.c, want));

    std::vector<double> a(p.a.begin(), p.a.end()), image(p.image.begin(), p.image.end()), c(p.c.size(), 0.25);
    std::vector<double> dcols(cols.size()), dwant = c;
    Im2ColReference(g, image.data(), dcols.data());
    GemmReference<double>(false, false, m, pixels, k, 1.0, a.data(), k, dcols.data(), pixels, 1.0, dwant.data(), p.ldc);
    ConvProduct<double>(g, PackConvWeights<double>(g, m, a.data(), k), image.data(), dcols.data(), 1.0, c.data(), p.ldc);
    for (size_t i = 0; i < c.size(); ++i) REQUIRE(c[i] == Approx(dwant[i]).epsilon(1e-12).margin(1e-12));
  }
}

namespace {

// dy (m, pixels), an image and dW (m, patch) with rows ldw = patch + 5 apart.
struct WeightProduct {
  int ldw;
  std::vector<float> dy, image, dw;
};

WeightProduct RandomWeightProduct(const ConvGeometry& g, int m, float beta, Rng& rng) {
  const int patch = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  WeightProduct p{patch + 5, {}, {}, {}};
  p.dy.resize(static_cast<size_t>(m) * pixels);
  p.image.resize(static_cast<size_t>(g.channels) * g.height * g.width);
  p.dw.resize(static_cast<size_t>(m) * p.ldw);
  for (float& v : p.dy) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (float& v : p.image) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (size_t i = 0; i < p.dw.size(); ++i)
    p.dw[i] = beta == 0.0f && i % p.ldw < static_cast<size_t>(patch) ? std::numeric_limits<float>::quiet_NaN()
                                                                       : static_cast<float>(rng.Uniform(-1.0, 1.0));
  return p;
}

// GemmMicroF32 takes a broadcast variant too, which A * B^T with a dot variant does not use.
const GemmVariantF32& AnyBroadcast() {
  for (const GemmVariantF32& v : GemmVariantsF32())
    if (v.kind == GemmKindF32::kBroadcast) return v;
  throw std::logic_error("no broadcast variant");
}

}  // namespace

TEST_CASE("the weights' gradient without columns equals im2col + the dot GEMM bit for bit", "[kernels]") {
  Rng rng(31);
  for (const GemmVariantF32& v : GemmVariantsF32()) {
    if (v.kind != GemmKindF32::kDot || !v.runs) continue;
    int checked = 0;
    for (int channels : {1, 3})
      for (int kernel : {1, 3, 5})
        for (int padding = 0; padding <= kernel; padding += (kernel > 2 ? 2 : 1))
          // Rows a multiple of 4, 8 and 16 wide, and 32 x 32 outputs: k = 1024, two k blocks of 16 runs.
          for (const auto& [h, w] :
               std::vector<std::pair<int, int>>{{1, 1}, {5, 7}, {8, 8}, {11, 6}, {9, 12}, {12, 16}, {32, 32}})
            for (int m : {1, 5, 16, 20})
              for (float beta : {0.0f, 1.0f, 0.5f}) {
                const ConvGeometry g{channels, h, w, kernel, 1, padding};
                if (h + 2 * padding < kernel || w + 2 * padding < kernel || !ConvWeightFits(v, g)) continue;
                if (h == 32 && (kernel != 5 || m < 5 || m > 16)) continue;  // a few of the large ones are enough
                INFO(v.name << " C=" << channels << " H=" << h << " W=" << w << " K=" << kernel << " P=" << padding
                            << " m=" << m << " beta=" << beta);
                WeightProduct p = RandomWeightProduct(g, m, beta, rng);
                const int patch = channels * kernel * kernel, pixels = g.out_height() * g.out_width();
                std::vector<float> cols(static_cast<size_t>(patch) * pixels), want = p.dw;
                Im2Col(g, p.image.data(), cols.data());
                GemmMicroF32(AnyBroadcast(), &v, false, true, m, patch, pixels, 1.0f, p.dy.data(), pixels, cols.data(), pixels,
                             beta, want.data(), p.ldw);
                ConvWeightGradientF32(v, g, m, p.dy.data(), p.image.data(), beta, p.dw.data(), p.ldw);
                CHECK(SameBits(p.dw, want));
                ++checked;
              }
    INFO(v.name);
    CHECK(checked > 20);
  }
}

namespace {

// dW (m, patch) = the sum over `count` images of dy_i * Im2Col(image_i)^T + beta * dW, in double.
std::vector<double> WeightGradientReference(const ConvGeometry& g, int m, int count, const std::vector<float>& dy,
                                            const std::vector<float>& images, float beta, const std::vector<float>& dw,
                                            int ldw) {
  const int patch = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  const size_t image_size = images.size() / count;
  std::vector<double> want(dw.begin(), dw.end()), cols(static_cast<size_t>(patch) * pixels);
  for (int i = 0; i < count; ++i) {
    const std::vector<double> image(images.begin() + i * image_size, images.begin() + (i + 1) * image_size);
    const std::vector<double> dy_i(dy.begin() + static_cast<size_t>(i) * m * pixels,
                                   dy.begin() + static_cast<size_t>(i + 1) * m * pixels);
    Im2ColReference(g, image.data(), cols.data());
    GemmReference<double>(false, true, m, patch, pixels, 1.0, dy_i.data(), pixels, cols.data(), pixels,
                          i == 0 ? beta : 1.0, want.data(), ldw);
  }
  return want;
}

}  // namespace

TEST_CASE("the weights' gradient made transposed through runs tiles, summed over images", "[kernels]") {
  const GemmRunsTilesF32* tiles = GemmChosenF32().conv_weights_runs;
  if (!tiles) return;  // natively on AVX-512 only
  Rng rng(41);
  int checked = 0;
  for (int channels : {1, 3})
    for (int kernel : {1, 3, 5})
      for (int padding : {0, 2})
        for (const auto& [h, w] : std::vector<std::pair<int, int>>{{1, 1}, {5, 7}, {8, 8}, {11, 6}})
          // m: the tiles' widths 16, 20, 24, zero-padded panels, and more than one panel.
          for (int m : {1, 5, 16, 17, 20, 23, 28, 36})
            for (int count : {1, 3})
              for (float beta : {0.0f, 1.0f, 0.5f}) {
                const ConvGeometry g{channels, h, w, kernel, 1, padding};
                if (h + 2 * padding < kernel || w + 2 * padding < kernel) continue;
                INFO("C=" << channels << " H=" << h << " W=" << w << " K=" << kernel << " P=" << padding << " m=" << m
                          << " images=" << count << " beta=" << beta);
                WeightProduct p = RandomWeightProduct(g, m, beta, rng);
                const int pixels = g.out_height() * g.out_width();
                std::vector<float> dy(static_cast<size_t>(count) * m * pixels), images(count * p.image.size());
                for (float& v : dy) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
                for (float& v : images) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
                const std::vector<double> want = WeightGradientReference(g, m, count, dy, images, beta, p.dw, p.ldw);
                ConvWeightGradientRunsF32(*tiles, g, m, count, dy.data(), static_cast<size_t>(m) * pixels, images.data(),
                                          p.image.size(), beta, p.dw.data(), p.ldw);
                for (size_t i = 0; i < want.size(); ++i) REQUIRE(p.dw[i] == Approx(want[i]).margin(1e-4));
                ++checked;
              }
  CHECK(checked > 500);
}

TEST_CASE("the weights' gradient as the layers call it, any stride, float and double", "[kernels]") {
  Rng rng(37);
  // The small CNN's three layers, a strided one, and output rows (2, 7 wide) no SIMD run fits.
  for (const ConvGeometry& g : {ConvGeometry{3, 32, 32, 5, 1, 2}, ConvGeometry{16, 16, 16, 5, 1, 2},
                                ConvGeometry{20, 8, 8, 5, 1, 2}, ConvGeometry{4, 9, 9, 3, 2, 1},
                                ConvGeometry{12, 6, 6, 5, 1, 0}, ConvGeometry{2, 7, 7, 3, 1, 1}}) {
    const int m = 20, count = 2, patch = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
    INFO("C=" << g.channels << " H=" << g.height << " K=" << g.kernel << " S=" << g.stride << " P=" << g.padding);
    WeightProduct p = RandomWeightProduct(g, m, 1.0f, rng);
    std::vector<float> dy(static_cast<size_t>(count) * m * pixels), images(count * p.image.size());
    for (float& v : dy) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
    for (float& v : images) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
    const std::vector<double> reference = WeightGradientReference(g, m, count, dy, images, 1.0f, p.dw, p.ldw);
    std::vector<float> cols(static_cast<size_t>(patch) * pixels), want = p.dw;
    const GemmRunsTilesF32* tiles = GemmChosenF32().conv_weights_runs;
    if (tiles && g.stride == 1) {  // natively: transposed through the runs tiles, as the test above checks
      ConvWeightGradientRunsF32(*tiles, g, m, count, dy.data(), static_cast<size_t>(m) * pixels, images.data(),
                                p.image.size(), 1.0f, want.data(), p.ldw);
    } else if (ConvWeightWinograd(g)) {  // conv_winograd.h's test checks it against double
      WinogradWeightGradientF32(*GemmChosenF32().conv_weights, g, m, count, dy.data(), static_cast<size_t>(m) * pixels, images.data(),
                                p.image.size(), 1.0f, want.data(), p.ldw);
    } else {  // the same sums as the product the build would make from each image's columns
      for (int i = 0; i < count; ++i) {
        Im2Col(g, images.data() + i * p.image.size(), cols.data());
        const float* dy_i = dy.data() + static_cast<size_t>(i) * m * pixels;
        if (const GemmVariantF32* v = ConvWeightVariantFor(g))
          GemmMicroF32(AnyBroadcast(), v, false, true, m, patch, pixels, 1.0f, dy_i, pixels, cols.data(), pixels, 1.0f,
                       want.data(), p.ldw);
        else
          Gemm<float>(false, true, m, patch, pixels, 1.0f, dy_i, pixels, cols.data(), pixels, 1.0f, want.data(), p.ldw);
      }
    }
    std::fill(cols.begin(), cols.end(), 0.0f);
    ConvWeightGradient<float>(g, m, count, dy.data(), static_cast<size_t>(m) * pixels, images.data(), p.image.size(),
                              cols.data(), 1.0f, p.dw.data(), p.ldw);
    CHECK(SameBits(p.dw, want));
    for (size_t i = 0; i < reference.size(); ++i) REQUIRE(p.dw[i] == Approx(reference[i]).margin(1e-4));

    std::vector<double> ddy(dy.begin(), dy.end()), dimages(images.begin(), images.end());
    std::vector<double> dw(p.dw.size(), 0.25), dcols(cols.size());
    const std::vector<double> dwant =
        WeightGradientReference(g, m, count, dy, images, 1.0f, std::vector<float>(p.dw.size(), 0.25f), p.ldw);
    ConvWeightGradient<double>(g, m, count, ddy.data(), static_cast<size_t>(m) * pixels, dimages.data(), p.image.size(),
                               dcols.data(), 1.0, dw.data(), p.ldw);
    for (size_t i = 0; i < dw.size(); ++i) REQUIRE(dw[i] == Approx(dwant[i]).epsilon(1e-12).margin(1e-12));
  }
}
