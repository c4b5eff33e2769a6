// The layer contract. Every layer has its forward and backward side by side in one file.
// Shapes: activations carry the batch first, (N, C, H, W) or (N, F); Build() sees one sample's
// shape without N. Backward accumulates parameter gradients (+=); the model zeroes them.
// Templated on the scalar: float for training, double for gradient checks.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/rng.h"
#include "core/status.h"
#include "core/tensor.h"

namespace gradlab::nn {

enum class Mode { kTrain, kEval };     // dropout and batch norm behave differently
enum class InitKind { kHe, kXavier };  // He et al. 2015 for ReLU nets; Glorot & Bengio 2010

template <typename T>
struct ParamT {
  std::string name;  // as in PyTorch's state_dict: "weight", "bias"
  TensorT<T> value, grad;
  bool regularized = false;  // weights are, biases and batch-norm scales are not
};

template <typename T>
class LayerT {
 public:
  virtual ~LayerT() = default;

  // Checks the input shape (one sample) and allocates parameters; returns the output shape
  // or a message that says why this layer cannot take that input.
  Result<Shape> Build(const Shape& in) {
    Result<Shape> out = Configure(in);
    if (out) {
      in_ = in;
      out_ = *out;
    }
    return out;
  }
  virtual void Init(Rng&, InitKind) {}

  // x: (N, in...), y: resized to (N, out...).
  virtual void Forward(const TensorT<T>& x, TensorT<T>& y, Mode mode) = 0;
  // x and y as in the last Forward; dy = dL/dy; writes dx = dL/dx and adds to param grads.
  virtual void Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy,
                        TensorT<T>& dx) = 0;

  // Backward without dx, for the first layer with parameters in training, where dL/d(input)
  // is wanted by no one. Layers with costly dx products (Linear, Conv2d) skip them.
  virtual void BackwardParams(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy) {
    Backward(x, y, dy, unused_dx_);
  }

  virtual std::vector<ParamT<T>*> params() { return {}; }
  // State that is saved but not trained (batch norm's running statistics).
  virtual std::vector<std::pair<std::string, TensorT<T>*>> buffers() { return {}; }

  virtual std::string spec() const = 0;          // this layer in the model-spec language
  virtual std::string kind() const = 0;          // "Conv2d", "ReLU", ... (PyTorch's names)
  virtual nlohmann::json torch_module() const = 0;  // {"type": "Conv2d", "in_channels": 3, ...}

  const Shape& input_shape() const { return in_; }
  const Shape& output_shape() const { return out_; }

 protected:
  virtual Result<Shape> Configure(const Shape& in) = 0;
  // (N, out...) for a batch of n.
  Shape BatchShape(int n) const {
    Shape s{n};
    s.insert(s.end(), out_.begin(), out_.end());
    return s;
  }
  Shape in_, out_;

 private:
  TensorT<T> unused_dx_;
};

// Shared by the element-wise layers: same shape in and out.
template <typename T>
inline void ResizeLike(TensorT<T>& y, const TensorT<T>& x) {
  if (y.shape != x.shape) y.Resize(x.shape);
}

}  // namespace gradlab::nn
