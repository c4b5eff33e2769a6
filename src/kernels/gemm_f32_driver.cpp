// The GEMM driver around the micro-kernels of gemm_f32.h. Instruction-set free.
//
// Broadcast kernels (any transposes). Loop order as in GotoBLAS / BLIS:
//   jc (NC columns of C) -> pc (KC of k) -> ic (MC rows of C) -> jr (an NR-wide B panel)
//   -> ir (an MR-tall A panel) -> micro-kernel (kc long),
// so an A block stays in L2 and a B panel in L1 (for small k, jr and ir swap: see below). A
// panel is read in place when A is stored transposed (a (k, m) matrix already is a (k, MR)
// panel with stride lda), a B panel when B is stored as is and few A panels read it; otherwise,
// and for the partial panels at the edges, they are packed (zero
// padded) into per-thread buffers. Edge tiles are computed into a scratch tile and merged, so
// micro-kernels only ever see whole tiles, except for the last rows of whole columns, which go
// to the variant's edge_rows kernels when it has them. When n is small next to NR and m is not, the
// product is computed transposed, C^T = op(B)^T op(A)^T, which wastes fewer padded lanes.
//
// Dot kernels (A * B^T only): jc (NC rows of B) -> pc (KC of k) -> ir (MR rows of A) -> jr (NR
// rows of B), reading both in place; the rows of a partial tile are copied to a zero-padded
// scratch panel first. GemmDotRunsF32 is the same loop with B's rows given as runs.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernels/gemm_f32.h"

namespace gradlab::kernels {

namespace {

constexpr int kBlockK = 256;     // KC: a (KC, NR) B panel is 8 KB for NR = 8
constexpr int kBlockM = 120;     // MC: a (MC, KC) A block is 120 KB
constexpr int kBlockN = 512;     // NC: a (KC, NC) B block is 512 KB
constexpr int kDotBlockK = 512;  // dot kernels: MR + NR rows of 2 KB stay in L1
constexpr int kDotBlockN = 240;  // ... and NC rows of B (480 KB) in L2
constexpr int kMaxInPlaceReuse = 4;  // A panels that may read one B panel in place
constexpr int kSmallK = 32;          // up to this kc, C is swept row panel by row panel

// An operand as stored: element (row, col) of op(X) is x[row * ld + col], or x[col * ld + row]
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

// Packs rows [i0, i0+mc) and columns [p0, p0+kc) of op(A) into ceil(mc/mr) panels of (kc, mr),
// or, with edge_only, only the last panel when it is partial.
void PackA(const Operand& A, int i0, int mc, int p0, int kc, int mr, bool edge_only, float* out) {
  for (int ir = edge_only ? mc / mr * mr : 0; ir < mc; ir += mr) {
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

// Packs rows [p0, p0+kc) and columns [j0, j0+nc) of op(B) into ceil(nc/nr) panels of (kc, nr),
// or, with edge_only, only the last panel when it is partial.
void PackB(const Operand& B, int p0, int kc, int j0, int nc, int nr, bool edge_only, float* out) {
  const int full = nc / nr * nr;
  if (!B.trans && !edge_only) {
    // Whole panels two rows of B at a time, so that B is read in order rather than a column of
    // strided 32-byte pieces per panel (bench --gemm: MLP dX 43 -> 50 GFLOP/s), and each
    // 64-byte line of a panel is written whole at once: panels are nr * kc floats apart, so
    // with one row at a time a line is evicted before its second half comes.
    int p = 0;
    for (; p + 2 <= kc; p += 2) {
      const float* src = B.x + static_cast<size_t>(p0 + p) * B.ld + j0;
      float* d = out + p * nr;
      for (int jr = 0; jr < full; jr += nr, d += static_cast<size_t>(nr) * kc) {
        if (nr == 8) {  // constant sizes: v128 copies
          std::memcpy(d, src + jr, 8 * sizeof(float));
          std::memcpy(d + 8, src + B.ld + jr, 8 * sizeof(float));
        } else {
          std::memcpy(d, src + jr, nr * sizeof(float));
          std::memcpy(d + nr, src + B.ld + jr, nr * sizeof(float));
        }
      }
    }
    for (; p < kc; ++p) {
      const float* src = B.x + static_cast<size_t>(p0 + p) * B.ld + j0;
      float* d = out + p * nr;
      for (int jr = 0; jr < full; jr += nr, d += static_cast<size_t>(nr) * kc) std::memcpy(d, src + jr, nr * sizeof(float));
    }
    edge_only = true;  // the partial panel, if any, below
  }
  for (int jr = edge_only ? full : 0; jr < nc; jr += nr) {
    const int cols = std::min(nr, nc - jr);
    float* dst = out + static_cast<size_t>(jr) * kc;
    if (!B.trans) {  // stored (k, n): one p's nr values are contiguous
      for (int p = 0; p < kc; ++p) {
        const float* src = B.x + static_cast<size_t>(p0 + p) * B.ld + j0 + jr;
        float* d = dst + p * nr;
        for (int j = 0; j < cols; ++j) d[j] = src[j];
        for (int j = cols; j < nr; ++j) d[j] = 0.0f;
      }
    } else {  // stored (n, k); four p at a time so that each source row is read in runs
      int p = 0;
      for (; p + 4 <= kc; p += 4) {
        float* d = dst + p * nr;
        for (int j = 0; j < cols; ++j) {
          const float* src = B.x + static_cast<size_t>(j0 + jr + j) * B.ld + p0 + p;
          d[j] = src[0];
          d[nr + j] = src[1];
          d[2 * nr + j] = src[2];
          d[3 * nr + j] = src[3];
        }
        for (int j = cols; j < nr; ++j) d[j] = d[nr + j] = d[2 * nr + j] = d[3 * nr + j] = 0.0f;
      }
      for (; p < kc; ++p) {
        float* d = dst + p * nr;
        for (int j = 0; j < cols; ++j) d[j] = B.x[static_cast<size_t>(j0 + jr + j) * B.ld + p0 + p];
        for (int j = cols; j < nr; ++j) d[j] = 0.0f;
      }
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

void GemmBroadcast(const GemmVariantF32& v, Operand A, Operand B, int m, int n, int k, float alpha, float beta,
                   float* c, int ldc) {
  const int mr = v.mr, nr = v.nr;
  // C element (i, j) is at c[i*rs + j*cs]. Transposed, rows of the product are columns of C.
  size_t rs = static_cast<size_t>(ldc), cs = 1;
  const long padded = static_cast<long>(RoundUp(m, mr)) * RoundUp(n, nr);
  const long padded_transposed = static_cast<long>(RoundUp(n, mr)) * RoundUp(m, nr);
  if (padded_transposed * 5 < padded * 4) {  // worth the scratch-tile stores only if 20% less work
    const Operand a_t{B.x, B.ld, !B.trans};  // op(B)^T
    B = Operand{A.x, A.ld, !A.trans};        // op(A)^T
    A = a_t;
    std::swap(m, n);
    std::swap(rs, cs);
  }
  // A B panel read in place is slow when B's rows are a multiple of 4 KB apart (n = 1024, 3072:
  // its kc rows fall into one L1 set and evict each other) or when many A panels read it, so
  // it is packed then; otherwise packing costs more than it saves (bench --gemm: MLP dW 36 ->
  // 45 GFLOP/s, conv1 dcols 29 -> 42, conv1 forward 38 -> 44; conv2/conv3 forward, 4 A panels
  // and rows 1 KB and 256 B apart, lose 5% when packed).
  const bool b_aliases = B.ld % 1024 == 0;
  const bool a_in_place = A.trans, b_in_place = !B.trans && !b_aliases && (m + mr - 1) / mr <= kMaxInPlaceReuse;

  const int block_k = BroadcastBlockKF32(k);
  const int block_n = RoundUp(BalancedBlock(n, kBlockN), nr);
  const int block_m = RoundUp(BalancedBlock(m, kBlockM / mr * mr), mr);
  float* a_pack = Workspace::Aligned(workspace.a, static_cast<size_t>(RoundUp(std::min(m, block_m), mr)) * block_k);
  float* b_pack = Workspace::Aligned(workspace.b, static_cast<size_t>(RoundUp(std::min(n, block_n), nr)) * block_k);
  alignas(64) float tile[kMaxTileF32];

  for (int jc = 0; jc < n; jc += block_n) {
    const int nc = std::min(block_n, n - jc);
    for (int pc = 0; pc < k; pc += block_k) {
      const int kc = std::min(block_k, k - pc);
      const float beta_block = pc == 0 ? beta : 1.0f;  // later k blocks add to what is there
      PackB(B, pc, kc, jc, nc, nr, b_in_place, b_pack);
      for (int ic = 0; ic < m; ic += block_m) {
        const int mc = std::min(block_m, m - ic);
        PackA(A, ic, mc, pc, kc, mr, a_in_place, a_pack);
        // Small k: the A block and the B panels all fit in L1, and sweeping C row panel by row
        // panel (ir outer) writes it in runs rather than in columns of tiles whose rows, a
        // multiple of 4 KB apart, share an L1 set (bench --gemm: linear dX 26 -> 32 GFLOP/s).
        const bool ir_outer = kc <= kSmallK;
        const int tiles_j = (nc + nr - 1) / nr, tiles_i = (mc + mr - 1) / mr;
        // One loop for both orders, stepping the tile indices without a division per tile (a
        // WebAssembly division takes tens of cycles; a 6x8 tile of k = 10 about seventy).
        for (int t = 0, jt = 0, it = 0; t < tiles_j * tiles_i; ++t) {
          const int jr = jt * nr, ir = it * mr;
          if (ir_outer) {
            if (++jt == tiles_j) jt = 0, ++it;
          } else if (++it == tiles_i) {
            it = 0, ++jt;
          }
          const int cols = std::min(nr, nc - jr);
          const bool b_direct = b_in_place && cols == nr;
          const float* bp = b_direct ? B.x + static_cast<size_t>(pc) * B.ld + jc + jr : b_pack + static_cast<size_t>(jr) * kc;
          const int b_stride = b_direct ? B.ld : nr;
          const int rows = std::min(mr, mc - ir);
          const bool a_direct = a_in_place && rows == mr;
          const float* ap = a_direct ? A.x + static_cast<size_t>(pc) * A.ld + ic + ir : a_pack + static_cast<size_t>(ir) * kc;
          const int a_stride = a_direct ? A.ld : mr;
          float* ct = c + (ic + ir) * rs + (jc + jr) * cs;
          if (rows == mr && cols == nr && cs == 1) {
            v.kernel(kc, ap, a_stride, bp, b_stride, ct, static_cast<int>(rs), alpha, beta_block);
          } else if (cols == nr && cs == 1 && v.edge_rows) {  // the last rows, straight into C
            v.edge_rows[rows](kc, ap, a_stride, bp, b_stride, ct, static_cast<int>(rs), alpha, beta_block);
          } else {
            v.kernel(kc, ap, a_stride, bp, b_stride, tile, nr, 1.0f, 0.0f);
            MergeTileF32(tile, nr, rows, cols, alpha, beta_block, ct, rs, cs);
          }
        }
      }
    }
  }
}

// Copies `rows` rows of kc values (stride ld) into a (count, kc) panel, zero rows after them.
void CopyRows(const float* x, size_t ld, int rows, int count, int kc, float* out) {
  for (int r = 0; r < count; ++r) {
    float* d = out + static_cast<size_t>(r) * kc;
    if (r < rows) std::memcpy(d, x + r * ld, sizeof(float) * kc);
    else std::fill(d, d + kc, 0.0f);
  }
}

// A dot tile's rows of A, [ir, ir + mr) from column pc on: in place, or when fewer than mr are
// left, copied with zero rows after them into `edge`. Sets *stride to the rows' stride.
const float* DotRowsOfA(const float* a, int lda, int m, int ir, int mr, int pc, int kc, float* edge, int* stride) {
  const float* rows = a + static_cast<size_t>(ir) * lda + pc;
  *stride = lda;
  if (m - ir >= mr) return rows;
  CopyRows(rows, lda, m - ir, mr, kc, edge);
  *stride = kc;
  return edge;
}

// C = alpha * A * B^T + beta * C with A (m, k) and B (n, k) as stored.
void GemmDot(const GemmVariantF32& v, const float* a, int lda, const float* b, int ldb, int m, int n, int k,
             float alpha, float beta, float* c, int ldc) {
  const int mr = v.mr, nr = v.nr;
  const int block_k = DotBlockKF32(k);
  const int block_n = RoundUp(BalancedBlock(n, kDotBlockN), nr);
  float* a_edge = Workspace::Aligned(workspace.a, static_cast<size_t>(mr) * block_k);
  float* b_edge = Workspace::Aligned(workspace.b, static_cast<size_t>(nr) * block_k);
  alignas(64) float tile[kMaxTileF32];
  for (int jc = 0; jc < n; jc += block_n) {
    const int nc = std::min(block_n, n - jc);
    const int full_nc = nc / nr * nr;
    for (int pc = 0; pc < k; pc += block_k) {
      const int kc = std::min(block_k, k - pc);
      const float beta_block = pc == 0 ? beta : 1.0f;
      if (full_nc < nc) CopyRows(b + static_cast<size_t>(jc + full_nc) * ldb + pc, ldb, nc - full_nc, nr, kc, b_edge);
      for (int ir = 0; ir < m; ir += mr) {
        const int rows = std::min(mr, m - ir);
        int a_stride;
        const float* ap = DotRowsOfA(a, lda, m, ir, mr, pc, kc, a_edge, &a_stride);
        for (int jr = 0; jr < nc; jr += nr) {
          const int cols = std::min(nr, nc - jr);
          const float* bp = cols == nr ? b + static_cast<size_t>(jc + jr) * ldb + pc : b_edge;
          const int b_stride = cols == nr ? ldb : kc;
          float* ct = c + static_cast<size_t>(ir) * ldc + jc + jr;
          if (rows == mr && cols == nr) {
            v.kernel(kc, ap, a_stride, bp, b_stride, ct, ldc, alpha, beta_block);
          } else {
            v.kernel(kc, ap, a_stride, bp, b_stride, tile, nr, 1.0f, 0.0f);
            MergeTileF32(tile, nr, rows, cols, alpha, beta_block, ct, static_cast<size_t>(ldc), 1);
          }
        }
      }
    }
  }
}

}  // namespace

void GemmDotRunsF32(const GemmVariantF32& v, int m, int n, int count, int len, float alpha, const float* a, int lda,
                    const float* b, const int* b_rows, int b_run_stride, float beta, float* c, int ldc) {
  const int k = count * len;
  if (m <= 0 || n <= 0) return;
  if (k <= 0) return ScaleC(m, n, beta, c, ldc);
  const int mr = v.mr, nr = v.nr;
  // GemmDot's blocks, as whole runs where they can be (then the sums are GemmDot's).
  const int block_runs = std::max(1, DotBlockKF32(k) / len);
  const int block_n = RoundUp(BalancedBlock(n, kDotBlockN), nr);
  float* a_edge = Workspace::Aligned(workspace.a, static_cast<size_t>(mr) * block_runs * len);
  alignas(64) float tile[kMaxTileF32];
  int edge_rows[kMaxTileF32];  // a partial tile's B rows: the missing ones repeat its first
  for (int jc = 0; jc < n; jc += block_n) {
    const int nc = std::min(block_n, n - jc);
    for (int sc = 0; sc < count; sc += block_runs) {
      const int runs = std::min(block_runs, count - sc), kc = runs * len;
      const float beta_block = sc == 0 ? beta : 1.0f;
      const float* bc = b + static_cast<size_t>(sc) * b_run_stride;
      for (int ir = 0; ir < m; ir += mr) {
        const int rows = std::min(mr, m - ir);
        int a_stride;
        const float* ap = DotRowsOfA(a, lda, m, ir, mr, sc * len, kc, a_edge, &a_stride);
        for (int jr = 0; jr < nc; jr += nr) {
          const int cols = std::min(nr, nc - jr);
          const int* rows_j = b_rows + jc + jr;
          float* ct = c + static_cast<size_t>(ir) * ldc + jc + jr;
          if (rows == mr && cols == nr) {
            v.runs(runs, len, ap, a_stride, bc, rows_j, b_run_stride, ct, ldc, alpha, beta_block);
          } else {
            for (int j = 0; j < nr; ++j) edge_rows[j] = rows_j[j < cols ? j : 0];
            v.runs(runs, len, ap, a_stride, bc, edge_rows, b_run_stride, tile, nr, 1.0f, 0.0f);
            MergeTileF32(tile, nr, rows, cols, alpha, beta_block, ct, static_cast<size_t>(ldc), 1);
          }
        }
      }
    }
  }
}

int BroadcastBlockKF32(int k) { return BalancedBlock(k, kBlockK); }
int DotBlockKF32(int k) { return BalancedBlock(k, kDotBlockK); }

void PackRowPanelsF32(const float* a, int lda, int m, int k, int mr, float* out) {
  PackA(Operand{a, lda, false}, 0, m, 0, k, mr, false, out);
}

void MergeTileF32(const float* tile, int nr, int rows, int cols, float alpha, float beta, float* c, size_t rs, size_t cs) {
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      float& out = c[i * rs + j * cs];
      out = alpha * tile[i * nr + j] + (beta == 0.0f ? 0.0f : beta * out);
    }
}

void GemmMicroF32(const GemmVariantF32& broadcast, const GemmVariantF32* dot, bool trans_a, bool trans_b,
                  int m, int n, int k, float alpha, const float* a, int lda, const float* b, int ldb,
                  float beta, float* c, int ldc) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) return ScaleC(m, n, beta, c, ldc);
  if (dot && !trans_a && trans_b) return GemmDot(*dot, a, lda, b, ldb, m, n, k, alpha, beta, c, ldc);
  GemmBroadcast(broadcast, Operand{a, lda, trans_a}, Operand{b, ldb, trans_b}, m, n, k, alpha, beta, c, ldc);
}

}  // namespace gradlab::kernels
