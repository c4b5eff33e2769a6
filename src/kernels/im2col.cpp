#include "kernels/im2col.h"

#include <algorithm>

namespace gradlab::kernels {

namespace {

// Output positions o in [lo, hi) read inside [0, size): o * stride - padding + offset in range.
struct Run {
  int lo, hi;
};
Run InsideRun(int out, int size, int stride, int padding, int offset) {
  const int shift = padding - offset;  // o * stride >= shift  and  o * stride < size + shift
  const int lo = shift <= 0 ? 0 : (shift + stride - 1) / stride;
  const int end = size + shift;
  const int hi = end <= 0 ? 0 : (end + stride - 1) / stride;
  return {std::min(lo, out), std::clamp(hi, std::min(lo, out), out)};
}

// Zeroes columns [0, run.lo) and [run.hi, ow) of lines [rows.lo, rows.hi) of a cols row: at
// most `padding` columns on each side, so column by column (short loops per line cost more).
template <typename T>
void ZeroWrappedColumns(T* row, int ow, Run rows, Run run) {
  for (int ox = 0; ox < run.lo; ++ox)
    for (int oy = rows.lo; oy < rows.hi; ++oy) row[oy * ow + ox] = T(0);
  for (int ox = run.hi; ox < ow; ++ox)
    for (int oy = rows.lo; oy < rows.hi; ++oy) row[oy * ow + ox] = T(0);
}

}  // namespace

// ---- fast ------------------------------------------------------------------------------------------

template <typename T>
void Im2Col(const ConvGeometry& g, const T* image, T* cols) {
  const int oh = g.out_height(), ow = g.out_width(), s = g.stride;
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky) {
      const Run rows = InsideRun(oh, g.height, s, g.padding, ky);
      for (int kx = 0; kx < g.kernel; ++kx) {
        const Run run = InsideRun(ow, g.width, s, g.padding, kx);
        T* row = cols + static_cast<long>((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        std::fill(row, row + rows.lo * ow, T(0));
        std::fill(row + rows.hi * ow, row + oh * ow, T(0));
        if (s == 1 && ow == g.width && rows.lo < rows.hi) {
          // "Same" convolution: the valid rows are one shifted run of the image; copy it whole
          // (long runs vectorise), leaving out what would come from outside the channel, then
          // zero the columns that wrapped around from the neighbouring image row.
          const int shift = kx - g.padding;
          const long count = static_cast<long>(rows.hi - rows.lo) * ow;
          const T* in = image + static_cast<long>(c * g.height + rows.lo - g.padding + ky) * g.width + shift;
          T* out = row + rows.lo * ow;
          const long first = std::max(0, -shift), last = count - std::max(0, shift);
          for (long i = first; i < last; ++i) out[i] = in[i];
          ZeroWrappedColumns(row, ow, rows, run);
          continue;
        }
        for (int oy = rows.lo; oy < rows.hi; ++oy) {
          T* out = row + oy * ow;
          const T* in = image + static_cast<long>(c * g.height + oy * s - g.padding + ky) * g.width +
                        (run.lo * s - g.padding + kx);
          for (int ox = 0; ox < run.lo; ++ox) out[ox] = T(0);
          T* dst = out + run.lo;
          const int count = run.hi - run.lo;
          if (s == 1)
            for (int i = 0; i < count; ++i) dst[i] = in[i];
          else
            for (int i = 0; i < count; ++i) dst[i] = in[i * s];
          for (int ox = run.hi; ox < ow; ++ox) out[ox] = T(0);
        }
      }
    }
}

template <typename T>
void Col2Im(const ConvGeometry& g, T* cols, T* image) {
  const int oh = g.out_height(), ow = g.out_width(), s = g.stride;
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky) {
      const Run rows = InsideRun(oh, g.height, s, g.padding, ky);
      for (int kx = 0; kx < g.kernel; ++kx) {
        const Run run = InsideRun(ow, g.width, s, g.padding, kx);
        T* row = cols + static_cast<long>((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        if (s == 1 && ow == g.width && rows.lo < rows.hi) {
          // "Same" convolution, as in Im2Col: zero the entries that would land in the
          // neighbouring image row, then add the valid rows as one long run (adding 0 leaves
          // those image entries as they are).
          ZeroWrappedColumns(row, ow, rows, run);
          const int shift = kx - g.padding;
          const long count = static_cast<long>(rows.hi - rows.lo) * ow;
          T* in = image + static_cast<long>(c * g.height + rows.lo - g.padding + ky) * g.width + shift;
          const T* src = row + rows.lo * ow;
          const long first = std::max(0, -shift), last = count - std::max(0, shift);
          for (long i = first; i < last; ++i) in[i] += src[i];
          continue;
        }
        const int count = run.hi - run.lo;
        for (int oy = rows.lo; oy < rows.hi; ++oy) {
          const T* src = row + oy * ow + run.lo;
          T* in = image + static_cast<long>(c * g.height + oy * s - g.padding + ky) * g.width + (run.lo * s - g.padding + kx);
          if (s == 1)
            for (int i = 0; i < count; ++i) in[i] += src[i];
          else
            for (int i = 0; i < count; ++i) in[i * s] += src[i];
        }
      }
    }
}

// ---- references: every position tested -----------------------------------------------------------

template <typename T>
void Im2ColReference(const ConvGeometry& g, const T* image, T* cols) {
  const int oh = g.out_height(), ow = g.out_width();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) {
        T* row = cols + ((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        for (int oy = 0; oy < oh; ++oy)
          for (int ox = 0; ox < ow; ++ox) {
            const int iy = oy * g.stride - g.padding + ky, ix = ox * g.stride - g.padding + kx;
            const bool inside = iy >= 0 && iy < g.height && ix >= 0 && ix < g.width;
            row[oy * ow + ox] = inside ? image[(c * g.height + iy) * g.width + ix] : T(0);
          }
      }
}

template <typename T>
void Col2ImReference(const ConvGeometry& g, const T* cols, T* image) {
  const int oh = g.out_height(), ow = g.out_width();
  for (int c = 0; c < g.channels; ++c)
    for (int ky = 0; ky < g.kernel; ++ky)
      for (int kx = 0; kx < g.kernel; ++kx) {
        const T* row = cols + ((c * g.kernel + ky) * g.kernel + kx) * oh * ow;
        for (int oy = 0; oy < oh; ++oy)
          for (int ox = 0; ox < ow; ++ox) {
            const int iy = oy * g.stride - g.padding + ky, ix = ox * g.stride - g.padding + kx;
            if (iy >= 0 && iy < g.height && ix >= 0 && ix < g.width)
              image[(c * g.height + iy) * g.width + ix] += row[oy * ow + ox];
          }
      }
}

template void Im2Col<float>(const ConvGeometry&, const float*, float*);
template void Im2Col<double>(const ConvGeometry&, const double*, double*);
template void Col2Im<float>(const ConvGeometry&, float*, float*);
template void Col2Im<double>(const ConvGeometry&, double*, double*);
template void Im2ColReference<float>(const ConvGeometry&, const float*, float*);
template void Im2ColReference<double>(const ConvGeometry&, const double*, double*);
template void Col2ImReference<float>(const ConvGeometry&, const float*, float*);
template void Col2ImReference<double>(const ConvGeometry&, const double*, double*);

}  // namespace gradlab::kernels
