#include "nn/dropout.h"

#include <cstdio>

#include "nn/model_spec.h"
#include "i18n/translate.h"

namespace gradlab::nn {

template <typename T>
std::string DropoutT<T>::spec() const {
  ParsedLayer word{LayerWord::kDropout};  // the spec's spelling: %g would write dropout1e-05
  word.value = p_;
  return FormatLayerWord(word);
}

template <typename T>
Result<Shape> DropoutT<T>::Configure(const Shape& in) {
  if (!(p_ >= 0 && p_ < 1)) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", p_);
    return Result<Shape>::Error(Fill(tr("dropout probability must be in [0, 1), not {0}"), {value}));
  }
  return in;
}

template <typename T>
void DropoutT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) {
  ResizeLike(y, x);
  last_was_training_ = mode == Mode::kTrain && p_ > 0;
  if (!last_was_training_) {
    std::copy(x.data.begin(), x.data.end(), y.data.begin());
    return;
  }
  mask_.resize(x.size());
  const T keep_scale = static_cast<T>(1.0 / (1.0 - p_));
  for (size_t i = 0; i < x.size(); ++i) {
    mask_[i] = rng_.Uniform() >= p_ ? keep_scale : T(0);
    y[i] = x[i] * mask_[i];
  }
}

template <typename T>
void DropoutT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  ResizeLike(dx, x);
  if (!last_was_training_) {
    std::copy(dy.data.begin(), dy.data.end(), dx.data.begin());
    return;
  }
  for (size_t i = 0; i < dy.size(); ++i) dx[i] = dy[i] * mask_[i];
}

template class DropoutT<float>;
template class DropoutT<double>;

}  // namespace gradlab::nn
