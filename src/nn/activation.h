// Element-wise activations, each with its derivative beside it:
//   ReLU max(0,x); LeakyReLU x or slope*x (slope 0.1 as in the lecture); Sigmoid 1/(1+e^-x);
//   Tanh; ELU x or alpha*(e^x - 1).
// The scalar functions are also used by the calculators, so the plots show the engine's math.
#pragma once
#include <cmath>

#include "nn/layer.h"

namespace gradlab::nn {

enum class ActivationKind { kReLU, kLeakyReLU, kSigmoid, kTanh, kELU };

// f(x) and f'(x) for one value; `param` is LeakyReLU's slope or ELU's alpha.
template <typename T>
T Activate(ActivationKind kind, T x, T param);
template <typename T>
T ActivationDerivative(ActivationKind kind, T x, T param);

template <typename T>
class ActivationT : public LayerT<T> {
 public:
  explicit ActivationT(ActivationKind kind, T param = T(0)) : kind_(kind), param_(param) {}
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::string spec() const override;
  std::string kind() const override;
  nlohmann::json torch_module() const override;
  ActivationKind activation() const { return kind_; }

 protected:
  Result<Shape> Configure(const Shape& in) override { return in; }

 private:
  ActivationKind kind_;
  T param_;
};

}  // namespace gradlab::nn
