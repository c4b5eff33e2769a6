// The f32 GEMM built from micro-kernels: one driver (blocking, packing, edges, transposes,
// alpha/beta) and register-tiled micro-kernels that all share one signature. Names say op, type,
// tile and instruction set: gemm_f32_6x8_wasmsimd computes a 6x8 tile of C with WebAssembly
// SIMD128; gemm_nt_f32_2x5_wasmsimd a 2x5 tile of A * B^T.
//
// Shape legend: C is (m, n), op(A) is (m, k), op(B) is (k, n), all row-major as stored.
// Two kinds of micro-kernel, by how they read their operands (both k long):
//   broadcast (gemm_f32_*): for each p, MR values of A's column p, each splatted, times NR
//     contiguous values of B's row p:   A(i, p) = a[p * a_stride + i],  B(p, j) = b[p * b_stride + j].
//     A transposed and B as stored are read in place; the other layouts are packed first.
//   dot (gemm_nt_f32_*): C = A * B^T with both operands' rows contiguous along k, as in
//     Linear's forward (x * W^T) and Conv2d's dW (dy * cols^T): A(i, p) = a[i * a_stride + p],
//     B^T(p, j) = b[j * b_stride + p]; vectorised along k, nothing packed.
//
// kernels::Gemm<float> (gemm.h) takes the variants that gemm.cpp, the one file that chooses,
// picks; tests run every variant against GemmReference. This file knows no instruction set.
#pragma once
#include <cstddef>
#include <vector>

namespace gradlab::kernels {

// Computes one MR x NR tile: C = alpha * (sum over p of A(., p) B(p, .)) + beta * C, with A and B
// read as the kind says; c is the tile's top-left, rows ldc apart. beta == 0 writes C without
// reading it (so NaNs in an uninitialised C do not leak in).
using GemmMicroKernelF32 = void (*)(int k, const float* a, int a_stride, const float* b, int b_stride,
                                    float* c, int ldc, float alpha, float beta);

// A dot tile whose rows are `count` runs of `len` values laid end to end (k = count * len):
// row i of A is contiguous, a[i * a_stride + p]; run s of row j of B starts at
// b[b_rows[j] + s * b_run_stride]. The rows of im2col's columns are such runs of the padded image
// (one per output row), so Conv2d's dW reads them without the columns (conv_gemm.h). Sums in the
// order of the variant's kernel on the rows laid end to end, when len is a multiple of the
// variant's run_multiple.
using GemmDotRunsKernelF32 = void (*)(int count, int len, const float* a, int a_stride, const float* b,
                                      const int* b_rows, int b_run_stride, float* c, int ldc, float alpha, float beta);

// A broadcast tile whose A rows are such runs (k = count * len): A(i, p) for p = s * len + t is
// a[a_rows[i] + s * a_run_stride + t]; B(p, j) = b[p * b_stride + j]. C = tile + beta * C, beta
// == 0 not reading C. Natively the convolution's weights' gradient is made transposed with it,
// dW^T = cols * dy^T, the columns' rows read in place (conv_gemm.h).
using GemmRunsKernelF32 = void (*)(int count, int len, const float* a, const int* a_rows, int a_run_stride,
                                   const float* b, int b_stride, float* c, int ldc, float beta);

// Such tiles of up to mr rows ([r]: r rows, r = 1..mr) and 16, 20 or 24 columns, and a
// transposition for their B: out (cols, rows) = in (rows, cols)^T, out's rows ldo apart.
struct GemmRunsTilesF32 {
  const char* name;
  int mr;
  const GemmRunsKernelF32* x16;
  const GemmRunsKernelF32* x20;
  const GemmRunsKernelF32* x24;
  void (*transpose)(const float* in, int rows, int cols, float* out, int ldo);
};

// A broadcast tile (alpha 1) whose B rows are read in place: row p's nr values at b + b_rows[p],
// or, where half > 0, its first nr / 2 at b + b_rows[p] and the rest at b + b_rows[p] + half.
using GemmInPlaceKernelF32 = void (*)(int k, const float* a, int a_stride, const float* b, const int* b_rows, int half,
                                      float* c, int ldc, float beta);

enum class GemmKindF32 { kBroadcast, kDot };

struct GemmVariantF32 {
  const char* name;  // "gemm_f32_6x8_wasmsimd"
  GemmKindF32 kind;
  int mr, nr;        // tile rows and columns
  GemmMicroKernelF32 kernel;
  float speed;       // relative speed of the micro-kernel alone (`gradlab-cli bench --gemm`)
  // Broadcast only, optional: edge_rows[r] computes an r x nr tile (0 < r < mr) straight into C,
  // so that the last rows of a product need no scratch tile. A's panel still has stride mr.
  const GemmMicroKernelF32* edge_rows = nullptr;
  // Dot only, optional: the same tile over rows made of runs (above), and what len must divide.
  GemmDotRunsKernelF32 runs = nullptr;
  int run_multiple = 1;
  // Broadcast only, optional: in_place[r] computes an r x nr tile (0 < r <= mr) with B read in
  // place, which the stride-1 convolution's product (conv_gemm.h) then does from the padded
  // image instead of copying B's rows into a panel: natively faster (small CNN training +7 %
  // for whole rows, +3 % more for two 8-wide rows in halves); in WebAssembly a gather kernel was
  // 25 % slower than the copy.
  const GemmInPlaceKernelF32* in_place = nullptr;
};

// The variants compiled into this build, fastest first within each kind (scalar ones always).
const std::vector<GemmVariantF32>& GemmVariantsF32();

// What kernels::Gemm<float> uses: a broadcast variant for every product (of those listed, the
// one whose tile height wastes least on the product's m, weighed by speed), and a dot variant
// for A * B^T when it has one. None: Gemm<float> uses Eigen (native builds).
// `conv`: the broadcast variants the stride-1 convolution's product (conv_gemm.h) picks from in
// the same way; WebAssembly: the same as `broadcast`; native: the AVX-512 ones where compiled.
// `conv_weights`: the dot variant whose runs kernel makes the convolution's weights' gradient
// (conv_gemm.h); WebAssembly: `dot`; native: none (im2col + Eigen measured faster than a 4x4
// AVX-512 dot kernel reading the image). `conv_weights_runs`: natively on AVX-512, the tiles
// that make it transposed instead. `conv_winograd`: whether the stride-1 5x5 convolution's
// product goes through Winograd's F(2, 5) (conv_winograd.h) where it fits; WebAssembly only.
struct GemmChoiceF32 {
  std::vector<const GemmVariantF32*> broadcast;
  const GemmVariantF32* dot = nullptr;
  std::vector<const GemmVariantF32*> conv;
  const GemmVariantF32* conv_weights = nullptr;
  const GemmRunsTilesF32* conv_weights_runs = nullptr;
  bool conv_winograd = false;
  const GemmVariantF32* BroadcastFor(int m) const { return FittestFor(broadcast, m); }
  const GemmVariantF32* ConvFor(int m) const { return FittestFor(conv, m); }
  static const GemmVariantF32* FittestFor(const std::vector<const GemmVariantF32*>& variants, int m);
};
const GemmChoiceF32& GemmChosenF32();

// C = alpha * op(A) * op(B) + beta * C through `broadcast` (and `dot` for A * B^T, if given):
// same contract as kernels::Gemm. Packing buffers are per thread and grow only when a larger
// product needs them.
void GemmMicroF32(const GemmVariantF32& broadcast, const GemmVariantF32* dot, bool trans_a, bool trans_b,
                  int m, int n, int k, float alpha, const float* a, int lda, const float* b, int ldb,
                  float beta, float* c, int ldc);

// The largest tile (mr * nr) a variant may have: drivers keep a scratch tile of this size.
constexpr int kMaxTileF32 = 10 * 16;

// C = alpha * A * B^T + beta * C through a dot variant's runs kernel, B's rows given as runs
// (GemmDotRunsKernelF32): blocked as GemmMicroF32 blocks A * B^T, so where each k block is whole
// runs (DotBlockKF32(k) % len == 0) the sums are the same, bit for bit.
void GemmDotRunsF32(const GemmVariantF32& dot, int m, int n, int count, int len, float alpha, const float* a, int lda,
                    const float* b, const int* b_rows, int b_run_stride, float beta, float* c, int ldc);

// Driver pieces that the convolution's products (conv_gemm.h) share:
// the length of the k blocks the broadcast and the dot driver sum one after another (so that a
// product made another way adds in the same order, bit for bit);
int BroadcastBlockKF32(int k);
int DotBlockKF32(int k);
// packs a row-major (m, k) matrix into ceil(m/mr) zero-padded panels of (k, mr), panel after panel;
void PackRowPanelsF32(const float* a, int lda, int m, int k, int mr, float* out);
// writes the valid rows x cols of a scratch tile (row stride nr) into C, element (i, j) at
// c[i * rs + j * cs]: C = alpha * tile + beta * C, beta == 0 not reading C.
void MergeTileF32(const float* tile, int nr, int rows, int cols, float alpha, float beta, float* c, size_t rs, size_t cs);

// ---- micro-kernels (one file per instruction set) --------------------------------------------------
void gemm_f32_4x4_scalar(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                         float alpha, float beta);
void gemm_nt_f32_2x2_scalar(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                            float alpha, float beta);
void gemm_nt_f32_2x2_scalar_runs(int count, int len, const float* a, int a_stride, const float* b, const int* b_rows,
                                 int b_run_stride, float* c, int ldc, float alpha, float beta);
extern const GemmMicroKernelF32 gemm_f32_rows_x4_scalar[4];  // [r]: r x 4, r = 1..3
#ifdef __wasm_simd128__
extern const GemmMicroKernelF32 gemm_f32_rows_x8_wasmsimd[6];  // [r]: r x 8, r = 1..5
void gemm_f32_6x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta);
void gemm_f32_5x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta);
void gemm_f32_4x8_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta);
void gemm_nt_f32_2x5_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                              float alpha, float beta);
void gemm_nt_f32_2x4_wasmsimd(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                              float alpha, float beta);
void gemm_nt_f32_2x4_wasmsimd_runs(int count, int len, const float* a, int a_stride, const float* b, const int* b_rows,
                                   int b_run_stride, float* c, int ldc, float alpha, float beta);
#endif
#ifdef __AVX512F__
extern const GemmMicroKernelF32 gemm_f32_rows_x16_avx512[10];  // [r]: r x 16, r = 1..9
extern const GemmInPlaceKernelF32 gemm_f32_in_place_x16_avx512[11];  // [r]: r x 16, r = 1..10
void gemm_f32_8x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                          float alpha, float beta);
void gemm_f32_10x16_avx512(int k, const float* a, int a_stride, const float* b, int b_stride, float* c, int ldc,
                           float alpha, float beta);
extern const GemmRunsTilesF32 gemm_f32_runs_10xW_avx512;
#endif

}  // namespace gradlab::kernels
