// Weight regularisation added to the data loss, L = data loss + lambda * R(W), on weights only
// (not biases or batch-norm parameters), as in the lecture:
//   L2           R = sum W^2                dR/dW = 2W
//   L1           R = sum |W|                dR/dW = sign(W)   (0 at 0)
//   elastic net  R = sum beta W^2 + |W|     dR/dW = 2 beta W + sign(W)
#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "i18n/translate.h"
#include "nn/layer.h"

namespace gradlab::nn {

enum class RegKind { kNone, kL2, kL1, kElasticNet };

struct RegConfig {
  RegKind kind = RegKind::kNone;
  double lambda = 0;  // strength
  double beta = 1;    // elastic net's weight on the squared term
};

// lambda * R(W) over the regularised params.
template <typename T>
double RegularizationPenalty(const RegConfig& cfg, const std::vector<ParamT<T>*>& params);
// Adds lambda * dR/dW to the regularised params' gradients.
template <typename T>
void AddRegularizationGradient(const RegConfig& cfg, const std::vector<ParamT<T>*>& params);

Result<RegKind> ParseRegKind(const std::string& name);  // none, l2, l1, elastic
const char* RegKindName(RegKind kind);

// For the calculator. L1's pull has the same size at every weight, so a plain (sub)gradient step
// carries a small weight past 0: it hovers around 0 rather than reaching it (a test shows it).
inline constexpr const char* kRegularizerPulls = N_(
    "L2 pulls big weights hardest (2 lambda W); L1 pulls every weight by the same lambda, so with plain "
    "(sub)gradient steps small ones overshoot 0 and hover around it rather than settle at exactly 0.");
// The lecture's slip, quoted where the calculator shows lambda R(W).
inline constexpr const char* kLossSignSlip = N_(
    "The lecture's first slide on it writes L(W) = 1/N sum_i L_i(f(x_i, W), y_i) - lambda R(W): the penalty is added, "
    "+ lambda R(W), as its later slides write it.");

}  // namespace gradlab::nn
