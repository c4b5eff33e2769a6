// Inverted dropout (Srivastava et al. 2014): in training each unit is kept with probability
// 1-p and scaled by 1/(1-p), so evaluation needs no change (dropout is off there).
#pragma once
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class DropoutT : public LayerT<T> {
 public:
  explicit DropoutT(double p) : p_(p) {}
  void Init(Rng& rng, InitKind) override { rng_.Seed(rng.NextU32() * 2654435761ULL + 1); }
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::string spec() const override;
  std::string kind() const override { return "Dropout"; }
  nlohmann::json torch_module() const override { return {{"type", "Dropout"}, {"p", p_}}; }
  double p() const { return p_; }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  double p_;
  Rng rng_{12345};
  std::vector<T> mask_;  // 0 or 1/(1-p) per element of the last training batch
  bool last_was_training_ = false;
};

}  // namespace gradlab::nn
