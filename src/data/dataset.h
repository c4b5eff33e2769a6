// A labelled dataset held compactly in memory: CIFAR-10 images as raw bytes (50,000 images are
// 150 MB as bytes, 600 MB as floats), toy 2-D points as floats. Batches are turned into
// normalised float tensors on the fly (see batch.h), which is also where augmentation happens.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor.h"

namespace gradlab::data {

struct Dataset {
  std::string name;                      // e.g. "CIFAR-10 train (cat, dog, ship)", "spiral"
  Shape sample_shape;                    // {3, 32, 32} for images, {2} for toy points
  std::vector<std::string> class_names;  // index = label
  std::vector<uint8_t> labels;           // one per sample, 0 .. num_classes()-1

  // Exactly one of these holds the samples, in sample order:
  std::vector<uint8_t> pixels;  // images: per image C x H x W bytes (CHW, like the CIFAR file)
  std::vector<float> features;  // toy data: per sample sample_shape elements

  // Images: per-channel normalisation x = (byte / 255 - mean[c]) / std[c], computed on the
  // training subset and copied to its test subset. Toy data: empty (features are used as is).
  std::vector<float> mean, std;

  int size() const { return static_cast<int>(labels.size()); }
  int num_classes() const { return static_cast<int>(class_names.size()); }
  bool is_image() const { return !pixels.empty() || (sample_shape.size() == 3 && features.empty()); }
  size_t sample_size() const { return ShapeSize(sample_shape); }
};

// A training set and its test set, made together so they share classes and normalisation.
struct TrainTest {
  Dataset train, test;
};

// What a model was trained on, for people: "cifar10 train (1500 training, 300 test samples)".
// Saved models record it, from the CLI and the app alike.
inline std::string DescribeData(const Dataset& train, const Dataset& test) {
  return train.name + " (" + std::to_string(train.size()) + " training, " + std::to_string(test.size()) + " test samples)";
}

}  // namespace gradlab::data
