#include "kernels/conv_winograd.h"

#include <algorithm>
#include <cstring>

namespace gradlab::kernels {

namespace {

constexpr int kTaps = 5, kPoints = 6;

// G (points x taps): a row of weights at the points 0, 1, -1, 2, -2 over their Lagrange
// denominators, and at infinity its last weight. (B^T and A^T are written out where they are used.)
constexpr float kG[kPoints][kTaps] = {
    {1.0f / 4, 0, 0, 0, 0},
    {-1.0f / 6, -1.0f / 6, -1.0f / 6, -1.0f / 6, -1.0f / 6},
    {-1.0f / 6, 1.0f / 6, -1.0f / 6, 1.0f / 6, -1.0f / 6},
    {1.0f / 24, 1.0f / 12, 1.0f / 6, 1.0f / 3, 2.0f / 3},
    {1.0f / 24, -1.0f / 12, 1.0f / 6, -1.0f / 3, 2.0f / 3},
    {0, 0, 0, 0, 1},
};

// Reused by every call on this thread; they grow only for a larger layer.
struct Scratch {
  std::vector<float> transformed;  // V: [point][block][padded row][channel][block's pairs]
  std::vector<float> products;     // M: [point][filter][output row][pair]
  std::vector<float> row;          // one padded input row, then its even and odd values
  std::vector<float> dy_pairs;     // A dy: [point][filter][output row][pair]
  std::vector<float> sums;         // S: [point][filter][(ky, c)]
  std::vector<int> run_starts;     // where row (ky, c) of V's first run starts
};
thread_local Scratch scratch;

// The transformed image's shape: each output row's pairs in blocks of block_pairs.
struct Layout {
  int channels, padded_height, out_height, out_width, pairs, block_pairs, blocks;
  size_t point_stride() const { return static_cast<size_t>(padded_height) * channels * pairs; }
  size_t block_stride() const { return static_cast<size_t>(padded_height) * channels * block_pairs; }
};

Layout LayoutFor(const ConvGeometry& g, int block_pairs) {
  const int ow = g.out_width();
  return {g.channels, g.padded_height(), g.out_height(), ow, ow / 2, block_pairs, ow / 2 / block_pairs};
}

// Four lanes of float, in the compiler's generic vectors (SIMD128 in WebAssembly, SSE natively):
// clang does not vectorise the transforms' loops by itself.
using Float4 = float __attribute__((vector_size(16)));
inline Float4 Load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void Store(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }
inline void Store(float* p, float v) { *p = v; }

// B^T d: the six values under a pair (or four pairs) at the points, stored s apart.
template <typename V>
inline void BTransform(V d0, V d1, V d2, V d3, V d4, V d5, float* out, size_t s) {
  Store(out, 4.0f * d0 - 5.0f * d2 + d4);
  Store(out + s, -4.0f * (d1 + d2) + d3 + d4);
  Store(out + 2 * s, 4.0f * (d1 - d2) - d3 + d4);
  Store(out + 3 * s, 2.0f * (d3 - d1) - d2 + d4);
  Store(out + 4 * s, 2.0f * (d1 - d3) - d2 + d4);
  Store(out + 5 * s, 4.0f * d1 - 5.0f * d3 + d5);
}

// V = B^T d for every pair of outputs of every padded row of every channel, laid out so that a
// micro-kernel's B panel for output row y, a block of pairs, and one point is contiguous: row
// (ky, c) of it is (y + ky, c) of the block, block_pairs values apart.
void TransformInput(const ConvGeometry& g, const Layout& l, const float* image, float* v) {
  const int wp = g.padded_width(), p = g.padding, half = wp / 2;
  scratch.row.resize(static_cast<size_t>(wp) + 2 * half);
  float* row = scratch.row.data();
  float* even = row + wp;
  float* odd = even + half;
  for (int yp = 0; yp < l.padded_height; ++yp)
    for (int c = 0; c < l.channels; ++c) {
      const int y = yp - p;
      const size_t at = (static_cast<size_t>(yp) * l.channels + c) * l.block_pairs;  // in each block
      if (y < 0 || y >= g.height) {
        for (int t = 0; t < kPoints; ++t)
          for (int b = 0; b < l.blocks; ++b)
            std::fill_n(v + t * l.point_stride() + b * l.block_stride() + at, l.block_pairs, 0.0f);
        continue;
      }
      std::fill_n(row, p, 0.0f);
      std::fill_n(row + p + g.width, wp - p - g.width, 0.0f);
      std::copy_n(image + (static_cast<size_t>(c) * g.height + y) * g.width, g.width, row + p);
      for (int x = 0; x < half; ++x) even[x] = row[2 * x], odd[x] = row[2 * x + 1];
      for (int b = 0; b < l.blocks; ++b) {
        float* out = v + b * l.block_stride() + at;
        const size_t s = l.point_stride();
        int j = 0;
        for (; j + 4 <= l.block_pairs; j += 4) {  // four pairs at a time
          const int x = b * l.block_pairs + j;
          BTransform(Load4(even + x), Load4(odd + x), Load4(even + x + 1), Load4(odd + x + 1), Load4(even + x + 2),
                     Load4(odd + x + 2), out + j, s);
        }
        for (; j < l.block_pairs; ++j) {
          const int x = b * l.block_pairs + j;
          BTransform(even[x], odd[x], even[x + 1], odd[x + 1], even[x + 2], odd[x + 2], out + j, s);
        }
      }
    }
}

// C = A^T M + beta * C: each pair of outputs from its 6 point products.
void TransformOutput(const Layout& l, int m, const float* products, float beta, float* c, int ldc) {
  const size_t s = static_cast<size_t>(m) * l.out_height * l.pairs;
  for (int f = 0; f < m; ++f)
    for (int y = 0; y < l.out_height; ++y) {
      const float* __restrict mp = products + (static_cast<size_t>(f) * l.out_height + y) * l.pairs;
      float* __restrict out = c + static_cast<size_t>(f) * ldc + static_cast<size_t>(y) * l.out_width;
      for (int x = 0; x < l.pairs; ++x) {
        const float m0 = mp[x], m1 = mp[s + x], m2 = mp[2 * s + x], m3 = mp[3 * s + x], m4 = mp[4 * s + x],
                    m5 = mp[5 * s + x];
        const float left = m0 + m1 + m2 + m3 + m4, right = m1 - m2 + 2 * (m3 - m4) + m5;
        out[2 * x] = left + (beta == 0.0f ? 0.0f : beta * out[2 * x]);
        out[2 * x + 1] = right + (beta == 0.0f ? 0.0f : beta * out[2 * x + 1]);
      }
    }
}

// (A dy)_t for every pair of every output row of every filter: dy's pair (l, r) at the points
// 0, 1, -1, 2, -2 is l + p r, and at infinity r.
void TransformOutputGradient(const Layout& l, int m, const float* dy, float* out) {
  const size_t s = static_cast<size_t>(m) * l.out_height * l.pairs;
  for (size_t i = 0; i < s; ++i) {
    const float left = dy[2 * i], right = dy[2 * i + 1];
    out[i] = left;
    out[s + i] = left + right;
    out[2 * s + i] = left - right;
    out[3 * s + i] = left + 2 * right;
    out[4 * s + i] = left - 2 * right;
    out[5 * s + i] = right;
  }
}

// What both products need: stride 1, a 5x5 kernel, an output.
bool FiveByFiveStrideOne(const ConvGeometry& g) {
  return g.stride == 1 && g.kernel == kTaps && g.out_height() > 0 && g.out_width() > 0;
}

}  // namespace

bool WinogradFits(const ConvGeometry& g, int nr) {
  return FiveByFiveStrideOne(g) && g.out_width() % (2 * nr) == 0;
}

std::vector<float> WinogradPanels(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda) {
  const int channels = g.channels, k = kTaps * channels;
  const size_t panel_size = static_cast<size_t>((m + v.mr - 1) / v.mr) * v.mr * k;
  std::vector<float> u(static_cast<size_t>(m) * k), panels(kPoints * panel_size);
  for (int t = 0; t < kPoints; ++t) {
    for (int f = 0; f < m; ++f)
      for (int ky = 0; ky < kTaps; ++ky)
        for (int c = 0; c < channels; ++c) {
          const float* w = a + static_cast<size_t>(f) * lda + (c * kTaps + ky) * kTaps;
          float sum = 0;
          for (int kx = 0; kx < kTaps; ++kx) sum += kG[t][kx] * w[kx];
          u[static_cast<size_t>(f) * k + ky * channels + c] = sum;
        }
    PackRowPanelsF32(u.data(), k, m, k, v.mr, panels.data() + t * panel_size);
  }
  return panels;
}

void WinogradProductF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* panels, const float* image,
                        float beta, float* c, int ldc) {
  if (m <= 0) return;
  const Layout l = LayoutFor(g, v.nr);
  const int mr = v.mr, nr = v.nr, k = kTaps * l.channels, block_k = BroadcastBlockKF32(k);
  const size_t panel_size = static_cast<size_t>((m + mr - 1) / mr) * mr * k;
  const int ldm = l.out_height * l.pairs;  // M's rows: one filter's products at one point
  scratch.transformed.resize(kPoints * l.point_stride());
  scratch.products.resize(static_cast<size_t>(kPoints) * m * ldm);
  TransformInput(g, l, image, scratch.transformed.data());
  alignas(64) float tile[kMaxTileF32];

  // Point by point, so that one point's weights and transformed image stay in the cache.
  for (int t = 0; t < kPoints; ++t) {
    const float* u = panels + t * panel_size;
    float* mt = scratch.products.data() + static_cast<size_t>(t) * m * ldm;
    for (int b = 0; b < l.blocks; ++b)
      for (int y = 0; y < l.out_height; ++y) {
        // Row (ky, c) of this B panel is row y + ky, channel c of the block: nr values apart.
        const float* bp = scratch.transformed.data() + t * l.point_stride() + b * l.block_stride() +
                          static_cast<size_t>(y) * l.channels * nr;
        float* ct = mt + static_cast<size_t>(y) * l.pairs + b * nr;
        for (int pc = 0; pc < k; pc += block_k) {
          const int kc = std::min(block_k, k - pc);
          const float beta_block = pc == 0 ? 0.0f : 1.0f;
          for (int ir = 0; ir < m; ir += mr) {
            const int rows = std::min(mr, m - ir);
            const float* ap = u + static_cast<size_t>(ir) * k + static_cast<size_t>(pc) * mr;
            float* cr = ct + static_cast<size_t>(ir) * ldm;
            if (rows == mr) {
              v.kernel(kc, ap, mr, bp + static_cast<size_t>(pc) * nr, nr, cr, ldm, 1.0f, beta_block);
            } else if (v.edge_rows) {
              v.edge_rows[rows](kc, ap, mr, bp + static_cast<size_t>(pc) * nr, nr, cr, ldm, 1.0f, beta_block);
            } else {
              v.kernel(kc, ap, mr, bp + static_cast<size_t>(pc) * nr, nr, tile, nr, 1.0f, 0.0f);
              MergeTileF32(tile, nr, rows, nr, 1.0f, beta_block, cr, static_cast<size_t>(ldm), 1);
            }
          }
        }
      }
  }
  TransformOutput(l, m, scratch.products.data(), beta, c, ldc);
}

bool WinogradWeightFits(const GemmVariantF32& dot, const ConvGeometry& g) {
  return dot.runs && FiveByFiveStrideOne(g) && g.out_width() % (2 * dot.run_multiple) == 0;
}

void WinogradWeightGradientF32(const GemmVariantF32& dot, const ConvGeometry& g, int m, int count, const float* dy,
                               size_t dy_stride, const float* image, size_t image_stride, float beta, float* dw, int ldw) {
  if (count <= 0 || m <= 0) return;
  // One block as wide as the output row: row (ky, c) of V for output row y is then one run of
  // `pairs` values, the runs of successive output rows C * pairs apart.
  const Layout l = LayoutFor(g, g.out_width() / 2);
  const int channels = l.channels, n = kTaps * channels, ldd = l.out_height * l.pairs;
  scratch.transformed.resize(kPoints * l.point_stride());
  scratch.dy_pairs.resize(static_cast<size_t>(kPoints) * m * ldd);
  scratch.sums.resize(static_cast<size_t>(kPoints) * m * n);
  scratch.run_starts.resize(n);
  for (int p = 0; p < n; ++p) scratch.run_starts[p] = p * l.pairs;
  for (int i = 0; i < count; ++i) {
    TransformInput(g, l, image + i * image_stride, scratch.transformed.data());
    TransformOutputGradient(l, m, dy + i * dy_stride, scratch.dy_pairs.data());
    for (int t = 0; t < kPoints; ++t)
      GemmDotRunsF32(dot, m, n, l.out_height, l.pairs, 1.0f, scratch.dy_pairs.data() + static_cast<size_t>(t) * m * ldd,
                     ldd, scratch.transformed.data() + t * l.point_stride(), scratch.run_starts.data(), channels * l.pairs,
                     i == 0 ? 0.0f : 1.0f, scratch.sums.data() + static_cast<size_t>(t) * m * n, n);
  }
  // dW's row of 5 weights (f, c, ky) = G^T times its 6 point sums.
  const size_t s = static_cast<size_t>(m) * n;
  for (int f = 0; f < m; ++f)
    for (int c = 0; c < channels; ++c)
      for (int ky = 0; ky < kTaps; ++ky) {
        const float* sum = scratch.sums.data() + static_cast<size_t>(f) * n + ky * channels + c;
        float* out = dw + static_cast<size_t>(f) * ldw + (c * kTaps + ky) * kTaps;
        for (int kx = 0; kx < kTaps; ++kx) {
          float v = 0;
          for (int t = 0; t < kPoints; ++t) v += kG[t][kx] * sum[t * s];
          out[kx] = v + (beta == 0.0f ? 0.0f : beta * out[kx]);
        }
      }
}

}  // namespace gradlab::kernels
