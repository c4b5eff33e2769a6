// Scoring a model on a dataset: accuracy, mean loss, confusion matrix. Works in chunks so the
// UI can spread a large test set over frames (Evaluator), or all at once (Evaluate).
#pragma once
#include <vector>

#include "data/dataset.h"
#include "nn/loss.h"
#include "nn/model.h"

namespace gradlab::train {

struct Evaluation {
  int count = 0, correct = 0;
  double loss_sum = 0;                      // sum of per-image losses
  std::vector<std::vector<int>> confusion;  // [true class][predicted class]
  std::vector<int> predicted;               // per scored sample, in dataset order

  double accuracy() const { return count ? static_cast<double>(correct) / count : 0; }
  double mean_loss() const { return count ? loss_sum / count : 0; }
  std::vector<double> per_class_accuracy() const;
};

class Evaluator {
 public:
  // Scores the first `limit` samples of `data` (0: all), `chunk` at a time.
  Evaluator(const data::Dataset& data, nn::LossKind loss, int limit = 0, int chunk = 256);
  // Scores the next chunk; returns true when every sample has been scored.
  bool Advance(nn::Model& model);
  bool done() const { return next_ >= total_; }
  double progress() const { return total_ ? static_cast<double>(next_) / total_ : 1; }
  const Evaluation& result() const { return result_; }

 private:
  const data::Dataset* data_;
  nn::LossKind loss_;
  int total_, next_ = 0, chunk_;
  Evaluation result_;
  Tensor x_, targets_, probs_;
  std::vector<int> indices_, labels_;
};

Evaluation Evaluate(nn::Model& model, const data::Dataset& data, nn::LossKind loss, int limit = 0);

// Softmax probabilities (N x K, row-major) of the model for the given samples of `data`, in
// evaluation mode, normalised with the dataset's own mean and std.
std::vector<float> ClassProbabilities(nn::Model& model, const data::Dataset& data, const std::vector<int>& indices);

// Index of the largest score in each row.
std::vector<int> Predict(const Tensor& scores);

}  // namespace gradlab::train
