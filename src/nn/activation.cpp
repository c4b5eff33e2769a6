#include "nn/activation.h"

#include <cstdio>

#include "kernels/parallel.h"

namespace gradlab::nn {

namespace {
// Below this many values a helper thread costs more than the loop (the toy data's layers).
constexpr size_t kMinPiece = 16384;
}  // namespace

template <typename T>
T Activate(ActivationKind kind, T x, T param) {
  switch (kind) {
    case ActivationKind::kReLU: return x > 0 ? x : T(0);
    case ActivationKind::kLeakyReLU: return x > 0 ? x : param * x;
    case ActivationKind::kSigmoid: return T(1) / (T(1) + std::exp(-x));
    case ActivationKind::kTanh: return std::tanh(x);
    case ActivationKind::kELU: return x > 0 ? x : param * (std::exp(x) - T(1));
  }
  return x;
}

template <typename T>
T ActivationDerivative(ActivationKind kind, T x, T param) {
  switch (kind) {
    case ActivationKind::kReLU: return x > 0 ? T(1) : T(0);
    case ActivationKind::kLeakyReLU: return x > 0 ? T(1) : param;
    case ActivationKind::kSigmoid: {
      const T s = Activate(kind, x, param);
      return s * (T(1) - s);
    }
    case ActivationKind::kTanh: {
      const T t = std::tanh(x);
      return T(1) - t * t;
    }
    case ActivationKind::kELU: return x > 0 ? T(1) : param * std::exp(x);
  }
  return T(1);
}

template <typename T>
void ActivationT<T>::Forward(const TensorT<T>& x, TensorT<T>& y, Mode) {
  ResizeLike(y, x);
  kernels::ParallelRanges(x.size(), kMinPiece, [&](size_t begin, size_t end) {
    const size_t n = end - begin;
    const T* in = x.ptr() + begin;
    T* out = y.ptr() + begin;
    switch (kind_) {  // the common cases get their own loops so they vectorise
      case ActivationKind::kReLU:
        for (size_t i = 0; i < n; ++i) out[i] = in[i] > 0 ? in[i] : T(0);
        break;
      case ActivationKind::kLeakyReLU:
        for (size_t i = 0; i < n; ++i) out[i] = in[i] > 0 ? in[i] : param_ * in[i];
        break;
      default:
        for (size_t i = 0; i < n; ++i) out[i] = Activate(kind_, in[i], param_);
    }
  });
}

// The backward pass uses the output where that is cheaper: sigmoid' = y(1-y), tanh' = 1-y^2,
// ELU' = y + alpha for x <= 0.
template <typename T>
void ActivationT<T>::Backward(const TensorT<T>& x, const TensorT<T>& y, const TensorT<T>& dy, TensorT<T>& dx) {
  ResizeLike(dx, x);
  kernels::ParallelRanges(x.size(), kMinPiece, [&](size_t begin, size_t end) {
    const size_t n = end - begin;
    const T *in = x.ptr() + begin, *out = y.ptr() + begin, *g = dy.ptr() + begin;
    T* d = dx.ptr() + begin;
    switch (kind_) {
      case ActivationKind::kReLU:
        // g[i] read on both sides of the choice: a load made only when in[i] > 0 stops the
        // compiler from vectorising the loop (it was 10x the forward pass in WebAssembly).
        for (size_t i = 0; i < n; ++i) {
          const T gi = g[i];
          d[i] = in[i] > 0 ? gi : T(0);
        }
        break;
      case ActivationKind::kLeakyReLU:
        for (size_t i = 0; i < n; ++i) d[i] = in[i] > 0 ? g[i] : param_ * g[i];
        break;
      case ActivationKind::kSigmoid:
        for (size_t i = 0; i < n; ++i) d[i] = g[i] * out[i] * (T(1) - out[i]);
        break;
      case ActivationKind::kTanh:
        for (size_t i = 0; i < n; ++i) d[i] = g[i] * (T(1) - out[i] * out[i]);
        break;
      case ActivationKind::kELU:
        for (size_t i = 0; i < n; ++i) d[i] = in[i] > 0 ? g[i] : g[i] * (out[i] + param_);
        break;
    }
  });
}

static std::string FormatParam(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

template <typename T>
std::string ActivationT<T>::spec() const {
  switch (kind_) {
    case ActivationKind::kReLU: return "relu";
    case ActivationKind::kLeakyReLU: return param_ == T(0.1) ? "lrelu" : "lrelu" + FormatParam(param_);
    case ActivationKind::kSigmoid: return "sigmoid";
    case ActivationKind::kTanh: return "tanh";
    case ActivationKind::kELU: return param_ == T(1) ? "elu" : "elu" + FormatParam(param_);
  }
  return "?";
}

template <typename T>
std::string ActivationT<T>::kind() const {
  switch (kind_) {
    case ActivationKind::kReLU: return "ReLU";
    case ActivationKind::kLeakyReLU: return "LeakyReLU";
    case ActivationKind::kSigmoid: return "Sigmoid";
    case ActivationKind::kTanh: return "Tanh";
    case ActivationKind::kELU: return "ELU";
  }
  return "?";
}

template <typename T>
nlohmann::json ActivationT<T>::torch_module() const {
  nlohmann::json j = {{"type", kind()}};
  if (kind_ == ActivationKind::kLeakyReLU) j["negative_slope"] = static_cast<double>(param_);
  if (kind_ == ActivationKind::kELU) j["alpha"] = static_cast<double>(param_);
  return j;
}

template float Activate<float>(ActivationKind, float, float);
template double Activate<double>(ActivationKind, double, double);
template float ActivationDerivative<float>(ActivationKind, float, float);
template double ActivationDerivative<double>(ActivationKind, double, double);
template class ActivationT<float>;
template class ActivationT<double>;

}  // namespace gradlab::nn
