// The one file that picks a GEMM for this build, the Eigen path, the naive reference, and the
// list of packed f32 variants (fastest first) that tests and `gradlab-cli bench` go through.
//   WebAssembly: Eigen runs scalar there (Emscripten 3.1.6 cannot give it SSE), so float goes
//                through the packed GEMM with the SIMD128 micro-kernel measured fastest.
//   native:      Eigen's blocked product with AVX2/AVX-512 (-march=native) is faster than the
//                packed GEMM with f32x4-width kernels, so it stays; on AVX-512 the stride-1
//                convolution's product, which skips im2col, uses the 16-wide kernels instead.
#include "kernels/gemm.h"

#include <type_traits>

#include <Eigen/Core>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

// ---- variants and the choice --------------------------------------------------------------------

const std::vector<GemmVariantF32>& GemmVariantsF32() {
  using K = GemmKindF32;
  // speed: GFLOP/s of the micro-kernel alone measured with `gradlab-cli bench --gemm` (Node.js 20 or native,
  // AMD EPYC); only the ratios between tiles of one kind matter.
  static const std::vector<GemmVariantF32> variants = {
#ifdef __wasm_simd128__
      {"gemm_f32_6x8_wasmsimd", K::kBroadcast, 6, 8, gemm_f32_6x8_wasmsimd, 45, gemm_f32_rows_x8_wasmsimd},
      {"gemm_f32_5x8_wasmsimd", K::kBroadcast, 5, 8, gemm_f32_5x8_wasmsimd, 38.5f, gemm_f32_rows_x8_wasmsimd},
      {"gemm_f32_4x8_wasmsimd", K::kBroadcast, 4, 8, gemm_f32_4x8_wasmsimd, 33, gemm_f32_rows_x8_wasmsimd},
      {"gemm_nt_f32_2x4_wasmsimd", K::kDot, 2, 4, gemm_nt_f32_2x4_wasmsimd, 48, nullptr, gemm_nt_f32_2x4_wasmsimd_runs, 4},
      {"gemm_nt_f32_2x5_wasmsimd", K::kDot, 2, 5, gemm_nt_f32_2x5_wasmsimd, 19},
#endif
#ifdef __AVX512F__
      {"gemm_f32_10x16_avx512", K::kBroadcast, 10, 16, gemm_f32_10x16_avx512, 175, gemm_f32_rows_x16_avx512, nullptr,
       1, gemm_f32_in_place_x16_avx512},
      {"gemm_f32_8x16_avx512", K::kBroadcast, 8, 16, gemm_f32_8x16_avx512, 165.5f, gemm_f32_rows_x16_avx512, nullptr,
       1, gemm_f32_in_place_x16_avx512},
#endif
      {"gemm_f32_4x4_scalar", K::kBroadcast, 4, 4, gemm_f32_4x4_scalar, 1, gemm_f32_rows_x4_scalar},
      {"gemm_nt_f32_2x2_scalar", K::kDot, 2, 2, gemm_nt_f32_2x2_scalar, 1, nullptr, gemm_nt_f32_2x2_scalar_runs, 1},
  };
  return variants;
}

// Of the broadcast tiles, the one with the least time for m rows at its speed. The rows below the
// last whole tile cost a tile of their own where the variant has no edge_rows kernels, and their
// number plus one (the B values they load all the same) where it has: m = 20 is 3 tiles of 6 and
// 2 edge rows (bench --gemm: conv2 forward 38.3 -> 40.0 GFLOP/s against 4 tiles of 5).
const GemmVariantF32* GemmChoiceF32::FittestFor(const std::vector<const GemmVariantF32*>& variants, int m) {
  const GemmVariantF32* best = nullptr;
  float best_time = 0;
  for (const GemmVariantF32* v : variants) {
    const int whole = m / v->mr * v->mr, left = m - whole;
    const int rows = whole + (left == 0 ? 0 : v->edge_rows ? left + 1 : v->mr);
    const float time = static_cast<float>(rows) / v->speed;
    if (!best || time < best_time) best = v, best_time = time;
  }
  return best;
}

// WebAssembly: the 6x8, 5x8 broadcast kernels (the fastest of the tiles measured with
// `gradlab-cli bench --gemm`: 4x8, 5x8, 6x8, 8x4, 2x16, 3x16; 4x8 is never picked over them) and,
// for A * B^T, the 2x4 dot kernel, which needs no packing (2x5 would divide more of the models'
// shapes, but V8 runs out of registers for it and it is half as fast). Native: Eigen.
const GemmChoiceF32& GemmChosenF32() {
#if defined(__wasm_simd128__)
  static const GemmChoiceF32 choice = {{&GemmVariantsF32()[0], &GemmVariantsF32()[1]}, &GemmVariantsF32()[3],
                                       {&GemmVariantsF32()[0], &GemmVariantsF32()[1]}, &GemmVariantsF32()[3],
                                       nullptr, true};
#elif defined(__AVX512F__)
  static const GemmChoiceF32 choice = {
      {}, nullptr, {&GemmVariantsF32()[0], &GemmVariantsF32()[1]}, nullptr, &gemm_f32_runs_10xW_avx512};
#else
  static const GemmChoiceF32 choice;
#endif
  return choice;
}

template <typename T>
void Gemm(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
          const T* b, int ldb, T beta, T* c, int ldc) {
  if constexpr (std::is_same_v<T, float>) {
    const GemmChoiceF32& chosen = GemmChosenF32();
    if (!chosen.broadcast.empty())
      return GemmMicroF32(*chosen.BroadcastFor(m), chosen.dot, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
  GemmEigen<T>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

// ---- Eigen ----------------------------------------------------------------------------------------

template <typename T>
using RowMat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using ConstMap = Eigen::Map<const RowMat<T>, 0, Eigen::OuterStride<>>;
template <typename T>
using Map = Eigen::Map<RowMat<T>, 0, Eigen::OuterStride<>>;

template <typename T>
void GemmEigen(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
               const T* b, int ldb, T beta, T* c, int ldc) {
  if (m == 0 || n == 0) return;
  Map<T> C(c, m, n, Eigen::OuterStride<>(ldc));
  if (beta == T(0)) C.setZero();
  else if (beta != T(1)) C *= beta;
  if (k == 0) return;
  // A stored as (m x k), or as (k x m) when transposed; likewise B.
  ConstMap<T> A(a, trans_a ? k : m, trans_a ? m : k, Eigen::OuterStride<>(lda));
  ConstMap<T> B(b, trans_b ? n : k, trans_b ? k : n, Eigen::OuterStride<>(ldb));
  if (!trans_a && !trans_b) C.noalias() += alpha * A * B;
  else if (trans_a && !trans_b) C.noalias() += alpha * A.transpose() * B;
  else if (!trans_a && trans_b) C.noalias() += alpha * A * B.transpose();
  else C.noalias() += alpha * A.transpose() * B.transpose();
}

// ---- the naive reference --------------------------------------------------------------------------

template <typename T>
void GemmReference(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
                   const T* b, int ldb, T beta, T* c, int ldc) {
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      T sum = 0;
      for (int p = 0; p < k; ++p) {
        const T av = trans_a ? a[p * lda + i] : a[i * lda + p];
        const T bv = trans_b ? b[j * ldb + p] : b[p * ldb + j];
        sum += av * bv;
      }
      T& out = c[i * ldc + j];
      out = alpha * sum + (beta == T(0) ? T(0) : beta * out);
    }
}

template void Gemm<float>(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);
template void Gemm<double>(bool, bool, int, int, int, double, const double*, int, const double*, int, double, double*, int);
template void GemmEigen<float>(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);
template void GemmEigen<double>(bool, bool, int, int, int, double, const double*, int, const double*, int, double, double*, int);
template void GemmReference<float>(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);
template void GemmReference<double>(bool, bool, int, int, int, double, const double*, int, const double*, int, double, double*, int);

}  // namespace gradlab::kernels
