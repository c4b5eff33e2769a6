// Parameter updates. One config struct; the defaults are the papers' (cited per field).
// The update rules are PyTorch's, so runs can be compared with it step for step:
//   SGD        w -= lr g
//   momentum   v = mu v + g;              w -= lr v            (Polyak 1964; Sutskever et al. 2013)
//   Nesterov   v = mu v + g;              w -= lr (g + mu v)
//   Adagrad    G += g^2;                  w -= lr g / (sqrt(G) + eps)           (Duchi et al. 2011)
//   RMSProp    G = rho G + (1-rho) g^2;   w -= lr g / (sqrt(G) + eps)           (Tieleman & Hinton 2012)
//   Adam       m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
//              w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)            (Kingma & Ba 2015)
#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "nn/layer.h"

namespace gradlab::nn {

enum class OptimizerKind { kSgd, kMomentum, kNesterov, kAdagrad, kRmsProp, kAdam };

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::kSgd;
  double momentum = 0.9;   // momentum / Nesterov: mu (Sutskever et al. use 0.9 and up)
  double rho = 0.9;        // RMSProp decay (Tieleman & Hinton's lecture: 0.9)
  double beta1 = 0.9;      // Adam (Kingma & Ba: 0.9, 0.999, 1e-8)
  double beta2 = 0.999;
  double eps = 1e-8;       // Adam and RMSProp; Adagrad uses adagrad_eps
  double adagrad_eps = 1e-7;  // as in CS231n's notes
};

Result<OptimizerKind> ParseOptimizerKind(const std::string& name);  // sgd, momentum, nesterov, adagrad, rmsprop, adam
const char* OptimizerName(OptimizerKind kind);
// The learning rate each optimizer is usually started with (the UI's default).
double DefaultLearningRate(OptimizerKind kind);

template <typename T>
class OptimizerT {
 public:
  explicit OptimizerT(const OptimizerConfig& cfg) : cfg_(cfg) {}
  // One update of every param from its grad, at learning rate lr.
  void Step(const std::vector<ParamT<T>*>& params, double lr);
  void Reset() { state1_.clear(); state2_.clear(); steps_ = 0; }
  const OptimizerConfig& config() const { return cfg_; }
  long steps() const { return steps_; }
  // Optimizer state (velocities, squared-gradient averages) for saving a session.
  const std::vector<std::vector<T>>& state1() const { return state1_; }
  const std::vector<std::vector<T>>& state2() const { return state2_; }
  void Restore(std::vector<std::vector<T>> state1, std::vector<std::vector<T>> state2, long steps) {
    state1_ = std::move(state1);
    state2_ = std::move(state2);
    steps_ = steps;
  }

 private:
  OptimizerConfig cfg_;
  std::vector<std::vector<T>> state1_, state2_;  // per param: v / G / m, and Adam's v
  long steps_ = 0;
};

}  // namespace gradlab::nn
