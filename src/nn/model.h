// A sequential model built from a model spec (see model_spec.h): the layers, the activations of
// the last forward pass (the UI shows them as feature maps) and the gradients of the last
// backward pass. Buffers are reused between batches of the same size, so a training loop does
// not allocate.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "nn/layer.h"

namespace gradlab::nn {

struct LayerInfo {
  std::string spec;   // "conv16k5p2"
  std::string kind;   // "Conv2d"
  Shape output;       // one sample's output shape
  size_t parameters;  // trainable numbers in this layer
};

// The classifier's initial weights are He's or Xavier's times this (model.cpp says why).
inline constexpr double kClassifierInitScale = 0.1;

template <typename T>
class ModelT {
 public:
  // Parses the spec, checks every layer's shapes against `input` (one sample, e.g. {3,32,32}),
  // and initialises the weights from `seed`. Errors point at the layer that breaks.
  static Result<ModelT> Create(const std::string& spec, const Shape& input, int num_classes,
                               uint64_t seed, InitKind init = InitKind::kHe);

  ModelT(ModelT&&) = default;
  ModelT& operator=(ModelT&&) = default;

  // Scores (N, classes) for x (N, input...). x must stay alive until Backward.
  const TensorT<T>& Forward(const TensorT<T>& x, Mode mode);
  // Back-propagates dL/dscores through the layers of the last Forward; adds to param grads.
  // Training needs only the parameters' gradients, so by default the pass stops at the first
  // layer with parameters, which skips its dL/dx: activation_grad(i) below that layer and
  // input_grad() are then stale. Gradients::kAll computes all of them (the Backprop tab).
  enum class Gradients { kParams, kAll };
  void Backward(const TensorT<T>& dscores, Gradients which = Gradients::kParams);
  void ZeroGrad();

  std::vector<ParamT<T>*> Params();
  // Params and buffers in order, with PyTorch state_dict names ("0.weight", "3.running_mean").
  std::vector<std::pair<std::string, TensorT<T>*>> StateDict();
  size_t ParameterCount() const;
  std::vector<LayerInfo> Describe() const;

  const std::string& spec() const { return spec_; }          // as given
  std::string CanonicalSpec() const;                          // every layer spelled out
  const Shape& input_shape() const { return input_; }
  int num_classes() const { return classes_; }
  int num_layers() const { return static_cast<int>(layers_.size()); }
  LayerT<T>& layer(int i) { return *layers_[i]; }
  const LayerT<T>& layer(int i) const { return *layers_[i]; }
  // Output of layer i in the last Forward (N, ...), and dL/d(that output) after Backward.
  const TensorT<T>& activation(int i) const { return acts_[i]; }
  const TensorT<T>& activation_grad(int i) const { return grads_[i]; }
  // dL/d(input) after Backward(..., Gradients::kAll).
  const TensorT<T>& input_grad() const { return input_grad_; }

 private:
  ModelT() = default;
  std::string spec_;
  Shape input_;
  int classes_ = 0;
  std::vector<std::unique_ptr<LayerT<T>>> layers_;
  std::vector<TensorT<T>> acts_, grads_;  // per layer: output, and gradient w.r.t. it
  int first_param_layer_ = 0;             // where training's backward pass stops
  TensorT<T> input_grad_;                 // dL/dx, with Gradients::kAll only
  const TensorT<T>* input_ptr_ = nullptr;
};

using Model = ModelT<float>;

}  // namespace gradlab::nn
