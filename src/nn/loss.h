// Losses on class scores, each with its gradient beside it. Scores are (N, K); targets are
// (N, K) rows that sum to 1: one-hot for ordinary labels, soft for mixup/CutMix. Both losses
// are means over the batch, and the gradient is of that mean.
//   softmax cross-entropy  L_i = -sum_k t_k log p_k,  p = softmax(s)     (natural log)
//   multiclass SVM         L_i = sum_{j != y} max(0, s_j - s_y + margin) (margin 1); with soft
//                          targets, the target-weighted sum of that loss over the labels.
#pragma once
#include <vector>

#include "core/tensor.h"

namespace gradlab::nn {

enum class LossKind { kSoftmax, kSvm };

// Returns the mean loss; writes d(mean loss)/d(scores) into dscores when it is given.
template <typename T>
T SoftmaxCrossEntropy(const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores);
template <typename T>
T MulticlassSvm(const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores, T margin = T(1));
template <typename T>
T ComputeLoss(LossKind kind, const TensorT<T>& scores, const TensorT<T>& targets, TensorT<T>* dscores);

// Row-wise softmax probabilities (N, K), computed stably (scores shifted by their maximum).
template <typename T>
void Softmax(const TensorT<T>& scores, TensorT<T>& probs);

// Mean KL divergence D_KL(targets || probs) = sum t log(t / p); equals the cross-entropy when
// targets are one-hot (the lecture's view of the softmax loss).
template <typename T>
T KLDivergence(const TensorT<T>& probs, const TensorT<T>& targets);

// Targets (N, K) with 1 at each label.
template <typename T>
void OneHot(const std::vector<int>& labels, int num_classes, TensorT<T>& targets);

}  // namespace gradlab::nn
