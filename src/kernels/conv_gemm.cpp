#include "kernels/conv_gemm.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "kernels/gemm.h"

namespace gradlab::kernels {

namespace {

// Reused by every call on this thread; they grow only for a larger layer.
struct Scratch {
  std::vector<float> padded;   // the image with its zero border
  std::vector<int> row_start;  // where row p = (channel, ky, kx) of the columns starts in `padded`
  std::vector<float> b_panel;
};
thread_local Scratch scratch;

// Copies the image into scratch.padded with `padding` zeros around each channel, plus nr zeros
// of slack: the last tile of an output row reads up to nr - 2 values past its row. Only the
// border is zeroed; the image's values are written once.
const float* PadImage(const ConvGeometry& g, const float* image, int nr) {
  const int hp = g.padded_height(), wp = g.padded_width(), p = g.padding;
  scratch.padded.resize(static_cast<size_t>(g.channels) * hp * wp + nr);
  float* out = scratch.padded.data();
  for (int c = 0; c < g.channels; ++c) {
    out = std::fill_n(out, static_cast<size_t>(p) * wp, 0.0f);  // the rows above
    for (int y = 0; y < g.height; ++y) {
      out = std::fill_n(out, p, 0.0f);
      out = std::copy_n(image + (static_cast<size_t>(c) * g.height + y) * g.width, g.width, out);
      out = std::fill_n(out, p, 0.0f);
    }
    out = std::fill_n(out, static_cast<size_t>(p) * wp, 0.0f);  // the rows below
  }
  std::fill_n(out, nr, 0.0f);
  return scratch.padded.data();
}

const int* RowStarts(const ConvGeometry& g) {
  const int hp = g.padded_height(), wp = g.padded_width();
  scratch.row_start.clear();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) scratch.row_start.push_back((c * hp + ky) * wp + kx);
  return scratch.row_start.data();
}

// A (m, C*K*K) in `v`'s row panels.
std::vector<float> RowPanels(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda) {
  const int k = g.channels * g.kernel * g.kernel;
  std::vector<float> panels(static_cast<size_t>((m + v.mr - 1) / v.mr) * v.mr * k);
  PackRowPanelsF32(a, lda, m, k, v.mr, panels.data());
  return panels;
}

// The product through `v` with A already in its row panels.
void ConvProductPanelsF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* panels,
                          const float* image, float beta, float* c, int ldc) {
  const int mr = v.mr, nr = v.nr, k = g.channels * g.kernel * g.kernel;
  const int oh = g.out_height(), ow = g.out_width(), wp = g.padded_width();
  if (m <= 0) return;
  const float* padded = PadImage(g, image, nr);
  const int* row_start = RowStarts(g);
  const int block_k = BroadcastBlockKF32(k);
  scratch.b_panel.resize(static_cast<size_t>(block_k) * nr);
  float* b = scratch.b_panel.data();
  alignas(64) float tile[kMaxTileF32];

  for (int oy = 0; oy < oh; ++oy)
    for (int ox = 0; ox < ow; ox += nr) {  // a tile: nr output pixels of one output row
      const int cols = std::min(nr, ow - ox);
      const float* window = padded + static_cast<size_t>(oy) * wp + ox;
      float* c_tile = c + static_cast<size_t>(oy) * ow + ox;
      for (int pc = 0; pc < k; pc += block_k) {
        const int kc = std::min(block_k, k - pc);
        const float beta_block = pc == 0 ? beta : 1.0f;  // later k blocks add to what is there
        for (int p = 0; p < kc; ++p) {
          // Sizes the compiler knows become register copies (v128, zmm), not calls to memmove.
          if (nr == 8) std::memcpy(b + p * 8, window + row_start[pc + p], 8 * sizeof(float));
          else if (nr == 16) std::memcpy(b + p * 16, window + row_start[pc + p], 16 * sizeof(float));
          else std::memcpy(b + p * nr, window + row_start[pc + p], nr * sizeof(float));
        }
        for (int ir = 0; ir < m; ir += mr) {
          const int rows = std::min(mr, m - ir);
          const float* ap = panels + static_cast<size_t>(ir) * k + static_cast<size_t>(pc) * mr;
          float* ct = c_tile + static_cast<size_t>(ir) * ldc;
          if (rows == mr && cols == nr) {
            v.kernel(kc, ap, mr, b, nr, ct, ldc, 1.0f, beta_block);
          } else if (cols == nr && v.edge_rows) {
            v.edge_rows[rows](kc, ap, mr, b, nr, ct, ldc, 1.0f, beta_block);
          } else {
            v.kernel(kc, ap, mr, b, nr, tile, nr, 1.0f, 0.0f);
            MergeTileF32(tile, nr, rows, cols, 1.0f, beta_block, ct, static_cast<size_t>(ldc), 1);
          }
        }
      }
    }
}

}  // namespace

void ConvProductF32(const GemmVariantF32& v, const ConvGeometry& g, int m, const float* a, int lda, const float* image,
                    float beta, float* c, int ldc) {
  if (m > 0) ConvProductPanelsF32(v, g, m, RowPanels(v, g, m, a, lda).data(), image, beta, c, ldc);
}

const GemmVariantF32* ConvVariantFor(const ConvGeometry& g, int m) {
  const GemmChoiceF32& chosen = GemmChosenF32();
  if (g.stride != 1 || chosen.conv.empty()) return nullptr;
  const GemmVariantF32* v = chosen.ConvFor(m);
  return g.out_width() >= v->nr ? v : nullptr;  // shorter rows would waste most of each tile
}

bool ConvWeightFits(const GemmVariantF32& dot, const ConvGeometry& g) {
  const int ow = g.out_width(), k = g.out_height() * ow;
  return dot.runs && g.stride == 1 && ow % dot.run_multiple == 0 && DotBlockKF32(k) % ow == 0;
}

const GemmVariantF32* ConvWeightVariantFor(const ConvGeometry& g) {
  const GemmVariantF32* dot = GemmChosenF32().conv_weights;
  return dot && ConvWeightFits(*dot, g) ? dot : nullptr;
}

void ConvWeightGradientF32(const GemmVariantF32& dot, const ConvGeometry& g, int m, const float* dy, const float* image,
                           float beta, float* dw, int ldw) {
  const int n = g.channels * g.kernel * g.kernel, oh = g.out_height(), ow = g.out_width();
  const float* padded = PadImage(g, image, 0);
  // Row p = (channel, ky, kx) of the columns, output row oy: the OW values from
  // padded[row_start[p] + oy * wp] on, as ConvProductF32 reads them.
  GemmDotRunsF32(dot, m, n, oh, ow, 1.0f, dy, oh * ow, padded, RowStarts(g), g.padded_width(), beta, dw, ldw);
}

template <typename T>
void ConvWeightGradient(const ConvGeometry& g, int m, const T* dy, const T* image, T* cols, T beta, T* dw, int ldw) {
  if constexpr (std::is_same_v<T, float>) {
    if (const GemmVariantF32* dot = ConvWeightVariantFor(g)) return ConvWeightGradientF32(*dot, g, m, dy, image, beta, dw, ldw);
  }
  const int k = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  Im2Col<T>(g, image, cols);
  Gemm<T>(false, true, m, k, pixels, T(1), dy, pixels, cols, pixels, beta, dw, ldw);
}

template <typename T>
ConvWeights<T> PackConvWeights(const ConvGeometry& g, int m, const T* a, int lda) {
  ConvWeights<T> w{m, a, lda};
  if constexpr (std::is_same_v<T, float>) {
    if ((w.variant = m > 0 ? ConvVariantFor(g, m) : nullptr)) w.panels = RowPanels(*w.variant, g, m, a, lda);
  }
  return w;
}

template <typename T>
void ConvProduct(const ConvGeometry& g, const ConvWeights<T>& w, const T* image, T* cols, T beta, T* c, int ldc) {
  if constexpr (std::is_same_v<T, float>) {
    if (w.variant) return ConvProductPanelsF32(*w.variant, g, w.m, w.panels.data(), image, beta, c, ldc);
  }
  const int k = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  Im2Col<T>(g, image, cols);
  Gemm<T>(false, false, w.m, pixels, k, T(1), w.a, w.lda, cols, pixels, beta, c, ldc);
}

template ConvWeights<float> PackConvWeights<float>(const ConvGeometry&, int, const float*, int);
template ConvWeights<double> PackConvWeights<double>(const ConvGeometry&, int, const double*, int);
template void ConvProduct<float>(const ConvGeometry&, const ConvWeights<float>&, const float*, float*, float, float*, int);
template void ConvProduct<double>(const ConvGeometry&, const ConvWeights<double>&, const double*, double*, double,
                                  double*, int);
template void ConvWeightGradient<float>(const ConvGeometry&, int, const float*, const float*, float*, float, float*, int);
template void ConvWeightGradient<double>(const ConvGeometry&, int, const double*, const double*, double*, double, double*,
                                         int);

}  // namespace gradlab::kernels
