// The packed f32 GEMM: one driver (packing, blocking, edges, transposes, alpha/beta) and
// register-tiled micro-kernels that all share one signature. Names say type, op, tile, ISA:
// gemm_f32_4x8_wasmsimd computes a 4x8 tile of C with WebAssembly SIMD128.
//
// Shape legend: C is (m, n), op(A) is (m, k), op(B) is (k, n), all row-major as stored.
// Packed panels (what a micro-kernel reads):
//   A panel: (k, MR)  -- for each p, the MR values A[i0..i0+MR)[p], zero past the last row
//   B panel: (k, NR)  -- for each p, the NR values B[p][j0..j0+NR), zero past the last column
//
// kernels::Gemm<float> (gemm.h) picks a variant in gemm.cpp, the one file that chooses; the
// tests run every variant this build has against GemmReference. This file deliberately knows
// nothing about instruction sets.
#pragma once
#include <vector>

namespace gradlab::kernels {

// Computes one MR x NR tile: C = alpha * sum_p a[p] (x) b[p] + beta * C, where a is a packed A
// panel and b a packed B panel, both k long; c is the tile's top-left, rows ldc apart.
// beta == 0 writes C without reading it (so NaNs in an uninitialised C do not leak in).
using GemmMicroKernelF32 = void (*)(int k, const float* a, const float* b, float* c, int ldc,
                                    float alpha, float beta);

struct GemmVariantF32 {
  const char* name;  // "gemm_f32_4x8_wasmsimd"
  int mr, nr;        // tile rows and columns
  GemmMicroKernelF32 kernel;
};

// The variants compiled into this build, fastest first (the scalar one is always there).
const std::vector<GemmVariantF32>& GemmVariantsF32();
// The variant kernels::Gemm<float> uses, or nullptr when it uses Eigen (native builds).
const GemmVariantF32* GemmChosenVariantF32();

// C = alpha * op(A) * op(B) + beta * C through `variant`: same contract as kernels::Gemm.
// Packing buffers are per thread and grow only when a larger product needs them.
void GemmPackedF32(const GemmVariantF32& variant, bool trans_a, bool trans_b, int m, int n, int k,
                   float alpha, const float* a, int lda, const float* b, int ldb, float beta,
                   float* c, int ldc);

// ---- micro-kernels (one file each instruction set) ----------------------------------------------
void gemm_f32_4x4_scalar(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta);
#ifdef __wasm_simd128__
void gemm_f32_4x8_wasmsimd(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta);
void gemm_f32_6x8_wasmsimd(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta);
#endif

}  // namespace gradlab::kernels
