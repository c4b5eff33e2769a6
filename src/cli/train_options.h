// Turning command-line options into a TrainConfig (shared by `train` and tests of the CLI).
#pragma once
#include <vector>

#include "cli/args.h"
#include "train/config.h"

namespace gradlab::cli {

std::vector<OptionSpec> TrainOptionSpecs();
Result<train::TrainConfig> TrainConfigFromArgs(Args& args);

// --dropout P: adds dropout to a spec. For mlp:... it becomes a modifier of every hidden layer;
// otherwise dropoutP goes before every fc layer but the first word.
std::string AddDropoutToSpec(const std::string& spec, double p);

}  // namespace gradlab::cli
