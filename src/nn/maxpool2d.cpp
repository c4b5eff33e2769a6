#include "nn/maxpool2d.h"

#include "kernels/maxpool.h"
#include "nn/conv_arithmetic.h"
#include "i18n/translate.h"

namespace gradlab::nn {

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
template <typename T>
void MaxPool2dT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const kernels::PoolGeometry g{x.dim(0) * this->in_[0], this->in_[1], this->in_[2], kernel_, stride_};
  y.Resize(this->BatchShape(x.dim(0)));
  argmax_.resize(y.size());
  kernels::MaxPool(g, x.ptr(), y.ptr(), argmax_.data());
}

template <typename T>
void MaxPool2dT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  const kernels::PoolGeometry g{x.dim(0) * this->in_[0], this->in_[1], this->in_[2], kernel_, stride_};
  if (dx.shape != x.shape) dx.Resize(x.shape);
  kernels::MaxPoolBackward(g, dy.ptr(), argmax_.data(), dx.ptr());
}

template class MaxPool2dT<float>;
template class MaxPool2dT<double>;

}  // namespace gradlab::nn
