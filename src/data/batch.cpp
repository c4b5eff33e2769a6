// Batches of samples as tensors. See batch.h for what this does and does not do.
#include "data/batch.h"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace gradlab::data {

void ResizeBatch(Tensor& t, int count, const Shape& inner) {
  // Assigning element by element (not `t.shape = {...}`) keeps the shape's own buffer too.
  t.shape.resize(inner.size() + 1);
  t.shape[0] = count;
  std::copy(inner.begin(), inner.end(), t.shape.begin() + 1);
  t.data.resize(static_cast<size_t>(count) * ShapeSize(inner));
}

void ResizeBatch(Tensor& t, int rows, int cols) {
  t.shape.resize(2);
  t.shape[0] = rows;
  t.shape[1] = cols;
  t.data.resize(static_cast<size_t>(rows) * cols);
}

void ImageToUnit(const Dataset& data, int index, float* out) {
  const size_t n = data.sample_size();
  const uint8_t* bytes = data.pixels.data() + static_cast<size_t>(index) * n;
  for (size_t i = 0; i < n; ++i) out[i] = bytes[i] / 255.0f;
}

void NormalizeImage(const Dataset& data, float* image) {
  if (data.mean.empty()) return;  // no stats: leave the image in [0, 1]
  const int channels = data.sample_shape[0];
  const size_t plane = data.sample_size() / channels;
  for (int c = 0; c < channels; ++c) {
    const float mean = data.mean[c], inv_std = 1.0f / data.std[c];
    float* p = image + c * plane;
    for (size_t i = 0; i < plane; ++i) p[i] = (p[i] - mean) * inv_std;
  }
}

void FillBatch(const Dataset& data, const int* indices, int count, Tensor& x, std::vector<int>& labels) {
  ResizeBatch(x, count, data.sample_shape);
  labels.resize(count);
  const size_t n = data.sample_size();
  const bool image = data.is_image();
  for (int i = 0; i < count; ++i) {
    const int index = indices[i];
    assert(index >= 0 && index < data.size());
    float* out = x.ptr() + i * n;
    if (image) {
      ImageToUnit(data, index, out);
      NormalizeImage(data, out);
    } else {
      std::memcpy(out, data.features.data() + static_cast<size_t>(index) * n, n * sizeof(float));
    }
    labels[i] = data.labels[index];
  }
}

void OneHot(const int* labels, int count, int num_classes, Tensor& targets) {
  ResizeBatch(targets, count, num_classes);
  targets.Zero();
  for (int i = 0; i < count; ++i) {
    assert(labels[i] >= 0 && labels[i] < num_classes);
    targets[static_cast<size_t>(i) * num_classes + labels[i]] = 1.0f;
  }
}

void FillOneHot(const Dataset& data, const int* indices, int count, Tensor& targets) {
  const int k = data.num_classes();
  ResizeBatch(targets, count, k);
  targets.Zero();
  for (int i = 0; i < count; ++i) targets[static_cast<size_t>(i) * k + data.labels[indices[i]]] = 1.0f;
}

}  // namespace gradlab::data
