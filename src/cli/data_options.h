// The data options shared by `train`, `eval` and friends: CIFAR-10 subsets or toy 2-D data.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/status.h"
#include "data/dataset.h"

namespace gradlab::cli {

std::vector<OptionSpec> DataOptionSpecs();

struct LoadedData {
  std::shared_ptr<data::Dataset> train, test;
  std::string description;  // "CIFAR-10: cat, dog, ship; 500 train images per class, 300 test"
};

// Loads what the options ask for. `class_names` (from a saved model) fixes the CIFAR-10 classes.
gradlab::Result<LoadedData> LoadDataFromArgs(Args& args, uint64_t seed, const std::vector<std::string>& class_names = {});

}  // namespace gradlab::cli
