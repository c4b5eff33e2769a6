// The data options shared by `train`, `eval` and friends: CIFAR-10 subsets or toy 2-D data.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/status.h"
#include "core/tensor.h"
#include "data/dataset.h"

namespace gradlab::cli {

std::vector<OptionSpec> DataOptionSpecs();

struct LoadedData {
  std::shared_ptr<data::Dataset> train, test;
  std::string description;  // "CIFAR-10: cat, dog, ship; 500 train images per class, 300 test"
};

// Loads what the options ask for. A bad option value (an unknown class, toy kind or count out of
// range) is also recorded in args (Args::Fail), so CommandLine::Problem exits with 2 for it and
// with 1 for missing or damaged files. `class_names` (from a saved model) fixes the CIFAR-10 classes.
gradlab::Result<LoadedData> LoadDataFromArgs(Args& args, uint64_t seed, const std::vector<std::string>& class_names = {});

// For eval and predict: a model that does not take CIFAR-10 images needs --data; says which
// data the file records instead of trying CIFAR-10 with the model's class names.
std::optional<std::string> DataMissingFor(const Args& args, const Shape& model_input, const std::string& dataset);

}  // namespace gradlab::cli
