// Learning-rate schedules from the lecture, as functions of t and the total T. t counts the
// epochs completed, from 0 (0 during the first epoch, T - 1 during the last), or the steps
// with per_step:
//   constant     a_t = a0
//   step         a_t = a0 * gamma^(number of milestones <= t)   (e.g. 0.1 at 30, 60, 90)
//   cosine       a_t = a0/2 * (1 + cos(pi t / T))
//   linear       a_t = a0 * (1 - t/T)
//   inverse sqrt a_t = a0 / sqrt(t + 1)   (the lecture's a0 / sqrt(t) with t counted from 1:
//                the first epoch runs at a0, the second at a0 / sqrt(2))
// Optional linear warm-up over the first W units (W may be fractional): the rate is multiplied
// by min(1, (t + 1) / (W + 1)). The first epoch runs at a0 / (W + 1), so even W = 1 starts
// small (a0/2, then a0), and no epoch runs above the schedule's own rate.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"
#include "i18n/translate.h"

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

// The formulas above as the calculators, the README and the lessons write them
// ("a0 / sqrt(t + 1)"; a test checks the last two).
const char* ScheduleFormula(ScheduleKind kind);
// What t is, and what warm-up does, in the same words everywhere (settings and CLI help,
// calculators).
inline constexpr const char* kScheduleTime = N_("t = epochs completed, from 0");
inline constexpr const char* kWarmupHelp =
    N_("linear warm-up over the first W epochs: epoch t (from 0) runs at min(1, (t + 1)/(W + 1)) times the rate");

// "step:30,60,90" (optionally ":gamma=0.5"), "cosine", "linear", "invsqrt", "constant";
// warm-up as a separate value.
Result<ScheduleConfig> ParseSchedule(const std::string& text, double base_lr);
std::string FormatSchedule(const ScheduleConfig& cfg);

}  // namespace gradlab::nn
