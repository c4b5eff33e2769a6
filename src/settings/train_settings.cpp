#include "settings/train_settings.h"

#include <algorithm>
#include <cstdlib>

#include "kernels/parallel.h"

namespace gradlab::settings {

Result<train::TrainConfig> ToTrainConfig(const TrainSettings& t) {
  // The engine's defaults for what the app does not set (micro-batch, evaluation limit), then
  // the settings: ConfigFromJson checks them all, as it does for the CLI and saved files.
  nlohmann::json j = train::ConfigToJson(train::TrainConfig{});
  j.update({
      {"model", t.model},
      {"loss", t.loss},
      {"optimizer", nn::OptimizerName(t.optimizer)},
      {"lr", t.lr},
      {"momentum", t.momentum},
      {"rho", t.rho},
      {"beta1", t.beta1},
      {"beta2", t.beta2},
      {"schedule", t.schedule},
      {"warmup", t.warmup},
      {"batch_size", t.batch},
      {"epochs", t.epochs},
      {"reg", t.reg},
      {"reg_lambda", t.lambda},
      {"reg_beta", t.beta},
      {"augment", t.augment},
      {"init", t.init},
      {"seed", t.seed},
  });
  return train::ConfigFromJson(j);
}

data::CifarSubset ToCifarSubset(const TrainSettings& t) {
  data::CifarSubset s;
  for (int c = 0; c < 10; ++c)
    if (t.classes[c]) s.classes.push_back(c);
  s.train_per_class = t.train_per_class;
  s.test_count = t.test;
  return s;
}

void SetFromConfig(TrainSettings& t, const train::TrainConfig& c) {
  const nlohmann::json j = train::ConfigToJson(c);
  t.model = c.model_spec;
  t.loss = j["loss"];
  t.optimizer = c.optimizer.kind;
  t.lr = c.schedule.base_lr;
  t.momentum = c.optimizer.momentum;
  t.rho = c.optimizer.rho;
  t.beta1 = c.optimizer.beta1;
  t.beta2 = c.optimizer.beta2;
  t.schedule = j["schedule"];
  t.warmup = c.schedule.warmup;
  t.batch = c.batch_size;
  t.epochs = c.epochs;
  t.reg = j["reg"];
  t.lambda = c.regularization.lambda;
  t.beta = c.regularization.beta;
  t.augment = c.augment.any() ? j["augment"].get<std::string>() : "";  // as the field and links write none
  t.init = j["init"];
  t.seed = c.seed;
}

int TrainingThreads(const TrainSettings& t) {
  if (!kernels::ThreadsAvailable()) return 0;
  const int asked = t.threads == "auto" ? kernels::DefaultTrainingThreads() : std::atoi(t.threads.c_str());  // checked by the registry
  return std::clamp(asked, 0, kernels::MostTrainingThreads());
}

}  // namespace gradlab::settings
