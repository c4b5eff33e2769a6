// Optimizers (one step by hand) and learning-rate schedules (the lecture's formulas at chosen points).
#include <catch2/catch.hpp>

#include <cmath>

#include "nn/optimizer.h"
#include "nn/schedule.h"

using namespace gradlab;
using namespace gradlab::nn;

namespace {
ParamT<double> OneParam(double w, double g) {
  ParamT<double> p{"weight", TensorT<double>({1}), TensorT<double>({1}), true};
  p.value[0] = w;
  p.grad[0] = g;
  return p;
}
}  // namespace

TEST_CASE("Optimizers take the documented steps", "[nn][optim]") {
  const double lr = 0.1;
  SECTION("SGD") {
    auto p = OneParam(1.0, 2.0);
    OptimizerT<double> opt({OptimizerKind::kSgd});
    opt.Step({&p}, lr);
    CHECK(p.value[0] == Approx(0.8));
  }
  SECTION("momentum accumulates velocity") {
    auto p = OneParam(1.0, 2.0);
    OptimizerT<double> opt({OptimizerKind::kMomentum});
    opt.Step({&p}, lr);  // v = 2, w = 1 - 0.2
    opt.Step({&p}, lr);  // v = 0.9*2 + 2 = 3.8, w = 0.8 - 0.38
    CHECK(p.value[0] == Approx(0.42));
  }
  SECTION("Nesterov looks ahead") {
    auto p = OneParam(1.0, 2.0);
    OptimizerT<double> opt({OptimizerKind::kNesterov});
    opt.Step({&p}, lr);  // v = 2, w = 1 - 0.1 * (2 + 0.9*2)
    CHECK(p.value[0] == Approx(1 - 0.38));
  }
  SECTION("Adagrad divides by the root of the summed squares") {
    auto p = OneParam(1.0, 2.0);
    OptimizerT<double> opt({OptimizerKind::kAdagrad});
    opt.Step({&p}, lr);
    CHECK(p.value[0] == Approx(1 - 0.1 * 2 / (2 + 1e-7)));
    opt.Step({&p}, lr);
    CHECK(p.value[0] == Approx(0.9 - 0.1 * 2 / (std::sqrt(8.0) + 1e-7)));
  }
  SECTION("RMSProp uses a leaky average") {
    auto p = OneParam(1.0, 2.0);
    OptimizerT<double> opt({OptimizerKind::kRmsProp});
    opt.Step({&p}, lr);
    CHECK(p.value[0] == Approx(1 - 0.1 * 2 / (std::sqrt(0.1 * 4) + 1e-8)));
  }
  SECTION("Adam's first step is lr times the sign of the gradient") {
    auto p = OneParam(1.0, -5.0);
    OptimizerT<double> opt({OptimizerKind::kAdam});
    opt.Step({&p}, 0.001);
    CHECK(p.value[0] == Approx(1.001).epsilon(1e-6));
  }
}

TEST_CASE("Optimizers minimise a simple quadratic", "[nn][optim]") {
  for (auto kind : {OptimizerKind::kSgd, OptimizerKind::kMomentum, OptimizerKind::kNesterov,
                    OptimizerKind::kAdagrad, OptimizerKind::kRmsProp, OptimizerKind::kAdam}) {
    auto p = OneParam(3.0, 0.0);
    OptimizerT<double> opt({kind});
    for (int i = 0; i < 2000; ++i) {
      p.grad[0] = 2 * (p.value[0] - 1.0);  // f = (w - 1)^2
      opt.Step({&p}, kind == OptimizerKind::kAdagrad ? 0.5 : 0.01);
    }
    INFO(OptimizerName(kind));
    CHECK(p.value[0] == Approx(1.0).margin(0.05));
  }
}

TEST_CASE("Schedules follow the lecture's formulas", "[nn][schedule][lecture]") {
  ScheduleConfig c;
  c.base_lr = 1.0;
  c.kind = ScheduleKind::kCosine;
  CHECK(LearningRateAt(c, 0, 100) == Approx(1.0));
  CHECK(LearningRateAt(c, 50, 100) == Approx(0.5));
  CHECK(LearningRateAt(c, 100, 100) == Approx(0.0).margin(1e-12));
  CHECK(LearningRateAt(c, 25, 100) == Approx(0.5 * (1 + std::cos(3.14159265358979323846 / 4))));
  c.kind = ScheduleKind::kLinear;
  CHECK(LearningRateAt(c, 25, 100) == Approx(0.75));
  // a0 / sqrt(t + 1): the first epoch (t = 0) at a0, the second already lower.
  c.kind = ScheduleKind::kInverseSqrt;
  CHECK(LearningRateAt(c, 0, 100) == Approx(1.0));
  CHECK(LearningRateAt(c, 1, 100) == Approx(1 / std::sqrt(2.0)));
  CHECK(LearningRateAt(c, 3, 100) == Approx(0.5));
  auto step = ParseSchedule("step:30,60,90", 1.0);
  REQUIRE(step.ok());
  CHECK(LearningRateAt(*step, 29, 100) == Approx(1.0));
  CHECK(LearningRateAt(*step, 30, 100) == Approx(0.1));
  CHECK(LearningRateAt(*step, 75, 100) == Approx(0.01));
  CHECK(LearningRateAt(*step, 95, 100) == Approx(0.001));
  // Warm-up: min(1, (t + 1)/(W + 1)), so W = 4 gives 1/5, 2/5, ... and the full rate at t = 4.
  c.kind = ScheduleKind::kConstant;
  c.warmup = 4;
  CHECK(LearningRateAt(c, 0, 100) == Approx(0.2));
  CHECK(LearningRateAt(c, 3, 100) == Approx(0.8));
  CHECK(LearningRateAt(c, 4, 100) == Approx(1.0));
  CHECK(LearningRateAt(c, 10, 100) == Approx(1.0));
}

TEST_CASE("Warm-up starts below the rate and never overshoots it", "[nn][schedule]") {
  ScheduleConfig c;
  c.base_lr = 0.1;
  // (t + 1)/W ran epoch 2 of W = 1.5 at 0.1333, and did nothing at all for W = 1.
  c.warmup = 1.5;
  CHECK(LearningRateAt(c, 0, 10) == Approx(0.04));
  CHECK(LearningRateAt(c, 1, 10) == Approx(0.08));
  CHECK(LearningRateAt(c, 2, 10) == Approx(0.1));
  c.warmup = 1;
  CHECK(LearningRateAt(c, 0, 10) == Approx(0.05));
  CHECK(LearningRateAt(c, 1, 10) == Approx(0.1));
  for (ScheduleKind kind : {ScheduleKind::kConstant, ScheduleKind::kCosine, ScheduleKind::kLinear, ScheduleKind::kInverseSqrt})
    for (double w : {0.1, 0.5, 1.0, 1.5, 2.7, 4.0, 9.9}) {
      ScheduleConfig plain;
      plain.kind = kind;
      plain.base_lr = 0.1;
      ScheduleConfig warm = plain;
      warm.warmup = w;
      INFO(FormatSchedule(plain) << ", warm-up " << w);
      CHECK(LearningRateAt(warm, 0, 20) < LearningRateAt(plain, 0, 20));
      for (int t = 0; t <= 20; ++t) CHECK(LearningRateAt(warm, t, 20) <= LearningRateAt(plain, t, 20));
    }
}

TEST_CASE("Schedules parse, format and explain mistakes", "[nn][schedule]") {
  auto s = ParseSchedule("step:10,20:gamma=0.5", 0.1);
  REQUIRE(s.ok());
  CHECK(s->gamma == 0.5);
  CHECK(FormatSchedule(*s) == "step:10,20:gamma=0.5");
  CHECK_THAT(ParseSchedule("step", 1).error(), Catch::Contains("needs milestones"));
  CHECK_THAT(ParseSchedule("step:30,20", 1).error(), Catch::Contains("must increase"));
  CHECK_THAT(ParseSchedule("exp", 1).error(), Catch::Contains("unknown schedule 'exp'"));
  CHECK_THAT(ParseOptimizerKind("adamw").error(), Catch::Contains("unknown optimizer 'adamw'"));
}
