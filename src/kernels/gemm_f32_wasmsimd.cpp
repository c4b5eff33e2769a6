// WebAssembly SIMD128 micro-kernels for the packed f32 GEMM (see gemm_f32.h for the panel
// layouts). gemm_f32_Mx8_wasmsimd keeps an M x 8 tile of C in 2*M f32x4 accumulators; each step
// of k loads 8 values of the B panel (two f32x4), splats each of the M values of the A panel and
// does 2*M independent multiply + add pairs (SIMD128 has no fused multiply-add). V8 maps v128 to
// the 16 XMM registers of x86-64, so 2*M accumulators + 2 B vectors + 1 splat fit for M <= 6.
// Compiled only with -msimd128; other builds get an empty file.
#ifdef __wasm_simd128__
#include <wasm_simd128.h>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

// acc is (M, 2) f32x4: row i, columns 0-3 and 4-7. Full unrolling keeps it in registers.
template <int M>
inline void GemmMx8(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta) {
  v128_t acc[M][2];
  for (int i = 0; i < M; ++i) acc[i][0] = acc[i][1] = wasm_f32x4_splat(0.0f);
  for (int p = 0; p < k; ++p) {
    const v128_t b0 = wasm_v128_load(b);
    const v128_t b1 = wasm_v128_load(b + 4);
    b += 8;
#pragma clang loop unroll(full)
    for (int i = 0; i < M; ++i) {
      const v128_t ai = wasm_v128_load32_splat(a + i);
      acc[i][0] = wasm_f32x4_add(acc[i][0], wasm_f32x4_mul(ai, b0));
      acc[i][1] = wasm_f32x4_add(acc[i][1], wasm_f32x4_mul(ai, b1));
    }
    a += M;
  }
  const v128_t va = wasm_f32x4_splat(alpha);
  if (beta == 0.0f) {
    for (int i = 0; i < M; ++i) {
      wasm_v128_store(c + i * ldc, wasm_f32x4_mul(va, acc[i][0]));
      wasm_v128_store(c + i * ldc + 4, wasm_f32x4_mul(va, acc[i][1]));
    }
  } else {
    const v128_t vb = wasm_f32x4_splat(beta);
    for (int i = 0; i < M; ++i) {
      float* row = c + i * ldc;
      wasm_v128_store(row, wasm_f32x4_add(wasm_f32x4_mul(va, acc[i][0]), wasm_f32x4_mul(vb, wasm_v128_load(row))));
      wasm_v128_store(row + 4, wasm_f32x4_add(wasm_f32x4_mul(va, acc[i][1]), wasm_f32x4_mul(vb, wasm_v128_load(row + 4))));
    }
  }
}

}  // namespace

void gemm_f32_4x8_wasmsimd(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta) {
  GemmMx8<4>(k, a, b, c, ldc, alpha, beta);
}

void gemm_f32_6x8_wasmsimd(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta) {
  GemmMx8<6>(k, a, b, c, ldc, alpha, beta);
}

}  // namespace gradlab::kernels
#endif  // __wasm_simd128__
