// Linear (fully connected): y = x W^T + b, W is (out, in) as in PyTorch. Any input shape is
// read as flat features, so a Linear after a conv layer needs no explicit Flatten.
#pragma once
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class LinearT : public LayerT<T> {
 public:
  explicit LinearT(int out_features) : out_features_(out_features) {}
  void Init(Rng& rng, InitKind init) override;
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  void BackwardParams(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy) override;
  std::vector<ParamT<T>*> params() override { return {&weight_, &bias_}; }
  std::string spec() const override { return "fc" + std::to_string(out_features_); }
  std::string kind() const override { return "Linear"; }
  nlohmann::json torch_module() const override;

  int in_features() const { return in_features_; }
  int out_features() const { return out_features_; }
  ParamT<T>& weight() { return weight_; }
  ParamT<T>& bias() { return bias_; }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  int out_features_, in_features_ = 0;
  ParamT<T> weight_{"weight", {}, {}, true}, bias_{"bias", {}, {}, false};
};

}  // namespace gradlab::nn
