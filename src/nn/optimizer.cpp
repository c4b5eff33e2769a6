#include "nn/optimizer.h"
#include "i18n/translate.h"

#include <cmath>

namespace gradlab::nn {

Result<OptimizerKind> ParseOptimizerKind(const std::string& name) {
  if (name == "sgd") return OptimizerKind::kSgd;
  if (name == "momentum") return OptimizerKind::kMomentum;
  if (name == "nesterov") return OptimizerKind::kNesterov;
  if (name == "adagrad") return OptimizerKind::kAdagrad;
  if (name == "rmsprop") return OptimizerKind::kRmsProp;
  if (name == "adam") return OptimizerKind::kAdam;
  return Result<OptimizerKind>::Error(Fill(tr("unknown optimizer '{0}'; use sgd, momentum, nesterov, adagrad, rmsprop or adam"), {name}));
}

const char* OptimizerName(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kSgd: return "sgd";
    case OptimizerKind::kMomentum: return "momentum";
    case OptimizerKind::kNesterov: return "nesterov";
    case OptimizerKind::kAdagrad: return "adagrad";
    case OptimizerKind::kRmsProp: return "rmsprop";
    case OptimizerKind::kAdam: return "adam";
  }
  return "?";
}

double DefaultLearningRate(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kAdam:
    case OptimizerKind::kRmsProp: return 1e-3;
    case OptimizerKind::kAdagrad: return 1e-2;
    default: return 1e-2;
  }
}

template <typename T>
void OptimizerT<T>::Step(const std::vector<ParamT<T>*>& params, double lr_d) {
  ++steps_;
  const bool two_states = cfg_.kind == OptimizerKind::kAdam;
  const bool one_state = cfg_.kind != OptimizerKind::kSgd;
  if (one_state && state1_.size() != params.size()) {
    state1_.assign(params.size(), {});
    for (size_t i = 0; i < params.size(); ++i) state1_[i].assign(params[i]->value.size(), T(0));
  }
  if (two_states && state2_.size() != params.size()) {
    state2_.assign(params.size(), {});
    for (size_t i = 0; i < params.size(); ++i) state2_[i].assign(params[i]->value.size(), T(0));
  }
  const T lr = static_cast<T>(lr_d), mu = static_cast<T>(cfg_.momentum), rho = static_cast<T>(cfg_.rho);
  const T b1 = static_cast<T>(cfg_.beta1), b2 = static_cast<T>(cfg_.beta2), eps = static_cast<T>(cfg_.eps);
  const T bias1 = static_cast<T>(1 - std::pow(cfg_.beta1, static_cast<double>(steps_)));
  const T bias2 = static_cast<T>(1 - std::pow(cfg_.beta2, static_cast<double>(steps_)));
  for (size_t pi = 0; pi < params.size(); ++pi) {
    T* w = params[pi]->value.ptr();
    const T* g = params[pi]->grad.ptr();
    const size_t n = params[pi]->value.size();
    T* s1 = one_state ? state1_[pi].data() : nullptr;
    T* s2 = two_states ? state2_[pi].data() : nullptr;
    switch (cfg_.kind) {
      case OptimizerKind::kSgd:
        for (size_t i = 0; i < n; ++i) w[i] -= lr * g[i];
        break;
      case OptimizerKind::kMomentum:
        for (size_t i = 0; i < n; ++i) {
          s1[i] = mu * s1[i] + g[i];
          w[i] -= lr * s1[i];
        }
        break;
      case OptimizerKind::kNesterov:
        for (size_t i = 0; i < n; ++i) {
          s1[i] = mu * s1[i] + g[i];
          w[i] -= lr * (g[i] + mu * s1[i]);
        }
        break;
      case OptimizerKind::kAdagrad: {
        const T e = static_cast<T>(cfg_.adagrad_eps);
        for (size_t i = 0; i < n; ++i) {
          s1[i] += g[i] * g[i];
          w[i] -= lr * g[i] / (std::sqrt(s1[i]) + e);
        }
        break;
      }
      case OptimizerKind::kRmsProp:
        for (size_t i = 0; i < n; ++i) {
          s1[i] = rho * s1[i] + (T(1) - rho) * g[i] * g[i];
          w[i] -= lr * g[i] / (std::sqrt(s1[i]) + eps);
        }
        break;
      case OptimizerKind::kAdam:
        for (size_t i = 0; i < n; ++i) {
          s1[i] = b1 * s1[i] + (T(1) - b1) * g[i];
          s2[i] = b2 * s2[i] + (T(1) - b2) * g[i] * g[i];
          w[i] -= lr * (s1[i] / bias1) / (std::sqrt(s2[i] / bias2) + eps);
        }
        break;
    }
  }
}

template class OptimizerT<float>;
template class OptimizerT<double>;

}  // namespace gradlab::nn
