// Losses and regularizers: the lecture's worked numbers, and gradients against finite differences.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "gradcheck.h"
#include "nn/loss.h"
#include "nn/regularizer.h"

using namespace gradlab;
using namespace gradlab::nn;
using namespace gradlab::testing;

namespace {
TensorT<double> CatScores() {  // the lecture's scores for a cat image: cat, car, frog
  TensorT<double> s({1, 3});
  s.data = {3.2, 5.1, -1.7};
  return s;
}
TensorT<double> Target(const std::vector<double>& t) {
  TensorT<double> out({1, static_cast<int>(t.size())});
  out.data = t;
  return out;
}
}  // namespace

TEST_CASE("The lecture's cat example: SVM loss 2.9", "[nn][lecture]") {
  CHECK(MulticlassSvm(CatScores(), Target({1, 0, 0}), static_cast<TensorT<double>*>(nullptr)) == Approx(2.9));
  // Car is the label: max(0, 3.2-5.1+1) + max(0, -1.7-5.1+1) = 0.
  CHECK(MulticlassSvm(CatScores(), Target({0, 1, 0}), static_cast<TensorT<double>*>(nullptr)) == Approx(0.0));
}

TEST_CASE("The lecture's cat example: softmax 0.13, 0.87, 0.00 and loss -ln 0.13 = 2.04", "[nn][lecture]") {
  TensorT<double> probs;
  Softmax(CatScores(), probs);
  CHECK(probs[0] == Approx(0.13).margin(0.005));
  CHECK(probs[1] == Approx(0.87).margin(0.005));
  CHECK(probs[2] == Approx(0.00).margin(0.005));
  const double loss = SoftmaxCrossEntropy(CatScores(), Target({1, 0, 0}), static_cast<TensorT<double>*>(nullptr));
  CHECK(loss == Approx(-std::log(probs[0])));
  CHECK(loss == Approx(2.04).margin(0.005));
  // The lecture's 0.89 is the base-10 logarithm of the same probability.
  CHECK(-std::log10(probs[0]) == Approx(0.89).margin(0.005));
  // With a one-hot target the KL divergence equals the cross-entropy.
  CHECK(KLDivergence(probs, Target({1, 0, 0})) == Approx(loss));
}

TEST_CASE("Loss gradients match finite differences, for hard and soft targets", "[nn][gradcheck]") {
  Rng rng(5);
  TensorT<double> scores = RandomTensor({4, 5}, rng, 2.0);
  TensorT<double> hard({4, 5}), soft({4, 5});
  for (int i = 0; i < 4; ++i) {
    hard[i * 5 + (i * 3) % 5] = 1;
    soft[i * 5 + i] = 0.7;
    soft[i * 5 + (i + 2) % 5] = 0.3;
  }
  for (auto kind : {LossKind::kSoftmax, LossKind::kSvm}) {
    for (const auto* targets : {&hard, &soft}) {
      TensorT<double> grad;
      ComputeLoss(kind, scores, *targets, &grad);
      const std::vector<double> analytic = grad.data;
      const double err = MaxGradError(scores.data, analytic, [&] {
        return ComputeLoss(kind, scores, *targets, static_cast<TensorT<double>*>(nullptr));
      });
      INFO((kind == LossKind::kSvm ? "svm" : "softmax") << (targets == &soft ? " soft" : " hard"));
      CHECK(err < 1e-6);
    }
  }
}

TEST_CASE("Softmax is stable for huge scores", "[nn]") {
  TensorT<float> s({1, 3});
  s.data = {1000.f, 1001.f, -1000.f};
  TensorT<float> t({1, 3});
  t.data = {1, 0, 0};
  const float loss = SoftmaxCrossEntropy(s, t, static_cast<TensorT<float>*>(nullptr));
  CHECK(std::isfinite(loss));
  CHECK(loss == Approx(std::log(1 + std::exp(1.0f))));
}

TEST_CASE("Regularizers: penalties and gradients", "[nn][gradcheck]") {
  ParamT<double> w{"weight", TensorT<double>({2, 3}), TensorT<double>({2, 3}), true};
  ParamT<double> b{"bias", TensorT<double>({3}), TensorT<double>({3}), false};
  w.value.data = {0.5, -1.0, 2.0, -0.3, 0.7, -1.5};
  b.value.data = {10, 10, 10};  // biases are not regularised
  std::vector<ParamT<double>*> params{&w, &b};

  CHECK(RegularizationPenalty(RegConfig{RegKind::kL2, 0.1, 1}, params) == Approx(0.1 * (0.25 + 1 + 4 + 0.09 + 0.49 + 2.25)));
  CHECK(RegularizationPenalty(RegConfig{RegKind::kL1, 0.1, 1}, params) == Approx(0.1 * 6.0));
  CHECK(RegularizationPenalty(RegConfig{RegKind::kElasticNet, 0.1, 0.5}, params) ==
        Approx(0.1 * (0.5 * 8.08 + 6.0)));
  CHECK(RegularizationPenalty(RegConfig{RegKind::kNone, 0.1, 1}, params) == 0);

  for (RegKind kind : {RegKind::kL2, RegKind::kL1, RegKind::kElasticNet}) {
    RegConfig cfg{kind, 0.3, 0.7};
    w.grad.Zero();
    b.grad.Zero();
    AddRegularizationGradient(cfg, params);
    CHECK(b.grad.data == std::vector<double>{0, 0, 0});
    const std::vector<double> analytic = w.grad.data;
    const double err = MaxGradError(w.value.data, analytic, [&] { return RegularizationPenalty(cfg, params); });
    INFO(RegKindName(kind));
    CHECK(err < 1e-6);
  }
}

TEST_CASE("L1 with plain (sub)gradient steps makes a small weight hover around 0, not reach it", "[nn][reg][lecture]") {
  // What the calculator says (nn::kRegularizerPulls): each step moves the weight by lr * lambda
  // towards 0, whatever its size, so it steps past 0 and back.
  ParamT<double> w{"weight", TensorT<double>({1}), TensorT<double>({1}), true};
  w.value[0] = 0.3;
  const RegConfig l1{RegKind::kL1, 0.1, 1};
  const double lr = 0.7;  // steps of 0.07
  int sign_changes = 0;
  for (int step = 0; step < 50; ++step) {
    w.grad.Zero();
    AddRegularizationGradient(l1, std::vector<ParamT<double>*>{&w});
    const double before = w.value[0];
    w.value[0] -= lr * w.grad[0];
    CHECK(w.value[0] != 0);
    if ((before > 0) != (w.value[0] > 0)) ++sign_changes;
  }
  CHECK(std::fabs(w.value[0]) <= lr * l1.lambda);  // near 0 ...
  CHECK(sign_changes > 10);                        // ... but crossing it back and forth
  CHECK(std::string(kRegularizerPulls).find("hover around it") != std::string::npos);
  CHECK(std::string(kRegularizerPulls).find("reach 0") == std::string::npos);
}
