// Finite-difference gradient checking in double precision, shared by the nn tests.
// For a layer: L = sum(y * r) with a fixed random r, so dL/dy = r; the analytic dx and
// parameter gradients from Backward are compared with centred differences (L(v+h) - L(v-h)) / 2h.
#pragma once
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/rng.h"
#include "core/tensor.h"
#include "nn/layer.h"

namespace gradlab::testing {

using TensorD = TensorT<double>;

inline TensorD RandomTensor(const Shape& shape, Rng& rng, double scale = 1.0) {
  TensorD t(shape);
  for (double& v : t.data) v = rng.Normal(0.0, scale);
  return t;
}

// |a - n| / max(|a|, |n|, tiny): the usual relative error of a gradient check.
// The floor: a centred difference in double with h = 1e-5 is good to about 1e-11, so for a gradient
// below 1e-5 a relative error measures rounding, not the gradient (with the classifier's small
// initial weights a conv layer's gradients are that small, and WebAssembly rounded one to 1e-3).
inline double RelativeError(double analytic, double numeric) {
  const double denom = std::max({std::fabs(analytic), std::fabs(numeric), 1e-5});
  return std::fabs(analytic - numeric) / denom;
}

// Largest relative error over every element of `values` between `analytic` and the numerical
// gradient of `loss` (which reads `values`).
inline double MaxGradError(std::vector<double>& values, const std::vector<double>& analytic,
                           const std::function<double()>& loss, double h = 1e-5) {
  double worst = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    const double saved = values[i];
    values[i] = saved + h;
    const double up = loss();
    values[i] = saved - h;
    const double down = loss();
    values[i] = saved;
    worst = std::max(worst, RelativeError(analytic[i], (up - down) / (2 * h)));
  }
  return worst;
}

struct LayerCheck {
  double input_error = 0;  // worst relative error of dL/dx
  double param_error = 0;  // worst over all parameters
};

// Builds nothing: `layer` must already be Built (and Init-ed) for `x`'s sample shape.
inline LayerCheck CheckLayerGradients(nn::LayerT<double>& layer, TensorD x, nn::Mode mode, uint64_t seed = 7) {
  Rng rng(seed);
  TensorD y;
  layer.Forward(x, y, mode);
  const TensorD r = RandomTensor(y.shape, rng);
  auto loss = [&]() {
    TensorD out;
    layer.Forward(x, out, mode);
    double s = 0;
    for (size_t i = 0; i < out.size(); ++i) s += out[i] * r[i];
    return s;
  };
  for (auto* p : layer.params()) p->grad.Zero();
  layer.Forward(x, y, mode);
  TensorD dx;
  layer.Backward(x, y, r, dx);

  LayerCheck result;
  result.input_error = MaxGradError(x.data, dx.data, loss);
  for (auto* p : layer.params()) {
    const std::vector<double> analytic = p->grad.data;
    result.param_error = std::max(result.param_error, MaxGradError(p->value.data, analytic, loss));
  }
  return result;
}

}  // namespace gradlab::testing
