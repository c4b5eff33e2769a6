#include "kernels/maxpool.h"

#include <algorithm>

namespace gradlab::kernels {

namespace {

// 2x2 windows at stride 2 on even planes: each input belongs to exactly one window, so the
// backward pass writes every dx element once and needs no zeroing first.
bool IsTwoByTwo(const PoolGeometry& g) {
  return g.kernel == 2 && g.stride == 2 && g.height % 2 == 0 && g.width % 2 == 0;
}

}  // namespace

template <typename T>
void MaxPool(const PoolGeometry& g, const T* x, T* y, int* argmax) {
  if (!IsTwoByTwo(g)) return MaxPoolReference(g, x, y, argmax);
  const int w = g.width, oh = g.out_height(), ow = g.out_width();
  const long in_plane = static_cast<long>(g.height) * w, out_plane = static_cast<long>(oh) * ow;
  for (int p = 0; p < g.planes; ++p)
    for (int oy = 0; oy < oh; ++oy) {
      const T* top = x + p * in_plane + 2 * oy * w;
      const T* bottom = top + w;
      T* out = y + p * out_plane + oy * ow;
      int* arg = argmax + p * out_plane + oy * ow;
      const int row = 2 * oy * w;
      for (int ox = 0; ox < ow; ++ox) {
        // Same order as the reference: top-left, top-right, bottom-left, bottom-right; strict >.
        T best = top[2 * ox];
        int at = row + 2 * ox;
        if (top[2 * ox + 1] > best) best = top[2 * ox + 1], at = row + 2 * ox + 1;
        if (bottom[2 * ox] > best) best = bottom[2 * ox], at = row + w + 2 * ox;
        if (bottom[2 * ox + 1] > best) best = bottom[2 * ox + 1], at = row + w + 2 * ox + 1;
        out[ox] = best;
        arg[ox] = at;
      }
    }
}

template <typename T>
void MaxPoolBackward(const PoolGeometry& g, const T* dy, const int* argmax, T* dx) {
  if (!IsTwoByTwo(g)) return MaxPoolBackwardReference(g, dy, argmax, dx);
  const int w = g.width, oh = g.out_height(), ow = g.out_width();
  const long in_plane = static_cast<long>(g.height) * w, out_plane = static_cast<long>(oh) * ow;
  for (int p = 0; p < g.planes; ++p) {
    T* d = dx + p * in_plane;
    for (int oy = 0; oy < oh; ++oy) {
      T* top = d + 2 * oy * w;
      std::fill(top, top + 2 * w, T(0));  // both input rows of this output row
      const T* g_row = dy + p * out_plane + oy * ow;
      const int* arg = argmax + p * out_plane + oy * ow;
      for (int ox = 0; ox < ow; ++ox) d[arg[ox]] = g_row[ox];
    }
  }
}

template <typename T>
void MaxPoolReference(const PoolGeometry& g, const T* x, T* y, int* argmax) {
  const int h = g.height, w = g.width, oh = g.out_height(), ow = g.out_width(), s = g.stride;
  for (int plane = 0; plane < g.planes; ++plane) {
    const T* in = x + static_cast<long>(plane) * h * w;
    T* out = y + static_cast<long>(plane) * oh * ow;
    int* arg = argmax + static_cast<long>(plane) * oh * ow;
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox) {
        int best = (oy * s) * w + ox * s;
        for (int ky = 0; ky < g.kernel; ++ky)
          for (int kx = 0; kx < g.kernel; ++kx) {
            const int idx = (oy * s + ky) * w + ox * s + kx;
            if (in[idx] > in[best]) best = idx;
          }
        out[oy * ow + ox] = in[best];
        arg[oy * ow + ox] = best;
      }
  }
}

template <typename T>
void MaxPoolBackwardReference(const PoolGeometry& g, const T* dy, const int* argmax, T* dx) {
  const long in_plane = static_cast<long>(g.height) * g.width, out_plane = static_cast<long>(g.out_height()) * g.out_width();
  std::fill(dx, dx + g.planes * in_plane, T(0));
  for (int plane = 0; plane < g.planes; ++plane) {
    T* d = dx + plane * in_plane;
    const T* grad = dy + plane * out_plane;
    const int* arg = argmax + plane * out_plane;
    for (long i = 0; i < out_plane; ++i) d[arg[i]] += grad[i];
  }
}

template void MaxPool<float>(const PoolGeometry&, const float*, float*, int*);
template void MaxPool<double>(const PoolGeometry&, const double*, double*, int*);
template void MaxPoolBackward<float>(const PoolGeometry&, const float*, const int*, float*);
template void MaxPoolBackward<double>(const PoolGeometry&, const double*, const int*, double*);
template void MaxPoolReference<float>(const PoolGeometry&, const float*, float*, int*);
template void MaxPoolReference<double>(const PoolGeometry&, const double*, double*, int*);
template void MaxPoolBackwardReference<float>(const PoolGeometry&, const float*, const int*, float*);
template void MaxPoolBackwardReference<double>(const PoolGeometry&, const double*, const int*, double*);

}  // namespace gradlab::kernels
