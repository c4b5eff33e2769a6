// The layer editor's table: every layer a spec builds for some data, with its output shape and
// parameter count, and the first layer that cannot take its input flagged with the reason, so
// a stride that does not fit shows at its own row before anyone presses Start.
#pragma once
#include <string>
#include <vector>

#include "core/tensor.h"
#include "nn/model_spec.h"

namespace gradlab::nn {

struct PlannedLayer {
  int word = -1;          // index into ModelPlan::words; -1 for a layer added automatically
                          // (flatten before an fc, the final fc with one output per class)
  std::string spec;       // "conv16k5p2"
  bool built = false;     // false from the broken layer on: output and parameters are unknown
  Shape output;           // one sample's output shape
  size_t parameters = 0;
  std::string problem;    // on the first broken layer: why it cannot take its input
};

struct ModelPlan {
  std::vector<ParsedLayer> words;    // the spec's layers, shorthands expanded (empty if it did not parse)
  std::vector<PlannedLayer> layers;
  size_t parameters = 0;             // of the whole model, when it builds
  std::string error;                 // the full message when the spec does not parse or build
  bool ok() const { return error.empty(); }
};

ModelPlan PlanModel(const std::string& spec, const Shape& input, int num_classes);

}  // namespace gradlab::nn
