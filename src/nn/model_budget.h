// What a model costs, worked out from its spec before anything is allocated: every layer's
// output size and parameter count in 64 bits, and the memory training it takes, checked against
// one budget. So "mlp:100000,100000" or a conv layer with four billion outputs is refused with
// the reason and the layer that breaks it, instead of wrapping an int or ending in bad_alloc.
// Model::Create checks this first, so the CLI, saved files, links and the layer editor (through
// PlanModel) all refuse the same models with the same words.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/tensor.h"
#include "nn/model_spec.h"

namespace gradlab::nn {

// The whole model while training: weights, gradients, two optimizer moments (Adam), im2col
// workspace and one sample's activations and their gradients. 1 GB: the page's WebAssembly
// memory is at most 2 GB and the data and the app need the rest; natively it keeps a typo from
// taking the machine's memory.
inline constexpr uint64_t kModelBudgetBytes = uint64_t(1) << 30;
// One sample's output of any layer (16 MB of floats): keeps every size well inside an int
// even for a batch of 256.
inline constexpr uint64_t kMaxLayerOutputs = uint64_t(1) << 22;

struct ModelCost {
  uint64_t parameters = 0;  // trainable numbers
  uint64_t state = 0;       // numbers a model file stores: parameters and batch-norm statistics
  uint64_t bytes = 0;       // training memory as above
  uint64_t sample_bytes = 0;  // one more sample in a batch: its activations and their gradients
  bool complete = false;    // false when a layer's shape does not fit: Model::Create says why
};

// The error names the layer where the model goes over the budget, with a caret under it:
//   "model spec: 'fc999999' makes the model too large: ... at column 1\n  fc999999\n  ^"
// A spec that does not parse is that error. A layer that cannot take its input ends the walk
// with complete = false (Model::Create explains it).
Result<ModelCost> CheckModelBudget(const std::string& spec, const Shape& input, int num_classes);

// 1536 -> "1.5 KB", 3e9 -> "2.8 GB".
std::string FormatBytes(uint64_t bytes);

// For people (the About box, `gradlab-cli info`): "models up to 1.0 GB of training memory, in at
// most 2.0 GB of WebAssembly memory".
std::string MemorySummary();

}  // namespace gradlab::nn
