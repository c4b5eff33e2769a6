#include "nn/linear.h"

#include <cmath>

#include "kernels/gemm.h"
#include "i18n/translate.h"

namespace gradlab::nn {

template <typename T>
Result<Shape> LinearT<T>::Configure(const Shape& in) {
  if (out_features_ < 1) return Result<Shape>::Error(Fill(tr("fc needs at least 1 output, not {0}"), {std::to_string(out_features_)}));
  in_features_ = static_cast<int>(ShapeSize(in));
  weight_.value = TensorT<T>({out_features_, in_features_});
  weight_.grad = TensorT<T>({out_features_, in_features_});
  bias_.value = TensorT<T>({out_features_});
  bias_.grad = TensorT<T>({out_features_});
  return Shape{out_features_};
}

template <typename T>
void LinearT<T>::Init(Rng& rng, InitKind init) {
  // He: N(0, 2/fan_in); Xavier (Glorot): N(0, 2/(fan_in + fan_out)). Biases start at 0.
  const double var = init == InitKind::kHe ? 2.0 / in_features_ : 2.0 / (in_features_ + out_features_);
  const double sd = std::sqrt(var);
  for (T& w : weight_.value.data) w = static_cast<T>(rng.Normal(0.0, sd));
  bias_.value.Zero();
}

// x is (N, in), W is (out, in), y is (N, out).
template <typename T>
void LinearT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const int n = x.dim(0);
  y.Resize({n, out_features_});
  for (int i = 0; i < n; ++i)
    std::copy(bias_.value.data.begin(), bias_.value.data.end(), y.ptr() + i * out_features_);
  kernels::Gemm<T>(false, true, n, out_features_, in_features_, T(1), x.ptr(), in_features_,
                   weight_.value.ptr(), in_features_, T(1), y.ptr(), out_features_);
}

template <typename T>
void LinearT<T>::BackwardParams(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy) {
  const int n = x.dim(0);
  // dW (out, in) += dy^T (out, N) * x (N, in)
  kernels::Gemm<T>(true, false, out_features_, in_features_, n, T(1), dy.ptr(), out_features_,
                   x.ptr(), in_features_, T(1), weight_.grad.ptr(), in_features_);
  // db += sum over the batch of dy
  for (int i = 0; i < n; ++i)
    for (int o = 0; o < out_features_; ++o) bias_.grad[o] += dy[i * out_features_ + o];
}

template <typename T>
void LinearT<T>::Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) {
  LinearT<T>::BackwardParams(x, y, dy);
  // dx (N, in) = dy (N, out) * W (out, in)
  if (dx.shape != x.shape) dx.Resize(x.shape);
  kernels::Gemm<T>(false, false, x.dim(0), in_features_, out_features_, T(1), dy.ptr(), out_features_,
                   weight_.value.ptr(), in_features_, T(0), dx.ptr(), in_features_);
}

template <typename T>
nlohmann::json LinearT<T>::torch_module() const {
  return {{"type", "Linear"}, {"in_features", in_features_}, {"out_features", out_features_}};
}

template class LinearT<float>;
template class LinearT<double>;

}  // namespace gradlab::nn
