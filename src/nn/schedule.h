// Learning-rate schedules from the lecture, as functions of t (epochs, or steps, done so far)
// and the total T:
//   constant     a_t = a0
//   step         a_t = a0 * gamma^(number of milestones <= t)   (e.g. 0.1 at 30, 60, 90)
//   cosine       a_t = a0/2 * (1 + cos(pi t / T))
//   linear       a_t = a0 * (1 - t/T)
//   inverse sqrt a_t = a0 / sqrt(t)   (t counted from 1, so the first unit runs at a0)
// Optional linear warm-up over the first W units: a_t * (t + 1) / W while t < W.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab::nn {

enum class ScheduleKind { kConstant, kStep, kCosine, kLinear, kInverseSqrt };

struct ScheduleConfig {
  ScheduleKind kind = ScheduleKind::kConstant;
  double base_lr = 0.01;
  std::vector<double> milestones;  // step: where the rate is multiplied by gamma
  double gamma = 0.1;
  double warmup = 0;               // units of linear warm-up (0: none)
  bool per_step = false;           // t counts steps instead of epochs
};

double LearningRateAt(const ScheduleConfig& cfg, double t, double total);

// "step:30,60,90" (optionally ":gamma=0.5"), "cosine", "linear", "invsqrt", "constant";
// warm-up as a separate value.
Result<ScheduleConfig> ParseSchedule(const std::string& text, double base_lr);
std::string FormatSchedule(const ScheduleConfig& cfg);

}  // namespace gradlab::nn
