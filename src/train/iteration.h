// One training iteration of a real (small) network, cut into the stages a lecture walks through:
// the batch, each layer's forward pass, the loss, each layer's backward pass (upstream gradient,
// local Jacobian product, weight gradients), and the SGD update. Everything is computed up front
// by the same engine that trains, and kept as labelled matrices for the UI's heat maps.
// Two set-ups: an MLP on a few toy 2-D points, and a tiny conv layer on 6x6 images.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab::train {

struct Matrix {
  std::string name;  // "W (3 x 4)", "dL/dy"
  int rows = 0, cols = 0;
  std::vector<float> values;  // row-major
};

struct IterationStage {
  std::string title;        // "Forward: layer 2, relu"
  std::string explanation;  // the formula and what to notice
  std::vector<Matrix> matrices;
};

struct Iteration {
  std::string description;
  std::vector<IterationStage> stages;
  double loss = 0, loss_after_update = 0;
};

enum class IterationSetup { kMlp, kConv };

// lr: the SGD step used for the update stage.
Result<Iteration> BuildIteration(IterationSetup setup, double learning_rate, uint64_t seed);

}  // namespace gradlab::train
