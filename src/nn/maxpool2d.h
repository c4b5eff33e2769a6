// MaxPool2d: the largest value in each KxK window (stride S, no padding); backward routes the
// gradient to the position that won ("max routes the gradient").
#pragma once
#include "kernels/maxpool.h"
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class MaxPool2dT : public LayerT<T> {
 public:
  MaxPool2dT(int kernel, int stride) : kernel_(kernel), stride_(stride) {}
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::string spec() const override;
  std::string kind() const override { return "MaxPool2d"; }
  nlohmann::json torch_module() const override {
    return {{"type", "MaxPool2d"}, {"kernel_size", kernel_}, {"stride", stride_}};
  }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  kernels::PoolGeometry Planes(size_t images) const;

  int kernel_, stride_;
  std::vector<int> argmax_;  // per output element: index of the winner within its image plane
};

}  // namespace gradlab::nn
