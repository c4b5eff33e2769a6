#include "nn/maxpool2d.h"

#include "kernels/maxpool.h"
#include "kernels/parallel.h"
#include "nn/conv_arithmetic.h"
#include "i18n/translate.h"

namespace gradlab::nn {

namespace {
constexpr size_t kMinImages = 4;  // fewer are not worth a helper thread
}  // namespace

template <typename T>
std::string MaxPool2dT<T>::spec() const {
  std::string s = "pool" + std::to_string(kernel_);
  if (stride_ != kernel_) s += "s" + std::to_string(stride_);
  return s;
}

template <typename T>
Result<Shape> MaxPool2dT<T>::Configure(const Shape& in) {
  if (in.size() != 3)
    return Result<Shape>::Error(Fill(tr("pooling needs an image input (channels x height x width), not {0}"), {ShapeToString(in)}));
  WindowFit fh = FitWindow(in[1], kernel_, stride_, 0), fw = FitWindow(in[2], kernel_, stride_, 0);
  if (!fh.fits) return Result<Shape>::Error(fh.message);
  if (!fw.fits) return Result<Shape>::Error(fw.message);
  return Shape{in[0], fh.output, fw.output};
}

// x is (N, C, H, W), y is (N, C, OH, OW); every image plane is pooled on its own.
// The planes of `images` images, pooled as one run.
template <typename T>
kernels::PoolGeometry MaxPool2dT<T>::Planes(size_t images) const {
  return {static_cast<int>(images) * this->in_[0], this->in_[1], this->in_[2], kernel_, stride_};
}

// The images may go to the pool's threads: each writes only its own planes.
template <typename T>
void MaxPool2dT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const int n = x.dim(0);
  y.Resize(this->BatchShape(n));
  argmax_.resize(y.size());
  const size_t in_size = x.inner(), out_size = y.inner();
  kernels::ParallelRanges(n, kMinImages, [&](size_t first, size_t end) {
    kernels::MaxPool(Planes(end - first), x.ptr() + first * in_size, y.ptr() + first * out_size, argmax_.data() + first * out_size);
  });
}

template <typename T>
void MaxPool2dT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  if (dx.shape != x.shape) dx.Resize(x.shape);
  const size_t in_size = x.inner(), out_size = dy.inner();
  kernels::ParallelRanges(x.dim(0), kMinImages, [&](size_t first, size_t end) {
    kernels::MaxPoolBackward(Planes(end - first), dy.ptr() + first * out_size, argmax_.data() + first * out_size, dx.ptr() + first * in_size);
  });
}

template class MaxPool2dT<float>;
template class MaxPool2dT<double>;

}  // namespace gradlab::nn
