// Batches as tensors: normalisation of images, copies of toy points, one-hot targets, and reuse
// of the tensors' buffers.
#include <catch2/catch.hpp>

#include "data/batch.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

// Three 2-channel 2x2 images; image i's bytes are 10 * i + position.
Dataset TinyImages() {
  Dataset d;
  d.sample_shape = {2, 2, 2};
  d.class_names = {"a", "b", "c"};
  d.labels = {2, 0, 1};
  for (int i = 0; i < 3; ++i) {
    for (int p = 0; p < 8; ++p) d.pixels.push_back(static_cast<uint8_t>(10 * i + p));
  }
  d.mean = {0.1f, 0.2f};
  d.std = {0.5f, 0.25f};
  return d;
}

}  // namespace

TEST_CASE("FillBatch normalises images with the dataset's mean and std", "[data]") {
  Dataset d = TinyImages();
  Tensor x;
  std::vector<int> labels;
  const int indices[] = {2, 0};
  FillBatch(d, indices, 2, x, labels);
  CHECK(x.shape == Shape{2, 2, 2, 2});
  CHECK(labels == std::vector<int>{1, 2});
  // Sample 0 is image 2: byte 20 + p; channel 0 is positions 0-3, channel 1 positions 4-7.
  CHECK(x[0] == Approx((20 / 255.0 - 0.1) / 0.5));
  CHECK(x[3] == Approx((23 / 255.0 - 0.1) / 0.5));
  CHECK(x[4] == Approx((24 / 255.0 - 0.2) / 0.25));
  CHECK(x[7] == Approx((27 / 255.0 - 0.2) / 0.25));
  // Sample 1 is image 0.
  CHECK(x[8] == Approx((0 / 255.0 - 0.1) / 0.5));
  CHECK(x[15] == Approx((7 / 255.0 - 0.2) / 0.25));

  d.mean.clear();  // no statistics: plain [0, 1]
  d.std.clear();
  FillBatch(d, indices, 1, x, labels);
  CHECK(x.shape == Shape{1, 2, 2, 2});
  CHECK(x[1] == Approx(21 / 255.0));
}

TEST_CASE("FillBatch copies toy points and reuses the tensor's buffer", "[data]") {
  Dataset d;
  d.sample_shape = {2};
  d.class_names = {"a", "b"};
  d.labels = {0, 1, 1};
  d.features = {0.5f, -0.5f, 1.0f, 2.0f, -3.0f, 4.0f};
  Tensor x;
  std::vector<int> labels;
  const int indices[] = {2, 1, 0};
  FillBatch(d, indices, 3, x, labels);
  CHECK(x.shape == Shape{3, 2});
  CHECK(x.data == std::vector<float>{-3.0f, 4.0f, 1.0f, 2.0f, 0.5f, -0.5f});
  CHECK(labels == std::vector<int>{1, 1, 0});

  // A smaller batch into the same tensor keeps its storage (no reallocation).
  const float* storage = x.ptr();
  const int* shape_storage = x.shape.data();
  FillBatch(d, indices, 2, x, labels);
  CHECK(x.shape == Shape{2, 2});
  CHECK(x.ptr() == storage);
  CHECK(x.shape.data() == shape_storage);
  CHECK(x.data == std::vector<float>{-3.0f, 4.0f, 1.0f, 2.0f});
}

TEST_CASE("one-hot targets", "[data]") {
  Tensor t;
  const int labels[] = {2, 0, 1};
  OneHot(labels, 3, 4, t);
  CHECK(t.shape == Shape{3, 4});
  CHECK(t.data == std::vector<float>{0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0});

  Dataset d = TinyImages();
  const int indices[] = {1, 0};
  FillOneHot(d, indices, 2, t);  // labels 0 and 2 of 3 classes
  CHECK(t.shape == Shape{2, 3});
  CHECK(t.data == std::vector<float>{1, 0, 0, 0, 0, 1});
}
