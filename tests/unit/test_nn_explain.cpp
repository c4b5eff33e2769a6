// The calculators' numbers: the lecture's cat example step by step, activation samples,
// optimizer paths on 2-D surfaces.
#include <catch2/catch.hpp>

#include "core/text.h"
#include "nn/explain.h"

using namespace gradlab::nn;

TEST_CASE("The cat example, step by step as the lecture writes it", "[nn][lecture]") {
  const LossBreakdown b = ExplainLosses({3.2, 5.1, -1.7}, 0);
  CHECK(b.margins[1] == Approx(2.9));
  CHECK(b.margins[2] == Approx(-3.9));
  CHECK(b.hinge[0] == 0);
  CHECK(b.hinge[1] == Approx(2.9));
  CHECK(b.hinge[2] == 0);
  CHECK(b.svm_loss == Approx(2.9));
  CHECK(b.exps[0] == Approx(24.5).margin(0.05));
  CHECK(b.exps[1] == Approx(164.0).margin(0.05));
  CHECK(b.exps[2] == Approx(0.18).margin(0.005));
  CHECK(b.probs[0] == Approx(0.13).margin(0.005));
  CHECK(b.softmax_loss == Approx(2.04).margin(0.005));
  CHECK(b.softmax_loss_log10 == Approx(0.89).margin(0.005));
  CHECK(b.kl_divergence == Approx(b.softmax_loss));
  CHECK(ExplainLosses({1, 2}, 5).probs.empty());  // a label out of range explains nothing
}

TEST_CASE("Small probabilities keep two significant digits (the frog is 0.0021, not 0.00)", "[nn][lecture]") {
  // The lecture's frog image (its third column of scores), true class frog.
  const LossBreakdown frog = ExplainLosses({2.2, 2.5, -3.1}, 2);
  CHECK(gradlab::FormatProbability(frog.probs[0]) == "0.42");
  CHECK(gradlab::FormatProbability(frog.probs[2]) == "0.0021");
  CHECK(frog.softmax_loss == Approx(6.16).margin(0.005));  // -ln 0.0021
  // The cat image: 0.13, 0.87 and a frog probability that %.2f showed as 0.00.
  const LossBreakdown cat = ExplainLosses({3.2, 5.1, -1.7}, 0);
  CHECK(gradlab::FormatProbability(cat.probs[0]) == "0.13");
  CHECK(gradlab::FormatProbability(cat.probs[1]) == "0.87");
  CHECK(gradlab::FormatProbability(cat.probs[2]) == "0.00097");
  CHECK(gradlab::FormatProbability(0) == "0.00");
  CHECK(gradlab::FormatProbability(1) == "1.00");
  CHECK(gradlab::FormatProbability(1.234e-7) == "1.2e-07");
  CHECK(gradlab::FormatPercent(0.62) == "62%");
  CHECK(gradlab::FormatPercent(frog.probs[2]) == "0.21%");
  CHECK(gradlab::FormatPercent(0.6234, 1) == "62.3%");
  CHECK(gradlab::FormatPercent(0.0004, 1) == "0.04%");
}

TEST_CASE("Activation samples carry values and derivatives", "[nn]") {
  const Curve relu = SampleActivation(ActivationKind::kReLU, 0, -2, 2, 5);
  CHECK(relu.x == std::vector<float>{-2, -1, 0, 1, 2});
  CHECK(relu.y == std::vector<float>{0, 0, 0, 1, 2});
  CHECK(relu.dy == std::vector<float>{0, 0, 0, 1, 1});
  const Curve m = SampleMaxout(1, 0, -1, 0, -1, 1, 3);  // max(x, -x) = |x|
  CHECK(m.y == std::vector<float>{1, 0, 1});
  CHECK(m.dy == std::vector<float>{-1, 1, 1});
}

TEST_CASE("Optimizers race down a ravine; momentum and Adam get further than SGD", "[nn][optim]") {
  auto end_value = [](OptimizerKind kind, double lr) {
    OptimizerConfig cfg;
    cfg.kind = kind;
    const auto path = OptimizerPath(cfg, Surface::kRavine, -4, 1, lr, 60, 0, 1);
    REQUIRE(path.size() == 61);
    return SurfaceValue(Surface::kRavine, path.back().first, path.back().second);
  };
  const double start = SurfaceValue(Surface::kRavine, -4, 1);
  const double sgd = end_value(OptimizerKind::kSgd, 0.2), momentum = end_value(OptimizerKind::kMomentum, 0.2);
  const double adam = end_value(OptimizerKind::kAdam, 0.2);
  CHECK(sgd < start);
  CHECK(momentum < sgd);
  CHECK(adam < sgd);
  // Mini-batch noise makes a different, reproducible path.
  OptimizerConfig cfg;
  const auto a = OptimizerPath(cfg, Surface::kBowl, 2, 2, 0.1, 20, 0.5, 7), b = OptimizerPath(cfg, Surface::kBowl, 2, 2, 0.1, 20, 0.5, 7);
  const auto full = OptimizerPath(cfg, Surface::kBowl, 2, 2, 0.1, 20, 0, 7);
  CHECK(a == b);
  CHECK(a != full);
}
