// The one file that picks a GEMM for this build, the Eigen path, the naive reference, and the
// list of packed f32 variants (fastest first) that tests and `gradlab-cli bench` go through.
//   WebAssembly: Eigen runs scalar there (Emscripten 3.1.6 cannot give it SSE), so float goes
//                through the packed GEMM with the SIMD128 micro-kernel measured fastest.
//   native:      Eigen's blocked product with AVX2/AVX-512 (-march=native) is faster than the
//                packed GEMM with f32x4-width kernels, so it stays.
#include "kernels/gemm.h"

#include <Eigen/Core>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

// ---- variants and the choice --------------------------------------------------------------------

const std::vector<GemmVariantF32>& GemmVariantsF32() {
  static const std::vector<GemmVariantF32> variants = {
#ifdef __wasm_simd128__
      {"gemm_f32_6x8_wasmsimd", 6, 8, gemm_f32_6x8_wasmsimd},
      {"gemm_f32_4x8_wasmsimd", 4, 8, gemm_f32_4x8_wasmsimd},
#endif
      {"gemm_f32_4x4_scalar", 4, 4, gemm_f32_4x4_scalar},
  };
  return variants;
}

const GemmVariantF32* GemmChosenVariantF32() {
#ifdef __wasm_simd128__
  return &GemmVariantsF32().front();
#else
  return nullptr;
#endif
}

template <>
void Gemm<float>(bool trans_a, bool trans_b, int m, int n, int k, float alpha, const float* a, int lda,
                 const float* b, int ldb, float beta, float* c, int ldc) {
  if (const GemmVariantF32* v = GemmChosenVariantF32())
    GemmPackedF32(*v, trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  else
    GemmEigen<float>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

template <>
void Gemm<double>(bool trans_a, bool trans_b, int m, int n, int k, double alpha, const double* a, int lda,
                  const double* b, int ldb, double beta, double* c, int ldc) {
  GemmEigen<double>(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
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

template void GemmEigen<float>(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);
template void GemmEigen<double>(bool, bool, int, int, int, double, const double*, int, const double*, int, double, double*, int);
template void GemmReference<float>(bool, bool, int, int, int, float, const float*, int, const float*, int, float, float*, int);
template void GemmReference<double>(bool, bool, int, int, int, double, const double*, int, const double*, int, double, double*, int);

}  // namespace gradlab::kernels
