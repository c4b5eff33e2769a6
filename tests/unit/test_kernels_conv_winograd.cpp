// Winograd's F(2, 5) product (kernels/conv_winograd.h) against the direct convolution in double,
// through every broadcast micro-kernel it fits: channel counts whose k (5 * C) is below, at and past
// one k block, paddings 0 to 4, output rows of one and more tiles, row counts around the tile
// heights, beta 0 (C holding NaN), 1 and 0.5. Its sums round differently from the direct product's:
// each output must be within a few float roundings of the magnitudes its transforms mix.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "core/rng.h"
#include "kernels/conv_gemm.h"
#include "kernels/conv_winograd.h"
#include "kernels/gemm_f32.h"

using namespace gradlab;
using namespace gradlab::kernels;

namespace {

struct Direct {
  std::vector<double> value;      // the sum
  std::vector<double> magnitude;  // what F(2, 5)'s rounding scales with (below)

  // Entry `at`: the sum plus beta times what C held before, and its magnitude.
  void Set(size_t at, double sum, double sum_magnitude, float beta, float before) {
    const double kept = beta == 0.0f ? 0.0 : static_cast<double>(beta) * before;
    value[at] = sum + kept;
    magnitude[at] = sum_magnitude + std::fabs(kept);
  }
};

// Pixel (ch, iy, ix) of a (C, H, W) image, 0 in the zero border.
double Pixel(const ConvGeometry& g, const float* image, int ch, int iy, int ix) {
  const bool inside = iy >= 0 && iy < g.height && ix >= 0 && ix < g.width;
  return inside ? static_cast<double>(image[(static_cast<size_t>(ch) * g.height + iy) * g.width + ix]) : 0.0;
}

// C = A * Im2Col(image) + beta * C, in double, straight from the definition. F(2, 5) mixes all
// five weights of a kernel row with all six inputs under the output's pair, so its rounding
// error scales with the sum over the rows (channel, ky) of |row of weights|_1 * |six inputs|_1.
Direct DirectConvolution(const ConvGeometry& g, int m, const std::vector<float>& a, const std::vector<float>& image,
                         float beta, const std::vector<float>& c, int ldc) {
  const int k = g.kernel, oh = g.out_height(), ow = g.out_width();
  const auto pixel = [&](int ch, int iy, int ix) { return Pixel(g, image.data(), ch, iy, ix); };
  Direct d{std::vector<double>(c.begin(), c.end()), std::vector<double>(c.size(), 0.0)};
  for (int f = 0; f < m; ++f)
    for (int y = 0; y < oh; ++y)
      for (int x = 0; x < ow; ++x) {
        double sum = 0, magnitude = 0;
        for (int ch = 0; ch < g.channels; ++ch)
          for (int ky = 0; ky < k; ++ky) {
            const float* w = a.data() + ((static_cast<size_t>(f) * g.channels + ch) * k + ky) * k;
            const int iy = y + ky - g.padding;
            double weights = 0, inputs = 0;
            for (int kx = 0; kx < k; ++kx) sum += w[kx] * pixel(ch, iy, x + kx - g.padding), weights += std::fabs(w[kx]);
            for (int i = 0; i <= k; ++i) inputs += std::fabs(pixel(ch, iy, x - x % 2 + i - g.padding));
            magnitude += weights * inputs;
          }
        const size_t i = static_cast<size_t>(f) * ldc + static_cast<size_t>(y) * ow + x;
        d.Set(i, sum, magnitude, beta, c[i]);
      }
  return d;
}

}  // namespace

TEST_CASE("Winograd's F(2, 5) product equals the direct convolution within float rounding", "[kernels]") {
  Rng rng(53);
  int checked = 0;
  double worst = 0;  // the largest error relative to the magnitudes the transforms mix
  for (const GemmVariantF32& v : GemmVariantsF32()) {
    if (v.kind != GemmKindF32::kBroadcast) continue;
    for (int channels : {1, 3, 20, 60})  // k = 5, 15, 100, 300 (two k blocks)
      for (int padding : {0, 2, 4})
        for (int pairs_per_row : {v.nr, 2 * v.nr})
          for (int out_height : {1, 6})
            for (int m : {1, 5, 7, 16, 20})
              for (float beta : {0.0f, 1.0f, 0.5f}) {
                const int ow = 2 * pairs_per_row;
                const ConvGeometry g{channels, out_height + 4 - 2 * padding, ow + 4 - 2 * padding, 5, 1, padding};
                if (g.height < 1) continue;
                REQUIRE(WinogradFits(g, v.nr));
                INFO(v.name << " C=" << channels << " H=" << g.height << " W=" << g.width << " P=" << padding
                            << " m=" << m << " beta=" << beta);
                const int k = channels * 25, pixels = g.out_height() * ow, ldc = pixels + 3;
                std::vector<float> a(static_cast<size_t>(m) * k), image(static_cast<size_t>(channels) * g.height * g.width);
                std::vector<float> c(static_cast<size_t>(m) * ldc);
                for (float& x : a) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
                for (float& x : image) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
                for (size_t i = 0; i < c.size(); ++i)  // with beta = 0, C is write-only: NaN must not leak in
                  c[i] = beta == 0.0f && i % ldc < static_cast<size_t>(pixels) ? std::numeric_limits<float>::quiet_NaN()
                                                                               : static_cast<float>(rng.Uniform(-1.0, 1.0));
                const Direct want = DirectConvolution(g, m, a, image, beta, c, ldc);
                const std::vector<float> panels = WinogradPanels(v, g, m, a.data(), k);
                WinogradProductF32(v, g, m, panels.data(), image.data(), beta, c.data(), ldc);
                for (size_t i = 0; i < c.size(); ++i) {
                  const double error = std::fabs(c[i] - want.value[i]);
                  REQUIRE(error <= 2e-6 * want.magnitude[i]);  // NaN fails too
                  if (want.magnitude[i] > 0) worst = std::max(worst, error / want.magnitude[i]);
                }
                ++checked;
              }
  }
  INFO("worst relative error " << worst << " over " << checked << " products");
  CHECK(checked > 300);
}

namespace {

// dW (m, C*25) = the sum over `count` images of dy_i * Im2Col(image_i)^T + beta * dW in double,
// and the magnitudes F(2, 5)'s rounding scales with: for each weight, the sum over the output pairs
// of |dy's pair|_1 * |the six inputs under it|_1.
Direct WeightGradient(const ConvGeometry& g, int m, int count, const std::vector<float>& dy,
                      const std::vector<float>& images, float beta, const std::vector<float>& dw) {
  const int k = g.kernel, oh = g.out_height(), ow = g.out_width(), patch = g.channels * k * k;
  const size_t image_size = static_cast<size_t>(g.channels) * g.height * g.width;
  Direct d{std::vector<double>(dw.size()), std::vector<double>(dw.size())};
  for (int f = 0; f < m; ++f)
    for (int ch = 0; ch < g.channels; ++ch)
      for (int ky = 0; ky < k; ++ky)
        for (int kx = 0; kx < k; ++kx) {
          double sum = 0, magnitude = 0;
          for (int i = 0; i < count; ++i) {
            const auto pixel = [&](int iy, int ix) { return Pixel(g, images.data() + i * image_size, ch, iy, ix); };
            const float* dyf = dy.data() + (static_cast<size_t>(i) * m + f) * oh * ow;
            for (int y = 0; y < oh; ++y)
              for (int x = 0; x < ow; x += 2) {
                const int iy = y + ky - g.padding;
                double inputs = 0;
                for (int j = 0; j <= k; ++j) inputs += std::fabs(pixel(iy, x + j - g.padding));
                sum += dyf[y * ow + x] * pixel(iy, x + kx - g.padding) +
                       dyf[y * ow + x + 1] * pixel(iy, x + 1 + kx - g.padding);
                magnitude += (std::fabs(dyf[y * ow + x]) + std::fabs(dyf[y * ow + x + 1])) * inputs;
              }
          }
          const size_t at = static_cast<size_t>(f) * patch + (ch * k + ky) * k + kx;
          d.Set(at, sum, magnitude, beta, dw[at]);
        }
  return d;
}

}  // namespace

TEST_CASE("Winograd's F(2, 5) weights' gradient equals the direct sum within float rounding", "[kernels]") {
  Rng rng(59);
  int checked = 0;
  for (const GemmVariantF32& dot : GemmVariantsF32()) {
    if (dot.kind != GemmKindF32::kDot || !dot.runs) continue;
    for (int channels : {1, 3, 20})
      for (int padding : {0, 2, 4})
        for (int pairs : {dot.run_multiple, 2 * dot.run_multiple, 8})
          for (int out_height : {1, 6})
            for (int m : {1, 5, 16})
              for (int count : {1, 3})
                for (float beta : {0.0f, 1.0f, 0.5f}) {
                  const ConvGeometry g{channels, out_height + 4 - 2 * padding, 2 * pairs + 4 - 2 * padding, 5, 1, padding};
                  if (g.height < 1 || g.width < 1) continue;
                  REQUIRE(WinogradWeightFits(dot, g));
                  INFO(dot.name << " C=" << channels << " H=" << g.height << " W=" << g.width << " P=" << padding
                                << " m=" << m << " images=" << count << " beta=" << beta);
                  const int patch = channels * 25, pixels = g.out_height() * g.out_width();
                  const size_t image_size = static_cast<size_t>(channels) * g.height * g.width;
                  std::vector<float> dy(static_cast<size_t>(count) * m * pixels), images(count * image_size);
                  std::vector<float> dw(static_cast<size_t>(m) * patch);
                  for (float& x : dy) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
                  for (float& x : images) x = static_cast<float>(rng.Uniform(-1.0, 1.0));
                  for (float& x : dw)  // with beta = 0, dW is write-only
                    x = beta == 0.0f ? std::numeric_limits<float>::quiet_NaN() : static_cast<float>(rng.Uniform(-1.0, 1.0));
                  const Direct want = WeightGradient(g, m, count, dy, images, beta, dw);
                  WinogradWeightGradientF32(dot, g, m, count, dy.data(), static_cast<size_t>(m) * pixels, images.data(),
                                            image_size, beta, dw.data(), patch);
                  for (size_t i = 0; i < dw.size(); ++i)
                    REQUIRE(std::fabs(dw[i] - want.value[i]) <= 2e-6 * want.magnitude[i]);  // NaN fails too
                  ++checked;
                }
  }
  CHECK(checked > 300);
}

TEST_CASE("the layers' convolution goes through F(2, 5) where the build chooses it", "[kernels]") {
  // The small CNN's first two layers and the second's input gradient fit; its third (8 wide) does not.
  const ConvGeometry first{3, 32, 32, 5, 1, 2}, second{16, 16, 16, 5, 1, 2}, second_back{20, 16, 16, 5, 1, 2},
      third{20, 8, 8, 5, 1, 2};
  const bool chosen = GemmChosenF32().conv_winograd;
  CHECK(PackConvWeights<float>(first, 16, std::vector<float>(16 * 75).data(), 75).winograd == chosen);
  CHECK(PackConvWeights<float>(second, 20, std::vector<float>(20 * 400).data(), 400).winograd == chosen);
  CHECK(PackConvWeights<float>(second_back, 16, std::vector<float>(16 * 500).data(), 500).winograd == chosen);
  CHECK_FALSE(PackConvWeights<float>(third, 20, std::vector<float>(20 * 500).data(), 500).winograd);
  // The weights' gradient of the first two (the third's rows of 4 pairs were slower).
  CHECK(ConvWeightWinograd(first) == chosen);
  CHECK(ConvWeightWinograd(second) == chosen);
  CHECK_FALSE(ConvWeightWinograd(third));
}
