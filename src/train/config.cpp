#include "train/config.h"

#include <cmath>
#include <limits>

#include "i18n/translate.h"
#include "train/json_keys.h"

namespace gradlab::train {

Status ValidateConfig(const TrainConfig& cfg) {
  const double lr = cfg.schedule.base_lr;
  if (!(std::isfinite(lr) && lr > 0)) return Status::Error(tr("the learning rate must be a positive number"));
  if (cfg.batch_size < 0 || cfg.batch_size > 100000) return Status::Error(tr("the batch size must be from 1 to 100,000 (0 for full batch)"));
  if (cfg.micro_batch < 0 || cfg.micro_batch > 100000) return Status::Error(tr("the micro-batch must be from 1 to 100,000 (0 for automatic)"));
  if (cfg.epochs < 1 || cfg.epochs > 100000) return Status::Error(tr("epochs must be from 1 to 100,000"));
  if (!(cfg.regularization.lambda >= 0 && std::isfinite(cfg.regularization.lambda)))
    return Status::Error(tr("the regularization strength must be a finite number, 0 or more"));
  if (!(cfg.regularization.beta >= 0 && std::isfinite(cfg.regularization.beta)))
    return Status::Error(tr("the elastic-net beta must be a finite number, 0 or more"));
  const auto& o = cfg.optimizer;
  if (!(o.momentum >= 0 && o.momentum < 1)) return Status::Error(tr("momentum must be in [0, 1)"));
  if (!(o.rho >= 0 && o.rho < 1)) return Status::Error(tr("the RMSProp decay must be in [0, 1)"));
  if (!(o.beta1 >= 0 && o.beta1 < 1 && o.beta2 >= 0 && o.beta2 < 1)) return Status::Error(tr("Adam's betas must be in [0, 1)"));
  if (!(cfg.schedule.warmup >= 0 && cfg.schedule.warmup <= 1e9))
    return Status::Error(tr("warm-up must be a number from 0 to 1e9 (epochs, or steps)"));
  if (cfg.train_eval_limit < 0) return Status::Error(tr("the train-accuracy sample must be 0 (all) or more"));
  return Status();
}

nlohmann::json ConfigToJson(const TrainConfig& c) {
  return {
      {"model", c.model_spec},
      {"loss", c.loss == nn::LossKind::kSvm ? "svm" : "softmax"},
      {"optimizer", nn::OptimizerName(c.optimizer.kind)},
      {"momentum", c.optimizer.momentum},
      {"rho", c.optimizer.rho},
      {"beta1", c.optimizer.beta1},
      {"beta2", c.optimizer.beta2},
      {"lr", c.schedule.base_lr},
      {"schedule", nn::FormatSchedule(c.schedule)},
      {"warmup", c.schedule.warmup},
      {"schedule_per_step", c.schedule.per_step},
      {"batch_size", c.batch_size},
      {"micro_batch", c.micro_batch},
      {"epochs", c.epochs},
      {"reg", nn::RegKindName(c.regularization.kind)},
      {"reg_lambda", c.regularization.lambda},
      {"reg_beta", c.regularization.beta},
      {"augment", data::FormatAugmentSpec(c.augment)},
      {"init", c.init == nn::InitKind::kHe ? "he" : "xavier"},
      {"seed", c.seed},
      {"train_eval_limit", c.train_eval_limit},
  };
}

namespace {

// A JSON whole number that V can hold (nlohmann keeps non-negative numbers as unsigned).
template <typename V>
bool FitsIn(const nlohmann::json& v) {
  if (v.is_number_unsigned()) return v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<V>::max());
  if (!v.is_number_integer()) return false;
  const int64_t x = v.get<int64_t>();
  if (std::is_unsigned_v<V>) return x >= 0;
  return x >= static_cast<int64_t>(std::numeric_limits<V>::min()) && x <= static_cast<int64_t>(std::numeric_limits<V>::max());
}

}  // namespace

Result<TrainConfig> ConfigFromJson(const nlohmann::json& j) {
  using R = Result<TrainConfig>;
  if (!j.is_object()) return R::Error(tr("training settings are not a JSON object"));
  TrainConfig c;
  // Every setting must be present with its type: a missing or misspelt key is an error, never
  // a silent default (a saved model must say exactly how it was trained).
  if (auto key = UnknownKey(j, {"model", "loss", "optimizer", "momentum", "rho", "beta1", "beta2", "lr", "schedule",
                                 "warmup", "schedule_per_step", "batch_size", "micro_batch", "epochs", "reg",
                                 "reg_lambda", "reg_beta", "augment", "init", "seed", "train_eval_limit"}))
    return R::Error(Fill(tr("training settings: unknown setting '{0}'"), {*key}));
  std::string problem;
  auto get = [&](const char* key, auto& out) {
    if (!problem.empty()) return;
    if (!j.contains(key)) {
      problem = Fill(tr("'{0}' is missing"), {key});
      return;
    }
    const auto& v = j[key];
    using V = std::decay_t<decltype(out)>;
    if constexpr (std::is_same_v<V, std::string>) {
      if (v.is_string()) out = v.get<std::string>();
      else problem = Fill(tr("'{0}' should be text"), {key});
    } else if constexpr (std::is_same_v<V, bool>) {
      if (v.is_boolean()) out = v.get<bool>();
      else problem = Fill(tr("'{0}' should be true or false"), {key});
    } else if constexpr (std::is_integral_v<V>) {
      // Whole numbers only, checked before the conversion (1e20 into an int is undefined).
      const bool fits = FitsIn<V>(v);
      if (fits) out = v.get<V>();
      else problem = Fill(tr("'{0}' should be a whole number in range"), {key});
    } else {
      if (v.is_number() && std::isfinite(v.get<double>())) out = v.get<V>();
      else problem = Fill(tr("'{0}' should be a finite number"), {key});
    }
  };
  std::string loss, optimizer, schedule, reg, augment, init;
  double lr = 0, warmup = 0;
  bool per_step = false;
  get("model", c.model_spec);
  get("loss", loss);
  get("optimizer", optimizer);
  get("momentum", c.optimizer.momentum);
  get("rho", c.optimizer.rho);
  get("beta1", c.optimizer.beta1);
  get("beta2", c.optimizer.beta2);
  get("lr", lr);
  get("schedule", schedule);
  get("warmup", warmup);
  get("schedule_per_step", per_step);
  get("batch_size", c.batch_size);
  get("micro_batch", c.micro_batch);
  get("epochs", c.epochs);
  get("reg", reg);
  get("reg_lambda", c.regularization.lambda);
  get("reg_beta", c.regularization.beta);
  get("augment", augment);
  get("init", init);
  get("seed", c.seed);
  get("train_eval_limit", c.train_eval_limit);
  if (!problem.empty()) return R::Error(Fill(tr("training settings: {0}"), {problem}));

  if (loss == "svm") c.loss = nn::LossKind::kSvm;
  else if (loss == "softmax") c.loss = nn::LossKind::kSoftmax;
  else return R::Error(Fill(tr("unknown loss '{0}'; use softmax or svm"), {loss}));
  auto opt = nn::ParseOptimizerKind(optimizer);
  if (!opt) return R::Error(opt.error());
  c.optimizer.kind = *opt;
  auto sched = nn::ParseSchedule(schedule, lr);
  if (!sched) return R::Error(sched.error());
  c.schedule = *sched;
  c.schedule.warmup = warmup;
  c.schedule.per_step = per_step;
  auto r = nn::ParseRegKind(reg);
  if (!r) return R::Error(r.error());
  c.regularization.kind = *r;
  auto aug = data::ParseAugmentSpec(augment);
  if (!aug) return R::Error(aug.error());
  c.augment = *aug;
  if (init == "he") c.init = nn::InitKind::kHe;
  else if (init == "xavier") c.init = nn::InitKind::kXavier;
  else return R::Error(Fill(tr("unknown initialisation '{0}'; use he or xavier"), {init}));
  Status valid = ValidateConfig(c);
  if (!valid) return R::Error(valid.message());
  return c;
}

}  // namespace gradlab::train
