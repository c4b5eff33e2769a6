// gemm_f32_4x4_scalar: the portable micro-kernel. Every build has it, so the packing and the
// edge handling of the driver are tested natively too (the WebAssembly kernels only run there).
// a is a packed (k, 4) A panel, b a packed (k, 4) B panel, c a 4x4 tile with rows ldc apart.
#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

void gemm_f32_4x4_scalar(int k, const float* a, const float* b, float* c, int ldc, float alpha, float beta) {
  float acc[4][4] = {};
  for (int p = 0; p < k; ++p, a += 4, b += 4)
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) acc[i][j] += a[i] * b[j];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) {
      float& out = c[i * ldc + j];
      out = alpha * acc[i][j] + (beta == 0.0f ? 0.0f : beta * out);
    }
}

}  // namespace gradlab::kernels
