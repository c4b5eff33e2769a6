#include "kernels/conv_gemm.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "kernels/conv_winograd.h"
#include "kernels/gemm.h"

namespace gradlab::kernels {

namespace {

// Reused by every call on this thread; they grow only for a larger layer.
struct Scratch {
  std::vector<float> padded;   // the image with its zero border
  ConvGeometry padded_for{};   // the layer whose border `padded` holds (its slack: padded_slack)
  int padded_slack = -1;
  std::vector<int> row_start;  // where row p = (channel, ky, kx) of the columns starts in `padded`
  ConvGeometry rows_for{};
  std::vector<float> b_panel;
  std::vector<float> dy_t, dw_t;  // ConvWeightGradientRunsF32's dy^T and dW^T
};
thread_local Scratch scratch;

bool SameLayer(const ConvGeometry& x, const ConvGeometry& y) {
  return x.channels == y.channels && x.height == y.height && x.width == y.width && x.kernel == y.kernel &&
         x.stride == y.stride && x.padding == y.padding;
}

// Copies the image into scratch.padded with `padding` zeros around each channel, plus nr zeros
// of slack: the last tile of an output row reads up to nr - 2 values past its row. The border is
// zeroed only when the layer changes (the images of a batch come one after another); nothing but
// this writes to the buffer.
const float* PadImage(const ConvGeometry& g, const float* image, int nr) {
  const int hp = g.padded_height(), wp = g.padded_width(), p = g.padding;
  const size_t size = static_cast<size_t>(g.channels) * hp * wp;
  if (!SameLayer(g, scratch.padded_for) || nr != scratch.padded_slack) {
    scratch.padded.assign(size + nr, 0.0f);
    scratch.padded_for = g, scratch.padded_slack = nr;
  }
  for (int c = 0; c < g.channels; ++c)
    for (int y = 0; y < g.height; ++y)
      std::copy_n(image + (static_cast<size_t>(c) * g.height + y) * g.width, g.width,
                  scratch.padded.data() + (static_cast<size_t>(c) * hp + p + y) * wp + p);
  return scratch.padded.data();
}

const int* RowStarts(const ConvGeometry& g) {
  if (SameLayer(g, scratch.rows_for) && !scratch.row_start.empty()) return scratch.row_start.data();
  const int hp = g.padded_height(), wp = g.padded_width();
  scratch.row_start.clear();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) scratch.row_start.push_back((c * hp + ky) * wp + kx);
  scratch.rows_for = g;
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

  // A tile is nr output pixels of one output row or, where the rows are narrower (ConvVariantFor),
  // nr / ow whole rows, side by side in C as in the columns. Where the variant can, a whole tile
  // of one row, or of two rows each half of it, reads B in place (GemmVariantF32::in_place)
  // instead of from the panel: the same sums.
  const int span = ow >= nr ? 1 : nr / ow;
  const int half = span == 1 ? 0 : 2 * ow == nr ? wp : -1;
  for (int oy = 0; oy < oh; oy += span)
    for (int ox = 0; ox < ow; ox += nr) {
      const int tile_rows = std::min(span, oh - oy), cols = span == 1 ? std::min(nr, ow - ox) : tile_rows * ow;
      const float* window = padded + static_cast<size_t>(oy) * wp + ox;
      float* c_tile = c + static_cast<size_t>(oy) * ow + ox;
      const bool in_place = v.in_place && cols == nr && half >= 0;
      for (int pc = 0; pc < k; pc += block_k) {
        const int kc = std::min(block_k, k - pc);
        const float beta_block = pc == 0 ? beta : 1.0f;  // later k blocks add to what is there
        for (int p = 0; p < kc && !in_place; ++p) {
          // Sizes the compiler knows become register copies (v128, ymm, zmm), not calls to memmove.
          const float* from = window + row_start[pc + p];
          if (span > 1) {
            for (int r = 0; r < tile_rows; ++r)
              if (ow == 8) std::memcpy(b + p * nr + r * 8, from + r * wp, 8 * sizeof(float));
              else std::memcpy(b + p * nr + r * ow, from + r * wp, ow * sizeof(float));
          } else if (nr == 8) std::memcpy(b + p * 8, from, 8 * sizeof(float));
          else if (nr == 16) std::memcpy(b + p * 16, from, 16 * sizeof(float));
          else std::memcpy(b + p * nr, from, nr * sizeof(float));
        }
        for (int ir = 0; ir < m; ir += mr) {
          const int rows = std::min(mr, m - ir);
          const float* ap = panels + static_cast<size_t>(ir) * k + static_cast<size_t>(pc) * mr;
          float* ct = c_tile + static_cast<size_t>(ir) * ldc;
          if (in_place) {
            v.in_place[rows](kc, ap, mr, window, row_start + pc, half, ct, ldc, beta_block);
          } else if (rows == mr && cols == nr) {
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
  // Rows shorter than a tile go whole into one where they divide it (the small CNN's conv3, 8
  // wide); otherwise they would waste most of each tile.
  const int ow = g.out_width();
  return ow >= v->nr || v->nr % ow == 0 ? v : nullptr;
}

bool ConvWeightFits(const GemmVariantF32& dot, const ConvGeometry& g) {
  const int ow = g.out_width(), k = g.out_height() * ow;
  return dot.runs && g.stride == 1 && ow % dot.run_multiple == 0 && DotBlockKF32(k) % ow == 0;
}

const GemmVariantF32* ConvWeightVariantFor(const ConvGeometry& g) {
  const GemmVariantF32* dot = GemmChosenF32().conv_weights;
  return dot && ConvWeightFits(*dot, g) ? dot : nullptr;
}

// F(2, 5) where output rows have 8 pairs or more: on the small CNN's conv3 (4 pairs) the dot runs'
// extra calls cost more than the multiplications saved (training 2 % slower).
bool ConvWeightWinograd(const ConvGeometry& g) {
  const GemmChoiceF32& chosen = GemmChosenF32();
  return chosen.conv_winograd && chosen.conv_weights && WinogradWeightFits(*chosen.conv_weights, g) &&
         g.out_width() >= 16;
}

void ConvWeightGradientF32(const GemmVariantF32& dot, const ConvGeometry& g, int m, const float* dy, const float* image,
                           float beta, float* dw, int ldw) {
  const int n = g.channels * g.kernel * g.kernel, oh = g.out_height(), ow = g.out_width();
  const float* padded = PadImage(g, image, 0);
  // Row p = (channel, ky, kx) of the columns, output row oy: the OW values from
  // padded[row_start[p] + oy * wp] on, as ConvProductF32 reads them.
  GemmDotRunsF32(dot, m, n, oh, ow, 1.0f, dy, oh * ow, padded, RowStarts(g), g.padded_width(), beta, dw, ldw);
}

// The runs tiles' widths that cover m columns: 16 each, the last 20 or 24 where the 4 or 8 left
// over then fit in an xmm or ymm beside the zmm, zero-padded past m.
std::vector<int> RunsPanelWidths(int m) {
  std::vector<int> widths(std::max(1, (m + 15) / 16), 16);
  const int left = m - 16 * (static_cast<int>(widths.size()) - 1);
  if (m > 16 && left <= 8) {
    widths.pop_back();
    widths.back() += left <= 4 ? 4 : 8;
  }
  return widths;
}

void ConvWeightGradientRunsF32(const GemmRunsTilesF32& tiles, const ConvGeometry& g, int m, int count, const float* dy,
                               size_t dy_stride, const float* image, size_t image_stride, float beta, float* dw, int ldw) {
  const int patch = g.channels * g.kernel * g.kernel, oh = g.out_height(), ow = g.out_width(), pixels = oh * ow;
  const std::vector<int> widths = RunsPanelWidths(m);
  int width = 0;
  for (int w : widths) width += w;
  scratch.dy_t.resize(static_cast<size_t>(pixels) * width);
  scratch.dw_t.resize(static_cast<size_t>(patch) * width);
  float* dy_t = scratch.dy_t.data();
  float* dw_t = scratch.dw_t.data();
  for (size_t p = 0; p < static_cast<size_t>(pixels); ++p)  // the columns past m stay zero
    std::fill(dy_t + p * width + m, dy_t + (p + 1) * width, 0.0f);
  const int* rows = RowStarts(g);
  for (int i = 0; i < count; ++i) {
    const float* padded = PadImage(g, image + i * image_stride, 0);
    tiles.transpose(dy + i * dy_stride, m, pixels, dy_t, width);
    // dW^T's rows (patch, width): each image's sums, pixel after pixel, added to the images' before.
    for (int col = 0, w = 0; w < static_cast<int>(widths.size()); col += widths[w++]) {
      const GemmRunsKernelF32* kernels = widths[w] == 16 ? tiles.x16 : widths[w] == 20 ? tiles.x20 : tiles.x24;
      for (int r = 0; r < patch; r += tiles.mr)
        kernels[std::min(tiles.mr, patch - r)](oh, ow, padded, rows + r, g.padded_width(), dy_t + col, width,
                                               dw_t + static_cast<size_t>(r) * width + col, width, i == 0 ? 0.0f : 1.0f);
    }
  }
  for (int oc = 0; oc < m; ++oc)
    for (int j = 0; j < patch; ++j) {
      float& out = dw[static_cast<size_t>(oc) * ldw + j];
      out = dw_t[static_cast<size_t>(j) * width + oc] + (beta == 0.0f ? 0.0f : beta * out);
    }
}

template <typename T>
void ConvWeightGradient(const ConvGeometry& g, int m, int count, const T* dy, size_t dy_stride, const T* image,
                        size_t image_stride, T* cols, T beta, T* dw, int ldw) {
  if (count <= 0) return;
  if constexpr (std::is_same_v<T, float>) {
    const GemmChoiceF32& chosen = GemmChosenF32();
    if (chosen.conv_weights_runs && g.stride == 1)
      return ConvWeightGradientRunsF32(*chosen.conv_weights_runs, g, m, count, dy, dy_stride, image, image_stride, beta,
                                       dw, ldw);
    if (ConvWeightWinograd(g))
      return WinogradWeightGradientF32(*chosen.conv_weights, g, m, count, dy, dy_stride, image, image_stride, beta, dw,
                                       ldw);
  }
  const int k = g.channels * g.kernel * g.kernel, pixels = g.out_height() * g.out_width();
  const GemmVariantF32* dot = nullptr;
  if constexpr (std::is_same_v<T, float>) dot = ConvWeightVariantFor(g);
  for (int i = 0; i < count; ++i) {
    const T beta_i = i == 0 ? beta : T(1);
    if constexpr (std::is_same_v<T, float>) {
      if (dot) {
        ConvWeightGradientF32(*dot, g, m, dy + i * dy_stride, image + i * image_stride, beta_i, dw, ldw);
        continue;
      }
    }
    Im2Col<T>(g, image + i * image_stride, cols);
    Gemm<T>(false, true, m, k, pixels, T(1), dy + i * dy_stride, pixels, cols, pixels, beta_i, dw, ldw);
  }
}

template <typename T>
ConvWeights<T> PackConvWeights(const ConvGeometry& g, int m, const T* a, int lda) {
  ConvWeights<T> w{m, a, lda};
  if constexpr (std::is_same_v<T, float>) {
    if ((w.variant = m > 0 ? ConvVariantFor(g, m) : nullptr)) {
      w.winograd = GemmChosenF32().conv_winograd && WinogradFits(g, w.variant->nr);
      w.panels = w.winograd ? WinogradPanels(*w.variant, g, m, a, lda) : RowPanels(*w.variant, g, m, a, lda);
    }
  }
  return w;
}

template <typename T>
void ConvProduct(const ConvGeometry& g, const ConvWeights<T>& w, const T* image, T* cols, T beta, T* c, int ldc) {
  if constexpr (std::is_same_v<T, float>) {
    if (w.winograd) return WinogradProductF32(*w.variant, g, w.m, w.panels.data(), image, beta, c, ldc);
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
template void ConvWeightGradient<float>(const ConvGeometry&, int, int, const float*, size_t, const float*, size_t, float*,
                                        float, float*, int);
template void ConvWeightGradient<double>(const ConvGeometry&, int, int, const double*, size_t, const double*, size_t,
                                         double*, double, double*, int);

}  // namespace gradlab::kernels
