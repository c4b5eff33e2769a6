// AVX-512 kernels for the native convolution (conv_gemm.h), where Eigen would need im2col's
// columns and pack them again: broadcast tiles for its product, whose B rows come from a panel or
// straight from the padded image; and the runs tiles that make its weights' gradient transposed,
// with the transposition of their B. A tile is MR rows of 16 floats (one zmm each); MR
// accumulators + one B row + one splat fit AVX-512's 32 registers, and MR >= 8 independent sums
// keep both FMA ports busy. Compiled only where the compiler targets AVX-512 (-march=native on
// such a machine); other builds get an empty file.
#ifdef __AVX512F__
#include <immintrin.h>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

// An M x 16 tile: for each p, M splats of A's column p times B's row p (load_b(p)), then
// C = alpha * sums + beta * C, beta == 0 not reading C. The panel and the in-place kernels differ
// only in where B's rows come from.
template <int M, class LoadB>
void Tile16(int k, const float* a, int a_stride, LoadB load_b, float* c, int ldc, float alpha, float beta) {
  __m512 acc[M];
  for (int i = 0; i < M; ++i) acc[i] = _mm512_setzero_ps();
  for (int p = 0; p < k; ++p, a += a_stride) {
    const __m512 bv = load_b(p);
    for (int i = 0; i < M; ++i) acc[i] = _mm512_fmadd_ps(_mm512_set1_ps(a[i]), bv, acc[i]);
  }
  const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
  for (int i = 0; i < M; ++i) {
    float* out = c + i * ldc;
    __m512 r = alpha == 1.0f ? acc[i] : _mm512_mul_ps(va, acc[i]);
    if (beta == 1.0f) r = _mm512_add_ps(r, _mm512_loadu_ps(out));
    else if (beta != 0.0f) r = _mm512_fmadd_ps(vb, _mm512_loadu_ps(out), r);
    _mm512_storeu_ps(out, r);
  }
}

template <int M>
void Broadcast16(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc, float alpha,
                 float beta) {
  const auto panel_row = [=](int p) { return _mm512_loadu_ps(b + static_cast<size_t>(p) * b_stride); };
  Tile16<M>(k, a, a_stride, panel_row, c, ldc, alpha, beta);
}

// Broadcast16's sums, B's rows read in place (GemmInPlaceKernelF32).
template <int M>
void Broadcast16InPlace(int k, const float* a, int a_stride, const float* b, const int* b_rows, int half, float* c,
                        int ldc, float beta) {
  const auto row = [=](int p) { return _mm512_loadu_ps(b + b_rows[p]); };
  const auto halves = [=](int p) {
    const float* first = b + b_rows[p];
    return _mm512_insertf32x8(_mm512_castps256_ps512(_mm256_loadu_ps(first)), _mm256_loadu_ps(first + half), 1);
  };
  if (half > 0) Tile16<M>(k, a, a_stride, halves, c, ldc, 1.0f, beta);
  else Tile16<M>(k, a, a_stride, row, c, ldc, 1.0f, beta);
}

// An M x W tile of A * B whose A rows are runs (GemmRunsKernelF32): W = 16, 20 or 24 columns, the
// four or eight past 16 in an xmm or ymm that takes the low lanes of the same splat. One B row
// feeds M FMAs a step; A's M rows are M pointers moving along their runs.
template <int M, int W>
void RunsTile(int count, int len, const float* a, const int* a_rows, int a_run_stride, const float* b, int b_stride,
              float* c, int ldc, float beta) {
  constexpr int kTail = W - 16;
  static_assert(kTail == 0 || kTail == 4 || kTail == 8);
  __m512 acc[M];
  __m256 acc8[M];
  __m128 acc4[M];
  const float* row[M];
  for (int i = 0; i < M; ++i) {
    acc[i] = _mm512_setzero_ps();
    acc8[i] = _mm256_setzero_ps();
    acc4[i] = _mm_setzero_ps();
    row[i] = a + a_rows[i];
  }
  for (int s = 0; s < count; ++s) {
    for (int t = 0; t < len; ++t, b += b_stride) {
      const __m512 bv = _mm512_loadu_ps(b);
      __m256 b8;
      __m128 b4;
      if constexpr (kTail == 8) b8 = _mm256_loadu_ps(b + 16);
      if constexpr (kTail == 4) b4 = _mm_loadu_ps(b + 16);
      for (int i = 0; i < M; ++i) {
        const __m512 ai = _mm512_set1_ps(row[i][t]);
        acc[i] = _mm512_fmadd_ps(ai, bv, acc[i]);
        if constexpr (kTail == 8) acc8[i] = _mm256_fmadd_ps(_mm512_castps512_ps256(ai), b8, acc8[i]);
        if constexpr (kTail == 4) acc4[i] = _mm_fmadd_ps(_mm512_castps512_ps128(ai), b4, acc4[i]);
      }
    }
    for (int i = 0; i < M; ++i) row[i] += a_run_stride;
  }
  for (int i = 0; i < M; ++i) {
    float* out = c + i * ldc;
    if (beta == 0.0f) {  // C is not read
      _mm512_storeu_ps(out, acc[i]);
      if constexpr (kTail == 8) _mm256_storeu_ps(out + 16, acc8[i]);
      if constexpr (kTail == 4) _mm_storeu_ps(out + 16, acc4[i]);
    } else {
      _mm512_storeu_ps(out, _mm512_fmadd_ps(_mm512_set1_ps(beta), _mm512_loadu_ps(out), acc[i]));
      if constexpr (kTail == 8)
        _mm256_storeu_ps(out + 16, _mm256_fmadd_ps(_mm256_set1_ps(beta), _mm256_loadu_ps(out + 16), acc8[i]));
      if constexpr (kTail == 4)
        _mm_storeu_ps(out + 16, _mm_fmadd_ps(_mm_set1_ps(beta), _mm_loadu_ps(out + 16), acc4[i]));
    }
  }
}

template <int W>
constexpr GemmRunsKernelF32 kRunsTiles[11] = {nullptr,          RunsTile<1, W>, RunsTile<2, W>, RunsTile<3, W>,
                                              RunsTile<4, W>,   RunsTile<5, W>, RunsTile<6, W>, RunsTile<7, W>,
                                              RunsTile<8, W>,   RunsTile<9, W>, RunsTile<10, W>};

// 4 x 4 blocks through SSE's transpose (as scalar copies, dy's transposition was a sixth of the
// weights' gradient), then the rows and columns the blocks leave.
void Transpose(const float* in, int rows, int cols, float* out, int ldo) {
  const int rows4 = rows / 4 * 4, cols4 = cols / 4 * 4;
  for (int r = 0; r < rows4; r += 4)
    for (int c = 0; c < cols4; c += 4) {
      const float* src = in + static_cast<size_t>(r) * cols + c;
      __m128 v0 = _mm_loadu_ps(src), v1 = _mm_loadu_ps(src + cols), v2 = _mm_loadu_ps(src + 2 * cols),
             v3 = _mm_loadu_ps(src + 3 * cols);
      _MM_TRANSPOSE4_PS(v0, v1, v2, v3);
      float* dst = out + static_cast<size_t>(c) * ldo + r;
      _mm_storeu_ps(dst, v0);
      _mm_storeu_ps(dst + ldo, v1);
      _mm_storeu_ps(dst + 2 * ldo, v2);
      _mm_storeu_ps(dst + 3 * ldo, v3);
    }
  for (int r = 0; r < rows; ++r)
    for (int c = r < rows4 ? cols4 : 0; c < cols; ++c)
      out[static_cast<size_t>(c) * ldo + r] = in[static_cast<size_t>(r) * cols + c];
}

}  // namespace

const GemmRunsTilesF32 gemm_f32_runs_10xW_avx512 = {"gemm_f32_runs_10xW_avx512", 10, kRunsTiles<16>, kRunsTiles<20>,
                                                    kRunsTiles<24>, Transpose};

void gemm_f32_8x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                          float alpha, float beta) {
  Broadcast16<8>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_f32_10x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta) {
  Broadcast16<10>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

const GemmInPlaceKernelF32 gemm_f32_in_place_x16_avx512[11] = {
    nullptr,                Broadcast16InPlace<1>, Broadcast16InPlace<2>, Broadcast16InPlace<3>,
    Broadcast16InPlace<4>, Broadcast16InPlace<5>, Broadcast16InPlace<6>, Broadcast16InPlace<7>,
    Broadcast16InPlace<8>, Broadcast16InPlace<9>, Broadcast16InPlace<10>};

const GemmMicroKernelF32 gemm_f32_rows_x16_avx512[10] = {
    nullptr,         Broadcast16<1>, Broadcast16<2>, Broadcast16<3>, Broadcast16<4>,
    Broadcast16<5>, Broadcast16<6>, Broadcast16<7>, Broadcast16<8>, Broadcast16<9>};

}  // namespace gradlab::kernels
#endif
