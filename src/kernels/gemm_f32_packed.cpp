// The packed f32 GEMM driver: blocks the product so that a packed A block stays in L2 and a
// packed B panel in L1, packs op(A) into (k, MR) panels and op(B) into (k, NR) panels (which is
// where the transposes are absorbed), and hands full tiles to a micro-kernel. Edge tiles (fewer
// than MR rows or NR columns left) are computed into a scratch tile and merged, so micro-kernels
// never see a partial tile. Instruction-set free: the micro-kernels live in their own files.
//
// Loop order (GotoBLAS / BLIS):  jc (NC columns of C) -> pc (KC of k) -> ic (MC rows of C)
//   -> jr (one B panel, NR columns) -> ir (one A panel, MR rows) -> micro-kernel (kc long).
// When n is small next to MR/NR and m is not (Linear's forward: 32 x 10), the product is
// computed transposed, C^T = op(B)^T op(A)^T, which wastes fewer padded lanes.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

constexpr int kBlockK = 256;   // KC: a (KC, NR) B panel is 8 KB for NR = 8
constexpr int kBlockM = 120;   // MC: a (MC, KC) A block is 120 KB (a multiple of 4 and 6 rows)
constexpr int kBlockN = 512;   // NC: a (KC, NC) B block is 512 KB
constexpr int kMaxTile = 8 * 16;

// An operand as stored: element (row, col) of op(X) is at x[row*ld + col], or x[col*ld + row]
// when trans.
struct Operand {
  const float* x;
  int ld;
  bool trans;
};

int RoundUp(int v, int to) { return (v + to - 1) / to * to; }

// Splits `total` into equal blocks of at most `limit` (300 -> 150 + 150, not 256 + 44).
int BalancedBlock(int total, int limit) {
  const int blocks = (total + limit - 1) / limit;
  return (total + blocks - 1) / blocks;
}

// Packing buffers, reused by every call on this thread; aligned to 64 bytes.
struct Workspace {
  std::vector<float> a, b;
  static float* Aligned(std::vector<float>& v, size_t floats) {
    if (v.size() < floats + 16) v.resize(floats + 16);
    const uintptr_t p = reinterpret_cast<uintptr_t>(v.data());
    return reinterpret_cast<float*>((p + 63) & ~uintptr_t(63));
  }
};
thread_local Workspace workspace;

// Packs rows [i0, i0+mc) and columns [p0, p0+kc) of op(A) into ceil(mc/mr) panels of (kc, mr).
void PackA(const Operand& A, int i0, int mc, int p0, int kc, int mr, float* out) {
  for (int ir = 0; ir < mc; ir += mr) {
    const int rows = std::min(mr, mc - ir);
    float* dst = out + static_cast<size_t>(ir) * kc;
    if (A.trans) {  // stored (k, m): the panel's values for one p are contiguous
      for (int p = 0; p < kc; ++p) {
        const float* src = A.x + static_cast<size_t>(p0 + p) * A.ld + i0 + ir;
        float* d = dst + p * mr;
        for (int i = 0; i < rows; ++i) d[i] = src[i];
        for (int i = rows; i < mr; ++i) d[i] = 0.0f;
      }
    } else {  // stored (m, k): read each row once, write it down the panel's column
      for (int i = 0; i < rows; ++i) {
        const float* src = A.x + static_cast<size_t>(i0 + ir + i) * A.ld + p0;
        for (int p = 0; p < kc; ++p) dst[p * mr + i] = src[p];
      }
      for (int i = rows; i < mr; ++i)
        for (int p = 0; p < kc; ++p) dst[p * mr + i] = 0.0f;
    }
  }
}

// Packs rows [p0, p0+kc) and columns [j0, j0+nc) of op(B) into ceil(nc/nr) panels of (kc, nr).
void PackB(const Operand& B, int p0, int kc, int j0, int nc, int nr, float* out) {
  for (int jr = 0; jr < nc; jr += nr) {
    const int cols = std::min(nr, nc - jr);
    float* dst = out + static_cast<size_t>(jr) * kc;
    if (!B.trans) {  // stored (k, n): one p's nr values are contiguous
      for (int p = 0; p < kc; ++p) {
        const float* src = B.x + static_cast<size_t>(p0 + p) * B.ld + j0 + jr;
        float* d = dst + p * nr;
        for (int j = 0; j < cols; ++j) d[j] = src[j];
        for (int j = cols; j < nr; ++j) d[j] = 0.0f;
      }
    } else {  // stored (n, k)
      for (int j = 0; j < cols; ++j) {
        const float* src = B.x + static_cast<size_t>(j0 + jr + j) * B.ld + p0;
        for (int p = 0; p < kc; ++p) dst[p * nr + j] = src[p];
      }
      for (int j = cols; j < nr; ++j)
        for (int p = 0; p < kc; ++p) dst[p * nr + j] = 0.0f;
    }
  }
}

// C = beta * C, with beta == 0 writing zeros (C may hold garbage).
void ScaleC(int m, int n, float beta, float* c, int ldc) {
  for (int i = 0; i < m; ++i) {
    float* row = c + static_cast<size_t>(i) * ldc;
    if (beta == 0.0f) std::fill(row, row + n, 0.0f);
    else if (beta != 1.0f)
      for (int j = 0; j < n; ++j) row[j] *= beta;
  }
}

}  // namespace

void GemmPackedF32(const GemmVariantF32& variant, bool trans_a, bool trans_b, int m, int n, int k,
                   float alpha, const float* a, int lda, const float* b, int ldb, float beta,
                   float* c, int ldc) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) return ScaleC(m, n, beta, c, ldc);
  const int mr = variant.mr, nr = variant.nr;

  // C element (i, j) is at c[i*rs + j*cs]. Transposed, rows of the product are columns of C.
  Operand A{a, lda, trans_a}, B{b, ldb, trans_b};
  size_t rs = static_cast<size_t>(ldc), cs = 1;
  const long padded = static_cast<long>(RoundUp(m, mr)) * RoundUp(n, nr);
  const long padded_transposed = static_cast<long>(RoundUp(n, mr)) * RoundUp(m, nr);
  if (padded_transposed * 5 < padded * 4) {  // worth the scratch-tile stores only if 20% less work
    A = Operand{b, ldb, !trans_b};  // op(B)^T
    B = Operand{a, lda, !trans_a};  // op(A)^T
    std::swap(m, n);
    std::swap(rs, cs);
  }

  const int block_k = BalancedBlock(k, kBlockK);
  const int block_n = BalancedBlock(n, kBlockN);
  const int block_m = RoundUp(BalancedBlock(m, kBlockM / mr * mr), mr);
  float* a_pack = Workspace::Aligned(workspace.a, static_cast<size_t>(RoundUp(std::min(m, block_m), mr)) * block_k);
  float* b_pack = Workspace::Aligned(workspace.b, static_cast<size_t>(RoundUp(std::min(n, block_n), nr)) * block_k);
  alignas(64) float tile[kMaxTile];

  for (int jc = 0; jc < n; jc += block_n) {
    const int nc = std::min(block_n, n - jc);
    for (int pc = 0; pc < k; pc += block_k) {
      const int kc = std::min(block_k, k - pc);
      const float beta_block = pc == 0 ? beta : 1.0f;  // later k blocks add to what is there
      PackB(B, pc, kc, jc, nc, nr, b_pack);
      for (int ic = 0; ic < m; ic += block_m) {
        const int mc = std::min(block_m, m - ic);
        PackA(A, ic, mc, pc, kc, mr, a_pack);
        for (int jr = 0; jr < nc; jr += nr) {
          const int cols = std::min(nr, nc - jr);
          const float* bp = b_pack + static_cast<size_t>(jr) * kc;
          for (int ir = 0; ir < mc; ir += mr) {
            const int rows = std::min(mr, mc - ir);
            const float* ap = a_pack + static_cast<size_t>(ir) * kc;
            float* ct = c + (ic + ir) * rs + (jc + jr) * cs;
            if (rows == mr && cols == nr && cs == 1) {
              variant.kernel(kc, ap, bp, ct, static_cast<int>(rs), alpha, beta_block);
              continue;
            }
            variant.kernel(kc, ap, bp, tile, nr, 1.0f, 0.0f);
            for (int i = 0; i < rows; ++i)
              for (int j = 0; j < cols; ++j) {
                float& out = ct[i * rs + j * cs];
                out = alpha * tile[i * nr + j] + (beta_block == 0.0f ? 0.0f : beta_block * out);
              }
          }
        }
      }
    }
  }
}

}  // namespace gradlab::kernels
