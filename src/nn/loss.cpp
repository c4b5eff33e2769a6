#include "nn/loss.h"

#include <algorithm>
#include <cmath>

namespace gradlab::nn {

template <typename T>
void Softmax(const TensorT<T>& scores, TensorT<T>& probs) {
  const int n = scores.dim(0), k = scores.dim(1);
  if (probs.shape != scores.shape) probs.Resize(scores.shape);
  for (int i = 0; i < n; ++i) {
    const T* s = scores.ptr() + i * k;
    T* p = probs.ptr() + i * k;
    const T top = *std::max_element(s, s + k);
    T sum = 0;
    for (int j = 0; j < k; ++j) sum += (p[j] = std::exp(s[j] - top));
    for (int j = 0; j < k; ++j) p[j] /= sum;
  }
}

// dL_i/ds_j = p_j - t_j, divided by N for the batch mean.
template <typename T>
T SoftmaxCrossEntropy(const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores) {
  const int n = scores.dim(0), k = scores.dim(1);
  TensorT<T> local;
  TensorT<T>& probs = dscores ? *dscores : local;
  Softmax(scores, probs);
  double loss = 0;
  for (int i = 0; i < n; ++i) {
    const T* s = scores.ptr() + i * k;
    const T* t = targets.ptr() + i * k;
    // log p_j = s_j - log sum exp(s), computed without taking log of a tiny probability.
    const T top = *std::max_element(s, s + k);
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += std::exp(static_cast<double>(s[j] - top));
    const double log_sum = std::log(sum) + top;
    for (int j = 0; j < k; ++j)
      if (t[j] != T(0)) loss -= t[j] * (s[j] - log_sum);
  }
  if (dscores)
    for (size_t i = 0; i < probs.size(); ++i) probs[i] = (probs[i] - targets[i]) / static_cast<T>(n);
  return static_cast<T>(loss / n);
}

// For label y: each margin s_j - s_y + 1 > 0 (j != y) adds to the loss, pushes s_j up by 1 and
// s_y down by 1 in the gradient.
template <typename T>
T MulticlassSvm(const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores, T margin) {
  const int n = scores.dim(0), k = scores.dim(1);
  if (dscores) {
    if (dscores->shape != scores.shape) dscores->Resize(scores.shape);
    dscores->Zero();
  }
  double loss = 0;
  for (int i = 0; i < n; ++i) {
    const T* s = scores.ptr() + i * k;
    const T* t = targets.ptr() + i * k;
    for (int y = 0; y < k; ++y) {
      if (t[y] == T(0)) continue;
      for (int j = 0; j < k; ++j) {
        if (j == y) continue;
        const T m = s[j] - s[y] + margin;
        if (m > 0) {
          loss += t[y] * m;
          if (dscores) {
            (*dscores)[i * k + j] += t[y] / n;
            (*dscores)[i * k + y] -= t[y] / n;
          }
        }
      }
    }
  }
  return static_cast<T>(loss / n);
}

template <typename T>
T ComputeLoss(LossKind kind, const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores) {
  return kind == LossKind::kSvm ? MulticlassSvm(scores, targets, dscores)
                                : SoftmaxCrossEntropy(scores, targets, dscores);
}

template <typename T>
T KLDivergence(const TensorT<T>& probs, const TensorT<T>& targets) {
  double kl = 0;
  for (size_t i = 0; i < probs.size(); ++i)
    if (targets[i] > 0) kl += targets[i] * std::log(static_cast<double>(targets[i]) / probs[i]);
  return static_cast<T>(kl / probs.dim(0));
}

template <typename T>
void OneHot(const std::vector<int>& labels, int num_classes, TensorT<T>& targets) {
  targets.Resize({static_cast<int>(labels.size()), num_classes});
  targets.Zero();
  for (size_t i = 0; i < labels.size(); ++i) targets[i * num_classes + labels[i]] = T(1);
}

#define GRADLAB_INSTANTIATE(T)                                                               \
  template void Softmax<T>(const TensorT<T>&, TensorT<T>&);                                  \
  template T SoftmaxCrossEntropy<T>(const TensorT<T>&, const TensorT<T>&, TensorT<T>*);      \
  template T MulticlassSvm<T>(const TensorT<T>&, const TensorT<T>&, TensorT<T>*, T);         \
  template T ComputeLoss<T>(LossKind, const TensorT<T>&, const TensorT<T>&, TensorT<T>*);    \
  template T KLDivergence<T>(const TensorT<T>&, const TensorT<T>&);                          \
  template void OneHot<T>(const std::vector<int>&, int, TensorT<T>&);
GRADLAB_INSTANTIATE(float)
GRADLAB_INSTANTIATE(double)
#undef GRADLAB_INSTANTIATE

}  // namespace gradlab::nn
