#include "nn/explain.h"

#include <algorithm>
#include <cmath>

#include "core/rng.h"
#include "i18n/translate.h"
#include "nn/loss.h"

namespace gradlab::nn {

LossBreakdown ExplainLosses(const std::vector<double>& scores, int label) {
  LossBreakdown b;
  const int k = static_cast<int>(scores.size());
  if (k == 0 || label < 0 || label >= k) return b;
  TensorT<double> s({1, k}), t({1, k}), probs;
  s.data = scores;
  t[label] = 1;
  b.svm_loss = MulticlassSvm(s, t, static_cast<TensorT<double>*>(nullptr));
  b.softmax_loss = SoftmaxCrossEntropy(s, t, static_cast<TensorT<double>*>(nullptr));
  Softmax(s, probs);
  b.probs = probs.data;
  b.kl_divergence = KLDivergence(probs, t);
  b.softmax_loss_log10 = -std::log10(b.probs[label]);
  for (int j = 0; j < k; ++j) {
    const double m = j == label ? 0 : scores[j] - scores[label] + 1;
    b.margins.push_back(m);
    b.hinge.push_back(j == label ? 0 : std::max(0.0, m));
    b.exps.push_back(std::exp(scores[j]));
  }
  return b;
}

Curve SampleActivation(ActivationKind kind, double param, double x_min, double x_max, int points) {
  Curve c;
  for (int i = 0; i < points; ++i) {
    const double x = x_min + (x_max - x_min) * i / std::max(1, points - 1);
    c.x.push_back(static_cast<float>(x));
    c.y.push_back(static_cast<float>(Activate(kind, x, param)));
    c.dy.push_back(static_cast<float>(ActivationDerivative(kind, x, param)));
  }
  return c;
}

Curve SampleMaxout(double w1, double b1, double w2, double b2, double x_min, double x_max, int points) {
  Curve c;
  for (int i = 0; i < points; ++i) {
    const double x = x_min + (x_max - x_min) * i / std::max(1, points - 1);
    const double a = w1 * x + b1, b = w2 * x + b2;
    c.x.push_back(static_cast<float>(x));
    c.y.push_back(static_cast<float>(std::max(a, b)));
    c.dy.push_back(static_cast<float>(a >= b ? w1 : w2));
  }
  return c;
}

const char* SurfaceName(Surface s) {
  switch (s) {
    case Surface::kRavine: return N_("ravine (steep across, shallow along)");
    case Surface::kBowl: return N_("round bowl");
    case Surface::kSaddle: return N_("saddle with a bowl beyond");
  }
  return "?";
}

double SurfaceValue(Surface s, double x, double y) {
  switch (s) {
    case Surface::kRavine: return 0.05 * x * x + 2.0 * y * y;
    case Surface::kBowl: return 0.5 * (x * x + y * y);
    case Surface::kSaddle: return 0.25 * x * x * x * x - x * x + 0.5 * y * y + 0.3 * x;
  }
  return 0;
}

void SurfaceGradient(Surface s, double x, double y, double* gx, double* gy) {
  switch (s) {
    case Surface::kRavine: *gx = 0.1 * x; *gy = 4.0 * y; return;
    case Surface::kBowl: *gx = x; *gy = y; return;
    case Surface::kSaddle: *gx = x * x * x - 2 * x + 0.3; *gy = y; return;
  }
  *gx = *gy = 0;
}

std::vector<std::pair<float, float>> OptimizerPath(const OptimizerConfig& cfg, Surface s, double x0, double y0,
                                                   double lr, int steps, double noise, uint64_t seed) {
  ParamT<double> p{"weight", TensorT<double>({2}), TensorT<double>({2}), false};
  p.value[0] = x0;
  p.value[1] = y0;
  OptimizerT<double> opt(cfg);
  Rng rng(seed);
  std::vector<std::pair<float, float>> path{{static_cast<float>(x0), static_cast<float>(y0)}};
  for (int i = 0; i < steps; ++i) {
    SurfaceGradient(s, p.value[0], p.value[1], &p.grad[0], &p.grad[1]);
    if (noise > 0) {
      p.grad[0] += rng.Normal(0, noise);
      p.grad[1] += rng.Normal(0, noise);
    }
    opt.Step({&p}, lr);
    if (!std::isfinite(p.value[0]) || !std::isfinite(p.value[1]) || std::fabs(p.value[0]) > 1e6) break;
    path.emplace_back(static_cast<float>(p.value[0]), static_cast<float>(p.value[1]));
  }
  return path;
}

}  // namespace gradlab::nn
