#include "nn/conv2d.h"

#include <algorithm>
#include <cmath>

#include "i18n/translate.h"
#include "kernels/conv_gemm.h"
#include "kernels/gemm.h"
#include "kernels/parallel.h"
#include "kernels/sum.h"
#include "nn/conv_arithmetic.h"

namespace gradlab::nn {

namespace {
// Enough groups of images for the weight gradients to keep 8 threads busy.
constexpr int kWeightGradientGroups = 8;
}  // namespace

template <typename T>
std::string Conv2dT<T>::spec() const {
  std::string s = "conv" + std::to_string(out_channels_) + "k" + std::to_string(kernel_);
  if (stride_ != 1) s += "s" + std::to_string(stride_);
  if (padding_ != 0) s += "p" + std::to_string(padding_);
  return s;
}

template <typename T>
Result<Shape> Conv2dT<T>::Configure(const Shape& in) {
  if (in.size() != 3)
    return Result<Shape>::Error(Fill(tr("a conv layer needs an image input (channels x height x width), not {0}"), {ShapeToString(in)}));
  if (out_channels_ < 1) return Result<Shape>::Error(tr("a conv layer needs at least 1 filter"));
  WindowFit fh = FitWindow(in[1], kernel_, stride_, padding_);
  WindowFit fw = FitWindow(in[2], kernel_, stride_, padding_);
  if (!fh.fits) return Result<Shape>::Error(fh.message);
  if (!fw.fits) return Result<Shape>::Error(fw.message);
  geo_ = {in[0], in[1], in[2], kernel_, stride_, padding_};
  const int fan_in = in[0] * kernel_ * kernel_;
  weight_.value = TensorT<T>({out_channels_, in[0], kernel_, kernel_});
  weight_.grad = TensorT<T>(weight_.value.shape);
  bias_.value = TensorT<T>({out_channels_});
  bias_.grad = TensorT<T>({out_channels_});
  cols_.assign(static_cast<size_t>(fan_in) * fh.output * fw.output, T(0));
  dcols_.assign(cols_.size(), T(0));
  return Shape{out_channels_, fh.output, fw.output};
}

template <typename T>
void Conv2dT<T>::Init(Rng& rng, InitKind init) {
  const double fan_in = geo_.channels * kernel_ * kernel_;
  const double fan_out = out_channels_ * kernel_ * kernel_;
  const double sd = std::sqrt(init == InitKind::kHe ? 2.0 / fan_in : 2.0 / (fan_in + fan_out));
  for (T& w : weight_.value.data) w = static_cast<T>(rng.Normal(0.0, sd));
  bias_.value.Zero();
}

template <typename T>
void Conv2dT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const int n = x.dim(0), pixels = geo_.out_height() * geo_.out_width();
  const int patch = geo_.channels * kernel_ * kernel_;
  y.Resize(this->BatchShape(n));
  const size_t in_size = x.inner(), out_size = static_cast<size_t>(out_channels_) * pixels;
  T* cols = Workspace(cols_, static_cast<size_t>(patch) * pixels);
  const kernels::ConvWeights<T> weights = kernels::PackConvWeights<T>(geo_, out_channels_, weight_.value.ptr(), patch);
  // Each image writes only its own output: the images may go to the pool's threads.
  kernels::ParallelFor(n, [&](int i, int slot) {
    T* yi = y.ptr() + i * out_size;
    T* own_cols = cols + static_cast<size_t>(slot) * patch * pixels;
    for (int oc = 0; oc < out_channels_; ++oc)
      std::fill(yi + oc * pixels, yi + (oc + 1) * pixels, bias_.value[oc]);
    kernels::ConvProduct<T>(geo_, weights, x.ptr() + i * in_size, own_cols, T(1), yi, pixels);
  });
}

template <typename T>
T* Conv2dT<T>::Workspace(std::vector<T>& buffer, size_t one) {
  const size_t wanted = one * static_cast<size_t>(kernels::Slots());
  if (buffer.size() < wanted) buffer.resize(wanted);  // once per pool size, not per batch
  return buffer.data();
}

template <typename T>
void Conv2dT<T>::BackwardImpl(const TensorT<T>& x, const TensorT<T>& dy, TensorT<T>* dx) {
  const int n = x.dim(0), pixels = geo_.out_height() * geo_.out_width();
  const int patch = geo_.channels * kernel_ * kernel_;
  const size_t in_size = x.inner(), out_size = static_cast<size_t>(out_channels_) * pixels;
  if (dx) {
    if (dx->shape != x.shape) dx->Resize(x.shape);
  }
  if (dx && geo_.stride == 1 && padding_ < kernel_) {
    // With stride 1, dx is dy convolved with the weights turned half a turn, in and out channels
    // swapped, and padding K-1-P: the forward pass's product (no columns where the build skips
    // them, kernels/conv_gemm.h) instead of a GEMM into columns and col2im adding them up.
    const kernels::ConvGeometry back{out_channels_, geo_.out_height(), geo_.out_width(), kernel_, 1, kernel_ - 1 - padding_};
    const int kk = kernel_ * kernel_, back_patch = out_channels_ * kk;
    turned_.resize(static_cast<size_t>(geo_.channels) * back_patch);
    for (int oc = 0; oc < out_channels_; ++oc)
      for (int c = 0; c < geo_.channels; ++c)
        for (int i = 0; i < kk; ++i)
          turned_[(static_cast<size_t>(c) * out_channels_ + oc) * kk + (kk - 1 - i)] = weight_.value[(static_cast<size_t>(oc) * geo_.channels + c) * kk + i];
    const size_t in_pixels = static_cast<size_t>(geo_.height) * geo_.width;
    T* cols = Workspace(dcols_, back_patch * in_pixels);
    const kernels::ConvWeights<T> turned = kernels::PackConvWeights<T>(back, geo_.channels, turned_.data(), back_patch);
    kernels::ParallelFor(n, [&](int i, int slot) {
      kernels::ConvProduct<T>(back, turned, dy.ptr() + i * out_size, cols + static_cast<size_t>(slot) * back_patch * in_pixels,
                              T(0), dx->ptr() + i * in_size, static_cast<int>(in_pixels));
    });
  } else if (dx) {
    // Each image's input gradient is its own: the images may go to the pool's threads.
    T* dcols = Workspace(dcols_, static_cast<size_t>(patch) * pixels);
    kernels::ParallelFor(n, [&](int i, int slot) {
      T* own_dcols = dcols + static_cast<size_t>(slot) * patch * pixels;
      std::fill(dx->ptr() + i * in_size, dx->ptr() + (i + 1) * in_size, T(0));  // Col2Im adds
      // dcols (patch, pixels) = W^T (patch, OC) * dy_i (OC, pixels)
      kernels::Gemm<T>(true, false, patch, pixels, out_channels_, T(1), weight_.value.ptr(), patch,
                       dy.ptr() + i * out_size, pixels, T(0), own_dcols, pixels);
      kernels::Col2Im<T>(geo_, own_dcols, dx->ptr() + i * in_size);
    });
  }
  // The weights' gradients: the images fall into groups fixed by the batch size alone; each
  // group sums its images in order into its own part (on any thread), and the parts are added in
  // group order, so the sums are the same whatever the pool.
  const int groups = std::min(n, kWeightGradientGroups);
  const size_t weights = weight_.grad.size();
  if (dw_parts_.size() < groups * weights) dw_parts_.resize(groups * weights);
  T* cols = Workspace(cols_, static_cast<size_t>(patch) * pixels);
  kernels::ParallelFor(groups, [&](int g, int slot) {
    T* own_cols = cols + static_cast<size_t>(slot) * patch * pixels;
    const int first = g * n / groups, count = (g + 1) * n / groups - first;
    // part (OC, patch) = the sum of dy_i (OC, pixels) * cols_i^T (pixels, patch)
    kernels::ConvWeightGradient<T>(geo_, out_channels_, count, dy.ptr() + first * out_size, out_size,
                                   x.ptr() + first * in_size, in_size, own_cols, T(0), dw_parts_.data() + g * weights, patch);
  });
  for (int g = 0; g < groups; ++g) {
    const T* part = dw_parts_.data() + g * weights;
    for (size_t k = 0; k < weights; ++k) weight_.grad[k] += part[k];
  }
  for (int i = 0; i < n; ++i) {
    const T* dyi = dy.ptr() + i * out_size;
    for (int oc = 0; oc < out_channels_; ++oc) bias_.grad[oc] += kernels::SumFast(dyi + oc * pixels, pixels);
  }
}

template <typename T>
void Conv2dT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  BackwardImpl(x, dy, &dx);
}

template <typename T>
void Conv2dT<T>::BackwardParams(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy) {
  BackwardImpl(x, dy, nullptr);
}

template <typename T>
nlohmann::json Conv2dT<T>::torch_module() const {
  return {{"type", "Conv2d"}, {"in_channels", geo_.channels}, {"out_channels", out_channels_},
          {"kernel_size", kernel_}, {"stride", stride_}, {"padding", padding_}};
}

template class Conv2dT<float>;
template class Conv2dT<double>;

}  // namespace gradlab::nn
