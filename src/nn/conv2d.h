// Conv2d: square kernel, stride, zero padding. Computed as im2col + GEMM per image:
//   y_n (OC, OH*OW) = W (OC, C*K*K) * cols_n (C*K*K, OH*OW) + b
// W is (OC, C, K, K) as in PyTorch.
#pragma once
#include "kernels/im2col.h"
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class Conv2dT : public LayerT<T> {
 public:
  Conv2dT(int out_channels, int kernel, int stride, int padding)
      : out_channels_(out_channels), kernel_(kernel), stride_(stride), padding_(padding) {}
  void Init(Rng& rng, InitKind init) override;
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::vector<ParamT<T>*> params() override { return {&weight_, &bias_}; }
  std::string spec() const override;
  std::string kind() const override { return "Conv2d"; }
  nlohmann::json torch_module() const override;

  int out_channels() const { return out_channels_; }
  int kernel() const { return kernel_; }
  ParamT<T>& weight() { return weight_; }
  ParamT<T>& bias() { return bias_; }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  int out_channels_, kernel_, stride_, padding_;
  kernels::ConvGeometry geo_{};
  ParamT<T> weight_{"weight", {}, {}, true}, bias_{"bias", {}, {}, false};
  std::vector<T> cols_, dcols_;  // workspaces, sized once in Configure
};

}  // namespace gradlab::nn
