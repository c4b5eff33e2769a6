#include "nn/maxpool2d.h"

#include "nn/conv_arithmetic.h"

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
    return Result<Shape>::Error("pooling needs an image input (channels x height x width), not " +
                                ShapeToString(in));
  WindowFit fh = FitWindow(in[1], kernel_, stride_, 0), fw = FitWindow(in[2], kernel_, stride_, 0);
  if (!fh.fits) return Result<Shape>::Error(fh.message);
  if (!fw.fits) return Result<Shape>::Error(fw.message);
  return Shape{in[0], fh.output, fw.output};
}

// x is (N, C, H, W), y is (N, C, OH, OW).
template <typename T>
void MaxPool2dT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  const int n = x.dim(0), c = this->in_[0], h = this->in_[1], w = this->in_[2];
  const int oh = this->out_[1], ow = this->out_[2];
  y.Resize(this->BatchShape(n));
  argmax_.resize(y.size());
  for (int plane = 0; plane < n * c; ++plane) {
    const T* in = x.ptr() + static_cast<size_t>(plane) * h * w;
    T* out = y.ptr() + static_cast<size_t>(plane) * oh * ow;
    int* arg = argmax_.data() + static_cast<size_t>(plane) * oh * ow;
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox) {
        int best = (oy * stride_) * w + ox * stride_;
        for (int ky = 0; ky < kernel_; ++ky)
          for (int kx = 0; kx < kernel_; ++kx) {
            const int idx = (oy * stride_ + ky) * w + ox * stride_ + kx;
            if (in[idx] > in[best]) best = idx;
          }
        out[oy * ow + ox] = in[best];
        arg[oy * ow + ox] = best;
      }
  }
}

template <typename T>
void MaxPool2dT<T>::Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) {
  const int n = x.dim(0), c = this->in_[0], plane_in = this->in_[1] * this->in_[2];
  const int plane_out = this->out_[1] * this->out_[2];
  if (dx.shape != x.shape) dx.Resize(x.shape);
  dx.Zero();
  for (int plane = 0; plane < n * c; ++plane) {
    T* d = dx.ptr() + static_cast<size_t>(plane) * plane_in;
    const T* g = dy.ptr() + static_cast<size_t>(plane) * plane_out;
    const int* arg = argmax_.data() + static_cast<size_t>(plane) * plane_out;
    for (int i = 0; i < plane_out; ++i) d[arg[i]] += g[i];
  }
}

template class MaxPool2dT<float>;
template class MaxPool2dT<double>;

}  // namespace gradlab::nn
