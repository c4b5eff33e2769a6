// The portable micro-kernels, one of each kind. Every build has them, so the driver's packing,
// in-place panels and edge handling are tested natively too (the SIMD kernels only run in
// their own builds). Panel layouts: see gemm_f32.h.
#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

template <int M, int N>
void Store(const float (&acc)[M][N], float* c, int ldc, float alpha, float beta) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float& out = c[i * ldc + j];
      out = alpha * acc[i][j] + (beta == 0.0f ? 0.0f : beta * out);
    }
}

// A(i, p) = a[p * a_stride + i], B(p, j) = b[p * b_stride + j]; C is M x 4.
template <int M>
void Broadcast4(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc, float alpha,
                float beta) {
  float acc[M][4] = {};
  for (int p = 0; p < k; ++p, a += a_stride, b += b_stride)
    for (int i = 0; i < M; ++i)
      for (int j = 0; j < 4; ++j) acc[i][j] += a[i] * b[j];
  Store(acc, c, ldc, alpha, beta);
}

}  // namespace

void gemm_f32_4x4_scalar(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                         float alpha, float beta) {
  Broadcast4<4>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

const GemmMicroKernelF32 gemm_f32_rows_x4_scalar[4] = {nullptr, Broadcast4<1>, Broadcast4<2>, Broadcast4<3>};

// A(i, p) = a[i * a_stride + p], B^T(p, j) = b[j * b_stride + p]; C is 2x2.
void gemm_nt_f32_2x2_scalar(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                            float alpha, float beta) {
  float acc[2][2] = {};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      for (int p = 0; p < k; ++p) acc[i][j] += a[i * a_stride + p] * b[j * b_stride + p];
  Store(acc, c, ldc, alpha, beta);
}

// The same over rows made of runs (GemmDotRunsKernelF32): p goes through the runs in order.
void gemm_nt_f32_2x2_scalar_runs(int count, int len, const float* a, int a_stride, const float* b, const int* b_rows,
                                 int b_run_stride, float* c, int ldc, float alpha, float beta) {
  float acc[2][2] = {};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j)
      for (int s = 0; s < count; ++s) {
        const float* as = a + i * a_stride + s * len;
        const float* bs = b + b_rows[j] + s * b_run_stride;
        for (int q = 0; q < len; ++q) acc[i][j] += as[q] * bs[q];
      }
  Store(acc, c, ldc, alpha, beta);
}

}  // namespace gradlab::kernels
