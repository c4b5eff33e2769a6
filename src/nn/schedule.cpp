#include "nn/schedule.h"
#include "i18n/translate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gradlab::nn {

double LearningRateAt(const ScheduleConfig& cfg, double t, double total) {
  const double a0 = cfg.base_lr;
  const double pi = 3.14159265358979323846;
  double a = a0;
  switch (cfg.kind) {
    case ScheduleKind::kConstant: break;
    case ScheduleKind::kStep:
      for (double m : cfg.milestones)
        if (t >= m) a *= cfg.gamma;
      break;
    case ScheduleKind::kCosine: a = total > 0 ? 0.5 * a0 * (1 + std::cos(pi * std::min(t, total) / total)) : a0; break;
    case ScheduleKind::kLinear: a = total > 0 ? a0 * std::max(0.0, 1 - t / total) : a0; break;
    case ScheduleKind::kInverseSqrt: a = a0 / std::sqrt(t + 1); break;
  }
  // (t + 1) / W would overshoot for a fractional W and leave W = 1 at the full rate.
  if (cfg.warmup > 0) a *= std::min(1.0, (t + 1) / (cfg.warmup + 1));
  return a;
}

const char* ScheduleFormula(ScheduleKind kind) {
  switch (kind) {
    case ScheduleKind::kConstant: return "a0";
    case ScheduleKind::kStep: return "a0 * gamma^(milestones passed)";
    case ScheduleKind::kCosine: return "a0/2 (1 + cos(pi t/T))";
    case ScheduleKind::kLinear: return "a0 (1 - t/T)";
    case ScheduleKind::kInverseSqrt: return "a0 / sqrt(t + 1)";
  }
  return "";
}

Result<ScheduleConfig> ParseSchedule(const std::string& text, double base_lr) {
  using R = Result<ScheduleConfig>;
  ScheduleConfig cfg;
  cfg.base_lr = base_lr;
  std::string name = text, rest;
  if (auto colon = text.find(':'); colon != std::string::npos) {
    name = text.substr(0, colon);
    rest = text.substr(colon + 1);
  }
  if (name == "constant") cfg.kind = ScheduleKind::kConstant;
  else if (name == "cosine") cfg.kind = ScheduleKind::kCosine;
  else if (name == "linear") cfg.kind = ScheduleKind::kLinear;
  else if (name == "invsqrt") cfg.kind = ScheduleKind::kInverseSqrt;
  else if (name == "step") cfg.kind = ScheduleKind::kStep;
  else return R::Error(Fill(tr("unknown schedule '{0}'; use constant, step:30,60,90, cosine, linear or invsqrt"), {text}));
  if (cfg.kind != ScheduleKind::kStep) {
    if (!rest.empty()) return R::Error(Fill(tr("schedule '{0}' takes no ':' settings"), {name}));
    return cfg;
  }
  // step:30,60,90[:gamma=0.1]
  std::string points = rest;
  if (auto g = rest.find(":gamma="); g != std::string::npos) {
    points = rest.substr(0, g);
    char* end = nullptr;
    const std::string gs = rest.substr(g + 7);
    cfg.gamma = std::strtod(gs.c_str(), &end);
    // Above 1 the rate would grow at every milestone (gamma=1e300 made it infinite).
    if (gs.empty() || end != gs.c_str() + gs.size() || !(cfg.gamma > 0 && cfg.gamma <= 1))
      return R::Error(Fill(tr("step schedule: gamma must be a number above 0 and at most 1, not '{0}'"), {gs}));
  }
  if (points.empty()) return R::Error(tr("a step schedule needs milestones, e.g. step:30,60,90"));
  size_t p = 0;
  while (p <= points.size()) {
    size_t q = points.find(',', p);
    if (q == std::string::npos) q = points.size();
    const std::string item = points.substr(p, q - p);
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    // The whole item must be the number: a NUL byte inside it used to end the check early.
    if (item.empty() || end != item.c_str() + item.size() || !(v >= 0 && std::isfinite(v))) return R::Error(Fill(tr("step schedule: '{0}' is not a milestone (a number of epochs)"), {item}));
    if (!cfg.milestones.empty() && v <= cfg.milestones.back()) return R::Error(tr("step schedule: milestones must increase"));
    cfg.milestones.push_back(v);
    p = q + 1;
  }
  return cfg;
}

namespace {

// The shortest decimal that reads back as exactly `v`: %g alone gave 3.36667e+09 for both
// 3366666660 and 3366666666, and the formatted milestones no longer increased.
std::string Shortest(double v) {
  char buf[32];
  for (int digits = 6; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

}  // namespace

std::string FormatSchedule(const ScheduleConfig& cfg) {
  switch (cfg.kind) {
    case ScheduleKind::kConstant: return "constant";
    case ScheduleKind::kCosine: return "cosine";
    case ScheduleKind::kLinear: return "linear";
    case ScheduleKind::kInverseSqrt: return "invsqrt";
    case ScheduleKind::kStep: {
      std::string s = "step:";
      for (size_t i = 0; i < cfg.milestones.size(); ++i) s += (i ? "," : "") + Shortest(cfg.milestones[i]);
      if (cfg.gamma != 0.1) s += ":gamma=" + Shortest(cfg.gamma);
      return s;
    }
  }
  return "constant";
}

}  // namespace gradlab::nn
