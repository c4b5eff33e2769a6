// Flatten: (N, C, H, W) -> (N, C*H*W) in row-major order, exactly as torch.nn.Flatten, so the
// weights of a following Linear layer line up with PyTorch's.
#pragma once
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class FlattenT : public LayerT<T> {
 public:
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode) override {
    y.Resize(this->BatchShape(x.dim(0)));
    std::copy(x.data.begin(), x.data.end(), y.data.begin());
  }
  void Backward(const TensorT<T>& x, const TensorT<T>&, const TensorT<T>& dy, TensorT<T>& dx) override {
    if (dx.shape != x.shape) dx.Resize(x.shape);
    std::copy(dy.data.begin(), dy.data.end(), dx.data.begin());
  }
  std::string spec() const override { return "flatten"; }
  std::string kind() const override { return "Flatten"; }
  nlohmann::json torch_module() const override { return {{"type", "Flatten"}}; }

 protected:
  Result<Shape> Configure(const Shape& in) override { return Shape{static_cast<int>(ShapeSize(in))}; }
};

}  // namespace gradlab::nn
