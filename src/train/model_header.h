// The JSON header of a saved model, checked against its schema before anything is built:
//   {"format": "gradlab-model", "spec": text, "input_shape": [C,H,W] or [F], "classes": [2..1000
//    texts], "mean": [...], "std": [...], "dataset": text, "train": {every TrainConfig key},
//    "tensors": [{"name": text, "shape": [...]}, ...]}
// Every key is required and no other is allowed; types, lengths and ranges are checked (mean
// and std: one finite number per image channel, std > 0, or both empty), so a header that
// passes can be used without further checks. Errors say which key is wrong and how.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "core/tensor.h"
#include "train/config.h"

namespace gradlab::train {

struct TensorEntry {
  std::string name;
  Shape shape;
};

struct ModelHeader {
  std::string spec;
  Shape input;
  std::vector<std::string> class_names;
  std::vector<float> mean, std;
  std::string dataset;
  TrainConfig config;
  std::vector<TensorEntry> tensors;
  uint64_t numbers = 0;  // sum of the tensors' sizes: the weights that follow, as float32
};

Result<ModelHeader> ParseModelHeader(const nlohmann::json& header);

}  // namespace gradlab::train
