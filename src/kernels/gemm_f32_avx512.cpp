// AVX-512 broadcast micro-kernels (panel layouts: gemm_f32.h) for the native convolution's
// product (conv_gemm.h), which reads its B panels straight from the padded image: Eigen needs
// im2col's columns and packs them again, a quarter of a native CNN step. A tile is MR rows of
// 16 floats (one zmm each); MR accumulators + one B row + one splat fit AVX-512's 32 registers,
// and MR >= 8 independent sums keep both FMA ports busy. Compiled only where the compiler
// targets AVX-512 (-march=native on such a machine); other builds get an empty file.
#ifdef __AVX512F__
#include <immintrin.h>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

template <int M>
void Broadcast16(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc, float alpha,
                 float beta) {
  __m512 acc[M];
  for (int i = 0; i < M; ++i) acc[i] = _mm512_setzero_ps();
  for (int p = 0; p < k; ++p, a += a_stride, b += b_stride) {
    const __m512 bv = _mm512_loadu_ps(b);
    for (int i = 0; i < M; ++i) acc[i] = _mm512_fmadd_ps(_mm512_set1_ps(a[i]), bv, acc[i]);
  }
  const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
  for (int i = 0; i < M; ++i) {
    float* out = c + i * ldc;
    __m512 r = alpha == 1.0f ? acc[i] : _mm512_mul_ps(va, acc[i]);
    if (beta == 1.0f) r = _mm512_add_ps(r, _mm512_loadu_ps(out));
    else if (beta != 0.0f) r = _mm512_fmadd_ps(vb, _mm512_loadu_ps(out), r);  // beta == 0: C is not read
    _mm512_storeu_ps(out, r);
  }
}

}  // namespace

void gemm_f32_8x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                          float alpha, float beta) {
  Broadcast16<8>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_f32_10x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta) {
  Broadcast16<10>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

const GemmMicroKernelF32 gemm_f32_rows_x16_avx512[10] = {
    nullptr,         Broadcast16<1>, Broadcast16<2>, Broadcast16<3>, Broadcast16<4>,
    Broadcast16<5>, Broadcast16<6>, Broadcast16<7>, Broadcast16<8>, Broadcast16<9>};

}  // namespace gradlab::kernels
#endif
