// Train settings in the engine's own terms: the training config (through train::ConfigFromJson,
// the parser the CLI and saved files use) and the CIFAR-10 subset.
#pragma once
#include "core/status.h"
#include "data/cifar10.h"
#include "settings/settings.h"
#include "train/config.h"

namespace gradlab::settings {

Result<train::TrainConfig> ToTrainConfig(const TrainSettings& t);
data::CifarSubset ToCifarSubset(const TrainSettings& t);
// The inverse of ToTrainConfig, for a loaded model file: its config becomes the settings.
void SetFromConfig(TrainSettings& t, const train::TrainConfig& c);
// How many threads train, from the `threads` setting and what this build and machine have:
// 0 means training shares the UI thread, between frames.
int TrainingThreads(const TrainSettings& t);

}  // namespace gradlab::settings
