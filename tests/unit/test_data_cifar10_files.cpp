// CIFAR-10 from the real files in data/cifar-10-batches-bin (put there by
// `scripts/fetch-cifar10 --archive ../shared/data/cifar-10-binary.tar.gz`). A missing folder
// fails these tests, with the loader's message saying which script to run; it never skips them.
#include <catch2/catch.hpp>

#include <string>

#include "data/cifar10.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

// The tests run from the repo root, where FindCifar10Dir's relative default points.
Result<TrainTest> Load(const CifarSubset& subset) {
  Result<TrainTest> r = LoadCifar10(FindCifar10Dir(), subset);
  if (!r) FAIL("cannot load CIFAR-10: " << r.error());
  return r;
}

}  // namespace

TEST_CASE("CIFAR-10 files: a 3-class subset has the right counts, labels and names", "[data]") {
  const std::vector<int> classes = {3, 5, 8};  // cat, dog, ship
  Result<TrainTest> r = Load({classes, 100, 150});
  const Dataset& train = r->train;
  const Dataset& test = r->test;

  CHECK(train.name == "CIFAR-10 train (cat, dog, ship)");
  CHECK(test.name == "CIFAR-10 test (cat, dog, ship)");
  CHECK(train.class_names == std::vector<std::string>{"cat", "dog", "ship"});
  CHECK(test.class_names == train.class_names);
  CHECK(train.sample_shape == Shape{3, 32, 32});
  CHECK(train.is_image());

  REQUIRE(train.size() == 300);
  REQUIRE(test.size() == 150);
  CHECK(train.pixels.size() == 300u * 3072);
  CHECK(test.pixels.size() == 150u * 3072);
  int train_count[3] = {0, 0, 0}, test_count[3] = {0, 0, 0};
  for (uint8_t l : train.labels) {
    REQUIRE(l < 3);
    ++train_count[l];
  }
  for (uint8_t l : test.labels) {
    REQUIRE(l < 3);
    ++test_count[l];
  }
  CHECK(train_count[0] == 100);
  CHECK(train_count[1] == 100);
  CHECK(train_count[2] == 100);
  CHECK(test_count[0] == 50);
  CHECK(test_count[1] == 50);
  CHECK(test_count[2] == 50);

  // Plausible statistics: CIFAR-10's channel means are about 0.49, 0.48, 0.45 and stds about
  // 0.25; a 300-image subset of three classes stays near them.
  REQUIRE(train.mean.size() == 3);
  REQUIRE(train.std.size() == 3);
  for (int c = 0; c < 3; ++c) {
    CHECK(train.mean[c] > 0.35f);
    CHECK(train.mean[c] < 0.6f);
    CHECK(train.std[c] > 0.15f);
    CHECK(train.std[c] < 0.35f);
  }
  CHECK(test.mean == train.mean);
  CHECK(test.std == train.std);
}

TEST_CASE("CIFAR-10 files: subsets are taken in file order and test counts spread evenly", "[data]") {
  // data_batch_1.bin starts (official order) frog, truck, truck, deer, automobile, ...: with one
  // image per class, the frog is taken first although "truck" is the first class asked for.
  Result<TrainTest> one = Load({{9, 6}, 1, 7});  // truck, frog: labels remapped to 0, 1
  REQUIRE(one->train.size() == 2);
  CHECK(one->train.labels == std::vector<uint8_t>{1, 0});  // the frog comes first in the file
  CHECK(one->train.class_names == std::vector<std::string>{"truck", "frog"});
  // 7 test images over 2 classes: 4 trucks (the first class takes the remainder), 3 frogs.
  int trucks = 0;
  for (uint8_t l : one->test.labels) trucks += l == 0;
  CHECK(one->test.size() == 7);
  CHECK(trucks == 4);
}
