#include "kernels/im2col.h"

namespace gradlab::kernels {

template <typename T>
void Im2Col(const ConvGeometry& g, const T* image, T* cols) {
  const int oh = g.out_height(), ow = g.out_width();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) {
        T* row = cols + ((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        for (int oy = 0; oy < oh; ++oy) {
          const int iy = oy * g.stride - g.padding + ky;
          T* out = row + oy * ow;
          if (iy < 0 || iy >= g.height) {
            for (int ox = 0; ox < ow; ++ox) out[ox] = T(0);
            continue;
          }
          const T* in = image + (c * g.height + iy) * g.width;
          for (int ox = 0; ox < ow; ++ox) {
            const int ix = ox * g.stride - g.padding + kx;
            out[ox] = (ix >= 0 && ix < g.width) ? in[ix] : T(0);
          }
        }
      }
}

template <typename T>
void Col2Im(const ConvGeometry& g, const T* cols, T* image) {
  const int oh = g.out_height(), ow = g.out_width();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) {
        const T* row = cols + ((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        for (int oy = 0; oy < oh; ++oy) {
          const int iy = oy * g.stride - g.padding + ky;
          if (iy < 0 || iy >= g.height) continue;
          T* in = image + (c * g.height + iy) * g.width;
          const T* src = row + oy * ow;
          for (int ox = 0; ox < ow; ++ox) {
            const int ix = ox * g.stride - g.padding + kx;
            if (ix >= 0 && ix < g.width) in[ix] += src[ox];
          }
        }
      }
}

template void Im2Col<float>(const ConvGeometry&, const float*, float*);
template void Im2Col<double>(const ConvGeometry&, const double*, double*);
template void Col2Im<float>(const ConvGeometry&, const float*, float*);
template void Col2Im<double>(const ConvGeometry&, const double*, double*);

}  // namespace gradlab::kernels
