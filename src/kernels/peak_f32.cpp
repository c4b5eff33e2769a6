// Peak-throughput loops: 12 independent chains acc = acc * m + c, enough to hide the latency of
// the multiply and the add (about 3 cycles each) on two pipes of each, and few enough to stay
// in the 16 vector registers (V8 maps v128 to XMM0-15 and keeps one for itself).
#include "kernels/peak_f32.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#elif defined(__AVX512F__) || defined(__FMA__)
#include <immintrin.h>
#endif

namespace gradlab::kernels {

namespace {

constexpr int kChains = 12;

#ifdef __wasm_simd128__
float peak_f32_muladd_wasmsimd(long iterations) {
  v128_t acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = wasm_f32x4_splat(0.001f * i);
  const v128_t m = wasm_f32x4_splat(0.9999999f), c = wasm_f32x4_splat(1e-7f);
  for (long it = 0; it < iterations; ++it)
#pragma clang loop unroll(full)
    for (int i = 0; i < kChains; ++i) acc[i] = wasm_f32x4_add(wasm_f32x4_mul(acc[i], m), c);
  v128_t sum = acc[0];
  for (int i = 1; i < kChains; ++i) sum = wasm_f32x4_add(sum, acc[i]);
  return wasm_f32x4_extract_lane(sum, 0) + wasm_f32x4_extract_lane(sum, 3);
}
#elif defined(__AVX512F__)
float peak_f32_fma_avx512(long iterations) {
  __m512 acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = _mm512_set1_ps(0.001f * i);
  const __m512 m = _mm512_set1_ps(0.9999999f), c = _mm512_set1_ps(1e-7f);
  for (long it = 0; it < iterations; ++it)
    for (int i = 0; i < kChains; ++i) acc[i] = _mm512_fmadd_ps(acc[i], m, c);
  __m512 sum = acc[0];
  for (int i = 1; i < kChains; ++i) sum = _mm512_add_ps(sum, acc[i]);
  return _mm512_reduce_add_ps(sum);
}
#elif defined(__FMA__)
float peak_f32_fma_avx2(long iterations) {
  __m256 acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = _mm256_set1_ps(0.001f * i);
  const __m256 m = _mm256_set1_ps(0.9999999f), c = _mm256_set1_ps(1e-7f);
  for (long it = 0; it < iterations; ++it)
    for (int i = 0; i < kChains; ++i) acc[i] = _mm256_fmadd_ps(acc[i], m, c);
  __m256 sum = acc[0];
  for (int i = 1; i < kChains; ++i) sum = _mm256_add_ps(sum, acc[i]);
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, sum);
  return lanes[0] + lanes[7];
}
#else
float peak_f32_muladd_scalar(long iterations) {
  float acc[kChains];
  for (int i = 0; i < kChains; ++i) acc[i] = 0.001f * i;
  const float m = 0.9999999f, c = 1e-7f;
  for (long it = 0; it < iterations; ++it)
    for (int i = 0; i < kChains; ++i) acc[i] = acc[i] * m + c;
  float sum = 0;
  for (float a : acc) sum += a;
  return sum;
}
#endif

}  // namespace

PeakKernelF32 PeakKernelF32ForThisBuild() {
#ifdef __wasm_simd128__
  return {"peak_f32_muladd_wasmsimd", peak_f32_muladd_wasmsimd, kChains * 4 * 2.0};
#elif defined(__AVX512F__)
  return {"peak_f32_fma_avx512", peak_f32_fma_avx512, kChains * 16 * 2.0};
#elif defined(__FMA__)
  return {"peak_f32_fma_avx2", peak_f32_fma_avx2, kChains * 8 * 2.0};
#else
  return {"peak_f32_muladd_scalar", peak_f32_muladd_scalar, kChains * 2.0};
#endif
}

}  // namespace gradlab::kernels
