// The numbers behind the lecture's calculators, computed by the engine so the Calculators tab
// shows the same math the trainer uses:
//   - the SVM and softmax losses of one score vector, step by step;
//   - an activation and its derivative sampled over a range (for plots);
//   - gradient descent and its variants walking a 2-D loss surface (full batch, or with
//     mini-batch noise), to compare their paths.
#pragma once
#include <string>
#include <vector>

#include "nn/activation.h"
#include "nn/optimizer.h"

namespace gradlab::nn {

struct LossBreakdown {
  // SVM (margin 1): margins s_j - s_y + 1, hinge terms max(0, margin) (0 for the label).
  std::vector<double> margins, hinge;
  double svm_loss = 0;
  // Softmax: exp(s), probabilities, -ln p_y (natural log), -log10 p_y (the lecture's 0.89).
  std::vector<double> exps, probs;
  double softmax_loss = 0, softmax_loss_log10 = 0;
  double kl_divergence = 0;  // D_KL(one-hot || p) = -ln p_y
};
LossBreakdown ExplainLosses(const std::vector<double>& scores, int label);

struct Curve {
  std::vector<float> x, y, dy;
};
Curve SampleActivation(ActivationKind kind, double param, double x_min, double x_max, int points);
// Maxout of two lines, max(w1 x + b1, w2 x + b2), and its derivative.
Curve SampleMaxout(double w1, double b1, double w2, double b2, double x_min, double x_max, int points);

// 2-D loss surfaces for the optimizer race.
enum class Surface { kRavine, kBowl, kSaddle };
const char* SurfaceName(Surface s);  // in English, marked for translation (N_)
double SurfaceValue(Surface s, double x, double y);
void SurfaceGradient(Surface s, double x, double y, double* gx, double* gy);

// The path of one optimizer from (x0, y0): `noise` > 0 adds Gaussian noise of that size to each
// gradient, as a mini-batch estimate would (seeded, so paths are reproducible).
std::vector<std::pair<float, float>> OptimizerPath(const OptimizerConfig& cfg, Surface s, double x0, double y0,
                                                   double lr, int steps, double noise, uint64_t seed);

}  // namespace gradlab::nn
