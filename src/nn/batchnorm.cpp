#include "nn/batchnorm.h"

#include <cmath>
#include "i18n/translate.h"

namespace gradlab::nn {

template <typename T>
Result<Shape> BatchNormT<T>::Configure(const Shape& in) {
  if (in.size() != 1 && in.size() != 3)
    return Result<Shape>::Error(Fill(tr("batch norm needs features or an image, not {0}"), {ShapeToString(in)}));
  image_ = in.size() == 3;
  channels_ = in[0];
  plane_ = image_ ? in[1] * in[2] : 1;
  weight_.value = TensorT<T>({channels_}, T(1));
  weight_.grad = TensorT<T>({channels_});
  bias_.value = TensorT<T>({channels_});
  bias_.grad = TensorT<T>({channels_});
  running_mean_ = TensorT<T>({channels_}, T(0));
  running_var_ = TensorT<T>({channels_}, T(1));
  inv_std_.assign(channels_, T(0));
  return in;
}

// x viewed as (N, C, plane); statistics per channel over N * plane values.
template <typename T>
void BatchNormT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) {
  ResizeLike(y, x);
  const int n = x.dim(0);
  const size_t count = static_cast<size_t>(n) * plane_;
  last_was_training_ = mode == Mode::kTrain;
  batches_tracked_ += last_was_training_;
  xhat_.resize(x.size());
  for (int c = 0; c < channels_; ++c) {
    auto at = [&](int i, int p) { return static_cast<size_t>(i) * channels_ * plane_ + static_cast<size_t>(c) * plane_ + p; };
    T mean, var;
    if (last_was_training_) {
      double sum = 0, sq = 0;
      for (int i = 0; i < n; ++i)
        for (int p = 0; p < plane_; ++p) sum += x[at(i, p)];
      const double m = sum / count;
      for (int i = 0; i < n; ++i)
        for (int p = 0; p < plane_; ++p) sq += (x[at(i, p)] - m) * (x[at(i, p)] - m);
      mean = static_cast<T>(m);
      var = static_cast<T>(sq / count);
      const double unbiased = count > 1 ? sq / (count - 1) : sq;
      running_mean_[c] = static_cast<T>((1 - kMomentum) * running_mean_[c] + kMomentum * m);
      running_var_[c] = static_cast<T>((1 - kMomentum) * running_var_[c] + kMomentum * unbiased);
    } else {
      mean = running_mean_[c];
      var = running_var_[c];
    }
    const T inv = static_cast<T>(1.0 / std::sqrt(static_cast<double>(var) + kEps));
    inv_std_[c] = inv;
    for (int i = 0; i < n; ++i)
      for (int p = 0; p < plane_; ++p) {
        const size_t k = at(i, p);
        xhat_[k] = (x[k] - mean) * inv;
        y[k] = weight_.value[c] * xhat_[k] + bias_.value[c];
      }
  }
}

// Training: dx = gamma * inv_std / m * (m * dy - sum(dy) - xhat * sum(dy * xhat)).
// Evaluation: the statistics are constants, so dx = gamma * inv_std * dy.
template <typename T>
void BatchNormT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  ResizeLike(dx, x);
  const int n = x.dim(0);
  const T m = static_cast<T>(static_cast<size_t>(n) * plane_);
  for (int c = 0; c < channels_; ++c) {
    auto at = [&](int i, int p) { return static_cast<size_t>(i) * channels_ * plane_ + static_cast<size_t>(c) * plane_ + p; };
    T sum_dy = 0, sum_dy_xhat = 0;
    for (int i = 0; i < n; ++i)
      for (int p = 0; p < plane_; ++p) {
        sum_dy += dy[at(i, p)];
        sum_dy_xhat += dy[at(i, p)] * xhat_[at(i, p)];
      }
    bias_.grad[c] += sum_dy;
    weight_.grad[c] += sum_dy_xhat;
    const T scale = weight_.value[c] * inv_std_[c];
    for (int i = 0; i < n; ++i)
      for (int p = 0; p < plane_; ++p) {
        const size_t k = at(i, p);
        dx[k] = last_was_training_ ? scale / m * (m * dy[k] - sum_dy - xhat_[k] * sum_dy_xhat)
                                   : scale * dy[k];
      }
  }
}

template class BatchNormT<float>;
template class BatchNormT<double>;

}  // namespace gradlab::nn
