// General matrix multiply, the work-horse of Linear and Conv2d (after im2col).
//   C[M,N] = alpha * op(A)[M,K] * op(B)[K,N] + beta * C      (row-major; op = optional transpose)
// lda/ldb/ldc are row strides of A, B, C as stored. Argument order: sizes, inputs, output.
// GemmReference is the naive triple loop that tests compare every fast path against.
// Gemm picks the fastest path of this build (gemm.cpp): in WebAssembly the packed SIMD128 GEMM
// for float (gemm_f32.h), natively Eigen's blocked product, which uses AVX2/AVX-512; double
// (gradient checks) always goes through Eigen. GemmEigen is that path on its own, for benchmarks.
#pragma once

namespace gradlab::kernels {

template <typename T>
void Gemm(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
          const T* b, int ldb, T beta, T* c, int ldc);

template <typename T>
void GemmEigen(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
               const T* b, int ldb, T beta, T* c, int ldc);

template <typename T>
void GemmReference(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
                   const T* b, int ldb, T beta, T* c, int ldc);

}  // namespace gradlab::kernels
