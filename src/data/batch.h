// Turning samples of a Dataset into the tensors a model eats: a batch of inputs x, and labels or
// one-hot targets. Reuses the tensors' buffers, so a training loop that keeps its tensors
// allocates nothing once they have grown to the batch size.
//
// Images: x = (byte / 255 - mean[c]) / std[c], with the dataset's per-channel stats (an image set
// without stats is only scaled to [0, 1]). Toy points: features copied as they are.
// This file does not augment or shuffle: augment.h builds augmented batches from the pieces
// below, and the caller chooses the indices.
#pragma once
#include <vector>

#include "core/tensor.h"
#include "data/dataset.h"

namespace gradlab::data {

// x becomes {count, sample_shape...} (NCHW for images, NF for toy points), labels gets count
// entries. indices[i] must be in [0, data.size()).
void FillBatch(const Dataset& data, const int* indices, int count, Tensor& x, std::vector<int>& labels);

// targets becomes {count, num_classes}: row i is 1 at labels[i], 0 elsewhere.
void OneHot(const int* labels, int count, int num_classes, Tensor& targets);
// The same for dataset samples: row i is one-hot for data.labels[indices[i]].
void FillOneHot(const Dataset& data, const int* indices, int count, Tensor& targets);

// ---- the pieces, shared with augment.cpp -------------------------------------------------------

// t.shape = {count, inner...} without allocating when t's buffers are big enough.
void ResizeBatch(Tensor& t, int count, const Shape& inner);
// t.shape = {rows, cols}, likewise.
void ResizeBatch(Tensor& t, int rows, int cols);
// Image `index` of an image dataset as floats in [0, 1] (byte / 255), CHW, sample_size() values.
void ImageToUnit(const Dataset& data, int index, float* out);
// In place: (v - mean[c]) / std[c] for a CHW image of data's sample shape.
void NormalizeImage(const Dataset& data, float* image);

}  // namespace gradlab::data
