#include "nn/regularizer.h"
#include "i18n/translate.h"

#include <cmath>

namespace gradlab::nn {

template <typename T>
double RegularizationPenalty(const RegConfig& cfg, const std::vector<ParamT<T>*>& params) {
  if (cfg.kind == RegKind::kNone || cfg.lambda == 0) return 0;
  double r = 0;
  for (const ParamT<T>* p : params) {
    if (!p->regularized) continue;
    for (T w : p->value.data) {
      const double v = w;
      switch (cfg.kind) {
        case RegKind::kL2: r += v * v; break;
        case RegKind::kL1: r += std::fabs(v); break;
        case RegKind::kElasticNet: r += cfg.beta * v * v + std::fabs(v); break;
        case RegKind::kNone: break;
      }
    }
  }
  return cfg.lambda * r;
}

template <typename T>
void AddRegularizationGradient(const RegConfig& cfg, const std::vector<ParamT<T>*>& params) {
  if (cfg.kind == RegKind::kNone || cfg.lambda == 0) return;
  const T lambda = static_cast<T>(cfg.lambda), two_beta = static_cast<T>(2 * cfg.beta);
  for (ParamT<T>* p : params) {
    if (!p->regularized) continue;
    T* g = p->grad.ptr();
    const T* w = p->value.ptr();
    const size_t n = p->value.size();
    auto sign = [](T v) { return v > 0 ? T(1) : (v < 0 ? T(-1) : T(0)); };
    switch (cfg.kind) {
      case RegKind::kL2: for (size_t i = 0; i < n; ++i) g[i] += lambda * 2 * w[i]; break;
      case RegKind::kL1: for (size_t i = 0; i < n; ++i) g[i] += lambda * sign(w[i]); break;
      case RegKind::kElasticNet:
        for (size_t i = 0; i < n; ++i) g[i] += lambda * (two_beta * w[i] + sign(w[i]));
        break;
      case RegKind::kNone: break;
    }
  }
}

Result<RegKind> ParseRegKind(const std::string& name) {
  if (name == "none") return RegKind::kNone;
  if (name == "l2") return RegKind::kL2;
  if (name == "l1") return RegKind::kL1;
  if (name == "elastic" || name == "elasticnet") return RegKind::kElasticNet;
  return Result<RegKind>::Error(Fill(tr("unknown regularization '{0}'; use none, l2, l1 or elastic"), {name}));
}

const char* RegKindName(RegKind kind) {
  switch (kind) {
    case RegKind::kNone: return "none";
    case RegKind::kL2: return "l2";
    case RegKind::kL1: return "l1";
    case RegKind::kElasticNet: return "elastic";
  }
  return "?";
}

template double RegularizationPenalty<float>(const RegConfig&, const std::vector<ParamT<float>*>&);
template double RegularizationPenalty<double>(const RegConfig&, const std::vector<ParamT<double>*>&);
template void AddRegularizationGradient<float>(const RegConfig&, const std::vector<ParamT<float>*>&);
template void AddRegularizationGradient<double>(const RegConfig&, const std::vector<ParamT<double>*>&);

}  // namespace gradlab::nn
