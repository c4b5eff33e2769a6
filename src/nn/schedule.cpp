#include "nn/schedule.h"

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
    case ScheduleKind::kInverseSqrt: a = a0 / std::sqrt(std::max(t, 1.0)); break;
  }
  if (cfg.warmup > 0 && t < cfg.warmup) a *= (t + 1) / cfg.warmup;
  return a;
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
  else return R::Error("unknown schedule '" + text + "'; use constant, step:30,60,90, cosine, linear or invsqrt");
  if (cfg.kind != ScheduleKind::kStep) {
    if (!rest.empty()) return R::Error("schedule '" + name + "' takes no ':' settings");
    return cfg;
  }
  // step:30,60,90[:gamma=0.1]
  std::string points = rest;
  if (auto g = rest.find(":gamma="); g != std::string::npos) {
    points = rest.substr(0, g);
    char* end = nullptr;
    const std::string gs = rest.substr(g + 7);
    cfg.gamma = std::strtod(gs.c_str(), &end);
    if (gs.empty() || *end != '\0' || !(cfg.gamma > 0 && std::isfinite(cfg.gamma))) return R::Error("step schedule: gamma must be a positive number, not '" + gs + "'");
  }
  if (points.empty()) return R::Error("a step schedule needs milestones, e.g. step:30,60,90");
  size_t p = 0;
  while (p <= points.size()) {
    size_t q = points.find(',', p);
    if (q == std::string::npos) q = points.size();
    const std::string item = points.substr(p, q - p);
    char* end = nullptr;
    const double v = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(v >= 0 && std::isfinite(v))) return R::Error("step schedule: '" + item + "' is not a milestone (a number of epochs)");
    if (!cfg.milestones.empty() && v <= cfg.milestones.back()) return R::Error("step schedule: milestones must increase");
    cfg.milestones.push_back(v);
    p = q + 1;
  }
  return cfg;
}

std::string FormatSchedule(const ScheduleConfig& cfg) {
  switch (cfg.kind) {
    case ScheduleKind::kConstant: return "constant";
    case ScheduleKind::kCosine: return "cosine";
    case ScheduleKind::kLinear: return "linear";
    case ScheduleKind::kInverseSqrt: return "invsqrt";
    case ScheduleKind::kStep: {
      std::string s = "step:";
      char buf[32];
      for (size_t i = 0; i < cfg.milestones.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%g", cfg.milestones[i]);
        s += (i ? "," : "") + std::string(buf);
      }
      if (cfg.gamma != 0.1) {
        std::snprintf(buf, sizeof buf, ":gamma=%g", cfg.gamma);
        s += buf;
      }
      return s;
    }
  }
  return "constant";
}

}  // namespace gradlab::nn
