// General matrix multiply, the work-horse of Linear and Conv2d (after im2col).
//   C[M,N] = alpha * op(A)[M,K] * op(B)[K,N] + beta * C      (row-major; op = optional transpose)
// lda/ldb/ldc are row strides of A, B, C as stored. Argument order: sizes, inputs, output.
// GemmReference is the naive triple loop that tests compare every fast path against.
#pragma once

namespace gradlab::kernels {

template <typename T>
void Gemm(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
          const T* b, int ldb, T beta, T* c, int ldc);

template <typename T>
void GemmReference(bool trans_a, bool trans_b, int m, int n, int k, T alpha, const T* a, int lda,
                   const T* b, int ldb, T beta, T* c, int ldc);

}  // namespace gradlab::kernels
