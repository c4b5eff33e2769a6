// Maxout (Goodfellow et al. 2013): the maximum over groups of k consecutive features (or
// channels, for images), so the output has k times fewer. Backward routes like max pooling.
// PyTorch has no Maxout module; the export names it "Maxout" and the README shows the two-line
// module that rebuilds it.
#pragma once
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class MaxoutT : public LayerT<T> {
 public:
  explicit MaxoutT(int pieces) : k_(pieces) {}
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::string spec() const override { return "maxout" + std::to_string(k_); }
  std::string kind() const override { return "Maxout"; }
  nlohmann::json torch_module() const override { return {{"type", "Maxout"}, {"pieces", k_}}; }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  int k_;
  int groups_ = 0, plane_ = 1;  // output groups (features or channels), elements per channel
  std::vector<int> argmax_;     // which piece won, per output element
};

}  // namespace gradlab::nn
