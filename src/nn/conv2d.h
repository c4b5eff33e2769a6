// Conv2d: square kernel, stride, zero padding. Computed as im2col + GEMM per image:
//   y_n (OC, OH*OW) = W (OC, C*K*K) * cols_n (C*K*K, OH*OW) + b
// (the forward pass through kernels::ConvProduct, which in WebAssembly skips the columns).
// W is (OC, C, K, K) as in PyTorch. With stride 1, dx is the same kind of product: dy convolved
// with W turned half a turn (no columns and no col2im where the build skips them); other strides
// take dcols = W^T dy and col2im. The weights' gradient makes each image's cols again rather
// than keeping them from the forward pass: kept for a batch of 32 they take 27 MB for the small
// CNN, out of cache, and measured no faster in WebAssembly and 10% slower natively.
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
  void BackwardParams(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy) override;
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
  // dW and db, and with dx given also dx.
  void BackwardImpl(const TensorT<T>& x, const TensorT<T>& dy, TensorT<T>* dx);

  std::vector<T> cols_, dcols_;  // workspaces: one per thread of the pool (kernels/parallel.h)
  std::vector<T> dw_parts_;       // the weight gradient of each group of images (BackwardImpl)
  std::vector<T> turned_;         // the weights turned half a turn, channels swapped (dx, stride 1)
  T* Workspace(std::vector<T>& buffer, size_t per_thread);  // `buffer`, with room for every thread of the pool
};

}  // namespace gradlab::nn
