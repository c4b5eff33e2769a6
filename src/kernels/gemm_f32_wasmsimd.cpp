// WebAssembly SIMD128 micro-kernels (panel layouts: gemm_f32.h). SIMD128 has no fused
// multiply-add, so every step is an f32x4 multiply and an f32x4 add. V8 maps v128 values to the
// 16 XMM registers of x86-64 and keeps one for itself: a tile's accumulators plus the values
// loaded for one step must fit in 15. V8 neither unrolls these loops nor removes its per-trip
// stack check, so the loops below do two (broadcast) or four (dot) values of k per step.
// Compiled only with -msimd128; other builds get an empty file.
#ifdef __wasm_simd128__
#include <wasm_simd128.h>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

// ---- broadcast: C (M, 4V) += A(., p) splatted * B(p, .) -------------------------------------------
// acc is (M, V) f32x4: row i, columns 4v..4v+3. M = 6, V = 2: 12 accumulators + 2 B + 1 splat.
template <int M, int V>
inline void GemmBroadcast(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                          float alpha, float beta) {
  v128_t acc[M][V];
  for (int i = 0; i < M; ++i)
    for (int v = 0; v < V; ++v) acc[i][v] = wasm_f32x4_splat(0.0f);
  auto step = [&](const float* ap, const float* bp) {
    v128_t bv[V];
    for (int v = 0; v < V; ++v) bv[v] = wasm_v128_load(bp + 4 * v);
#pragma clang loop unroll(full)
    for (int i = 0; i < M; ++i) {
      const v128_t ai = wasm_v128_load32_splat(ap + i);
      for (int v = 0; v < V; ++v) acc[i][v] = wasm_f32x4_add(acc[i][v], wasm_f32x4_mul(ai, bv[v]));
    }
  };
  int p = 0;
  for (; p + 2 <= k; p += 2, a += 2 * a_stride, b += 2 * b_stride) {
    step(a, b);
    step(a + a_stride, b + b_stride);
  }
  if (p < k) step(a, b);
  // alpha = 1 and beta = 0 or 1 are what the layers ask for: no multiplies for them.
  if (alpha == 1.0f && (beta == 0.0f || beta == 1.0f)) {
    for (int i = 0; i < M; ++i)
      for (int v = 0; v < V; ++v) {
        float* out = c + i * ldc + 4 * v;
        wasm_v128_store(out, beta == 0.0f ? acc[i][v] : wasm_f32x4_add(acc[i][v], wasm_v128_load(out)));
      }
    return;
  }
  const v128_t va = wasm_f32x4_splat(alpha);
  if (beta == 0.0f) {
    for (int i = 0; i < M; ++i)
      for (int v = 0; v < V; ++v) wasm_v128_store(c + i * ldc + 4 * v, wasm_f32x4_mul(va, acc[i][v]));
  } else {
    const v128_t vb = wasm_f32x4_splat(beta);
    for (int i = 0; i < M; ++i)
      for (int v = 0; v < V; ++v) {
        float* out = c + i * ldc + 4 * v;
        wasm_v128_store(out, wasm_f32x4_add(wasm_f32x4_mul(va, acc[i][v]), wasm_f32x4_mul(vb, wasm_v128_load(out))));
      }
  }
}

// ---- dot: C (M, N) = A (M, k) * B (N, k)^T, four values of k per f32x4 ------------------------------
// acc[i][j] holds four partial sums of row i of A with row j of B, added up at the end.
// M = 2, N = 5: 10 accumulators + 2 A + 1 B.
template <int M, int N>
inline void AddLanes(const v128_t (&acc)[M][N], float (&sum)[M][N]) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      const v128_t s = wasm_f32x4_add(acc[i][j], wasm_i32x4_shuffle(acc[i][j], acc[i][j], 2, 3, 0, 1));
      sum[i][j] = wasm_f32x4_extract_lane(s, 0) + wasm_f32x4_extract_lane(s, 1);
    }
}

template <int M, int N>
inline void StoreSums(const float (&sum)[M][N], float* c, int ldc, float alpha, float beta) {
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float& out = c[i * ldc + j];
      out = alpha * sum[i][j] + (beta == 0.0f ? 0.0f : beta * out);
    }
}

// Four values of k, from p on, of rows a + i * a_stride and b[j].
template <int M, int N>
inline void DotStep(const float* a, int a_stride, const float* const (&b)[N], int p, v128_t (&acc)[M][N]) {
  v128_t av[M];
  for (int i = 0; i < M; ++i) av[i] = wasm_v128_load(a + i * a_stride + p);
#pragma clang loop unroll(full)
  for (int j = 0; j < N; ++j) {
    const v128_t bj = wasm_v128_load(b[j] + p);
    for (int i = 0; i < M; ++i) acc[i][j] = wasm_f32x4_add(acc[i][j], wasm_f32x4_mul(av[i], bj));
  }
}

template <int M, int N>
inline void GemmDot(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                    float alpha, float beta) {
  v128_t acc[M][N];
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) acc[i][j] = wasm_f32x4_splat(0.0f);
  const float* bj[N];
  for (int j = 0; j < N; ++j) bj[j] = b + j * b_stride;
  int p = 0;
  for (; p + 4 <= k; p += 4) DotStep(a, a_stride, bj, p, acc);
  float sum[M][N];
  AddLanes(acc, sum);
  for (; p < k; ++p)  // the last k % 4 values
    for (int i = 0; i < M; ++i)
      for (int j = 0; j < N; ++j) sum[i][j] += a[i * a_stride + p] * bj[j][p];
  StoreSums(sum, c, ldc, alpha, beta);
}

// The same over rows made of runs (GemmDotRunsKernelF32), len a multiple of 4: each lane sums
// the same values of k in the same order as GemmDot on the rows laid end to end.
template <int M, int N>
inline void GemmDotRuns(int count, int len, const float* a, int a_stride, const float* b, const int* b_rows,
                        int b_run_stride, float* c, int ldc, float alpha, float beta) {
  v128_t acc[M][N];
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) acc[i][j] = wasm_f32x4_splat(0.0f);
  const float* bj[N];
  for (int j = 0; j < N; ++j) bj[j] = b + b_rows[j];
  for (int s = 0; s < count; ++s, a += len) {
    for (int q = 0; q < len; q += 4) DotStep(a, a_stride, bj, q, acc);
    for (int j = 0; j < N; ++j) bj[j] += b_run_stride;
  }
  float sum[M][N];
  AddLanes(acc, sum);
  StoreSums(sum, c, ldc, alpha, beta);
}

}  // namespace

void gemm_f32_6x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta) {
  GemmBroadcast<6, 2>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_f32_5x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta) {
  GemmBroadcast<5, 2>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_f32_4x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta) {
  GemmBroadcast<4, 2>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

// The rows left below the last whole 6- or 5-row tile.
const GemmMicroKernelF32 gemm_f32_rows_x8_wasmsimd[6] = {nullptr, GemmBroadcast<1, 2>, GemmBroadcast<2, 2>,
                                                         GemmBroadcast<3, 2>, GemmBroadcast<4, 2>, GemmBroadcast<5, 2>};

void gemm_nt_f32_2x5_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                              float alpha, float beta) {
  GemmDot<2, 5>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_nt_f32_2x4_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                              float alpha, float beta) {
  GemmDot<2, 4>(k, a, a_stride, b, b_stride, c, ldc, alpha, beta);
}

void gemm_nt_f32_2x4_wasmsimd_runs(int count, int len, const float* a, int a_stride, const float* b, const int* b_rows,
                                   int b_run_stride, float* c, int ldc, float alpha, float beta) {
  GemmDotRuns<2, 4>(count, len, a, a_stride, b, b_rows, b_run_stride, c, ldc, alpha, beta);
}

}  // namespace gradlab::kernels
#endif  // __wasm_simd128__
