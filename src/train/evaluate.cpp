#include "train/evaluate.h"

#include <algorithm>
#include <numeric>

#include "data/batch.h"

namespace gradlab::train {

std::vector<double> Evaluation::per_class_accuracy() const {
  std::vector<double> out;
  for (const auto& row : confusion) {
    const int total = std::accumulate(row.begin(), row.end(), 0);
    const size_t k = out.size();
    out.push_back(total ? static_cast<double>(row[k]) / total : 0);
  }
  return out;
}

std::vector<int> Predict(const Tensor& scores) {
  const int n = scores.dim(0), k = scores.dim(1);
  std::vector<int> out(n);
  for (int i = 0; i < n; ++i) {
    const float* s = scores.ptr() + i * k;
    out[i] = static_cast<int>(std::max_element(s, s + k) - s);
  }
  return out;
}

std::vector<float> ClassProbabilities(nn::Model& model, const data::Dataset& data, const std::vector<int>& indices) {
  if (indices.empty()) return {};
  Tensor x, probs;
  std::vector<int> labels;
  data::FillBatch(data, indices.data(), static_cast<int>(indices.size()), x, labels);
  nn::Softmax(model.Forward(x, nn::Mode::kEval), probs);
  return probs.data;
}

Evaluator::Evaluator(const data::Dataset& data, nn::LossKind loss, int limit, int chunk)
    : data_(&data), loss_(loss), total_(limit > 0 ? std::min(limit, data.size()) : data.size()),
      chunk_(std::max(1, chunk)) {
  const int k = data.num_classes();
  result_.confusion.assign(k, std::vector<int>(k, 0));
}

bool Evaluator::Advance(nn::Model& model) {
  if (done()) return true;
  const int count = std::min(chunk_, total_ - next_);
  indices_.resize(count);
  std::iota(indices_.begin(), indices_.end(), next_);
  data::FillBatch(*data_, indices_.data(), count, x_, labels_);
  const Tensor& scores = model.Forward(x_, nn::Mode::kEval);
  nn::OneHot(labels_, data_->num_classes(), targets_);
  // Mean over the chunk, so the sum over images is mean * count.
  result_.loss_sum += static_cast<double>(nn::ComputeLoss(loss_, scores, targets_, static_cast<Tensor*>(nullptr))) * count;
  const std::vector<int> predicted = Predict(scores);
  for (int i = 0; i < count; ++i) {
    result_.confusion[labels_[i]][predicted[i]]++;
    result_.predicted.push_back(predicted[i]);
    result_.correct += predicted[i] == labels_[i];
  }
  result_.count += count;
  next_ += count;
  return done();
}

Evaluation Evaluate(nn::Model& model, const data::Dataset& data, nn::LossKind loss, int limit) {
  Evaluator e(data, loss, limit);
  while (!e.Advance(model)) {
  }
  return e.result();
}

}  // namespace gradlab::train
