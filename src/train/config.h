// Everything that defines a training run. The same struct is filled by the CLI's options, the
// UI's panels and saved model files, so a run can be reproduced from any of them.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "data/augment.h"
#include "nn/layer.h"
#include "nn/loss.h"
#include "nn/optimizer.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"

namespace gradlab::train {

struct TrainConfig {
  std::string model_spec = "linear";
  nn::LossKind loss = nn::LossKind::kSoftmax;
  nn::OptimizerConfig optimizer;        // kind and its settings
  nn::ScheduleConfig schedule;          // base learning rate, schedule, warm-up
  int batch_size = 32;                  // 0 = full batch (gradient descent on the whole set)
  int micro_batch = 0;                  // images per forward/backward chunk (0 = up to 256); the
                                        // app uses small chunks to keep frames short
  int epochs = 10;
  nn::RegConfig regularization;
  data::AugmentConfig augment;
  nn::InitKind init = nn::InitKind::kHe;
  uint64_t seed = 1;
  int train_eval_limit = 2000;          // training images scored each epoch for train accuracy (0 = all)
};

// Checks ranges (batch size, epochs, learning rate, ...) with a message naming the setting.
Status ValidateConfig(const TrainConfig& cfg);

// For saved files and the CLI's --json output.
nlohmann::json ConfigToJson(const TrainConfig& cfg);
Result<TrainConfig> ConfigFromJson(const nlohmann::json& j);

}  // namespace gradlab::train
