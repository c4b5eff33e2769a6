#include "nn/maxout.h"
#include "i18n/translate.h"

namespace gradlab::nn {

template <typename T>
Result<Shape> MaxoutT<T>::Configure(const Shape& in) {
  if (k_ < 2) return Result<Shape>::Error(tr("maxout needs at least 2 pieces"));
  const int units = in.empty() ? 0 : in[0];  // features, or channels of an image
  if (units % k_ != 0)
    return Result<Shape>::Error(Fill(in.size() == 3 ? tr("maxout{0} needs a multiple of {0} channels, not {1}")
                                                     : tr("maxout{0} needs a multiple of {0} features, not {1}"),
                                     {std::to_string(k_), std::to_string(units)}));
  groups_ = units / k_;
  plane_ = static_cast<int>(ShapeSize(in)) / units;
  Shape out = in;
  out[0] = groups_;
  return out;
}

// Per sample: input (groups*k, plane) -> output (groups, plane).
template <typename T>
void MaxoutT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const int n = x.dim(0);
  y.Resize(this->BatchShape(n));
  argmax_.resize(y.size());
  const size_t in_size = x.inner(), out_size = y.inner();
  for (int i = 0; i < n; ++i)
    for (int g = 0; g < groups_; ++g)
      for (int p = 0; p < plane_; ++p) {
        const T* in = x.ptr() + i * in_size + static_cast<size_t>(g) * k_ * plane_ + p;
        int best = 0;
        for (int j = 1; j < k_; ++j)
          if (in[j * plane_] > in[best * plane_]) best = j;
        const size_t o = i * out_size + static_cast<size_t>(g) * plane_ + p;
        y[o] = in[best * plane_];
        argmax_[o] = best;
      }
}

template <typename T>
void MaxoutT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  const int n = x.dim(0);
  if (dx.shape != x.shape) dx.Resize(x.shape);
  dx.Zero();
  const size_t in_size = x.inner(), out_size = dy.inner();
  for (int i = 0; i < n; ++i)
    for (int g = 0; g < groups_; ++g)
      for (int p = 0; p < plane_; ++p) {
        const size_t o = i * out_size + static_cast<size_t>(g) * plane_ + p;
        dx[i * in_size + (static_cast<size_t>(g) * k_ + argmax_[o]) * plane_ + p] += dy[o];
      }
}

template class MaxoutT<float>;
template class MaxoutT<double>;

}  // namespace gradlab::nn
