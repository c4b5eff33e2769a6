// Batch normalisation (Ioffe & Szegedy 2015): per feature (1-D input) or per channel (images),
// normalise with the batch's mean and variance in training, with running estimates in
// evaluation; then scale (weight) and shift (bias). Running statistics follow PyTorch exactly
// (momentum 0.1, unbiased variance), so exported models give the same logits.
#pragma once
#include "nn/layer.h"

namespace gradlab::nn {

template <typename T>
class BatchNormT : public LayerT<T> {
 public:
  static constexpr double kEps = 1e-5, kMomentum = 0.1;  // PyTorch's defaults
  void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) override;
  void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) override;
  std::vector<ParamT<T>*> params() override { return {&weight_, &bias_}; }
  std::vector<std::pair<std::string, TensorT<T>*>> buffers() override {
    return {{"running_mean", &running_mean_}, {"running_var", &running_var_}};
  }
  std::string spec() const override { return "bn"; }
  // Training batches seen (PyTorch's num_batches_tracked), for the export.
  long batches_tracked() const { return batches_tracked_; }
  std::string kind() const override { return image_ ? "BatchNorm2d" : "BatchNorm1d"; }
  nlohmann::json torch_module() const override {
    return {{"type", kind()}, {"num_features", channels_}, {"eps", kEps}, {"momentum", kMomentum}};
  }

 protected:
  Result<Shape> Configure(const Shape& in) override;

 private:
  bool image_ = false;
  int channels_ = 0, plane_ = 1;  // features or channels; elements per channel per sample
  ParamT<T> weight_{"weight", {}, {}, false}, bias_{"bias", {}, {}, false};
  TensorT<T> running_mean_, running_var_;
  std::vector<T> xhat_, inv_std_;  // saved by Forward for Backward
  bool last_was_training_ = false;
  long batches_tracked_ = 0;
};

}  // namespace gradlab::nn
