// CIFAR-10 parsing, subsets and statistics on synthetic bytes (no files needed), and the
// loader's messages for a missing or damaged folder.
#include <catch2/catch.hpp>

#include <chrono>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "data/cifar10.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

// A batch of records; record i has label labels[i] and every pixel byte equal to fill[i].
std::vector<uint8_t> MakeRecords(const std::vector<int>& labels, const std::vector<int>& fill) {
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i < labels.size(); ++i) {
    bytes.push_back(static_cast<uint8_t>(labels[i]));
    bytes.insert(bytes.end(), kCifarImageBytes, static_cast<uint8_t>(fill[i]));
  }
  return bytes;
}

Dataset EmptyImages() {
  Dataset d;
  d.sample_shape = {3, 32, 32};
  return d;
}

}  // namespace

TEST_CASE("CIFAR-10 class names and class lists", "[data]") {
  REQUIRE(Cifar10ClassNames().size() == 10);
  CHECK(Cifar10ClassNames()[0] == "airplane");
  CHECK(Cifar10ClassNames()[9] == "truck");

  auto ok = ParseClassList("cat,dog,ship");
  REQUIRE(ok);
  CHECK(*ok == std::vector<int>{3, 5, 8});
  auto spaced = ParseClassList(" Ship , airplane");
  REQUIRE(spaced);
  CHECK(*spaced == std::vector<int>{8, 0});

  auto unknown = ParseClassList("cat,kitten");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error() ==
        "unknown CIFAR-10 class 'kitten'; the classes are airplane, automobile, bird, cat, deer, dog, frog, "
        "horse, ship, truck");
  auto twice = ParseClassList("cat,dog,cat");
  REQUIRE_FALSE(twice);
  CHECK(twice.error() == "class 'cat' is listed twice");
  CHECK_FALSE(ParseClassList(""));
  CHECK_FALSE(ParseClassList("cat,,dog"));
}

TEST_CASE("CIFAR-10 batch bytes parse into labels and images", "[data]") {
  std::vector<uint8_t> bytes = MakeRecords({3, 0, 9}, {10, 20, 30});
  bytes[1 + 1024] = 77;          // record 0, first green byte
  bytes[3073 + 1 + 2048] = 88;   // record 1, first blue byte
  auto batch = ParseCifarBatch("tiny.bin", bytes.data(), bytes.size(), 3);
  REQUIRE(batch);
  CHECK(batch->records == 3);
  CHECK(batch->label(0) == 3);
  CHECK(batch->label(1) == 0);
  CHECK(batch->label(2) == 9);
  CHECK(batch->image(0)[0] == 10);
  CHECK(batch->image(0)[1024] == 77);
  CHECK(batch->image(1)[2048] == 88);
  CHECK(batch->image(2)[3071] == 30);
}

TEST_CASE("CIFAR-10 parsing reports a wrong size and a bad label exactly", "[data]") {
  std::vector<uint8_t> small(1200, 0);
  auto wrong = ParseCifarBatch("test_batch.bin", small.data(), small.size());
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error() == "test_batch.bin is 1200 bytes; a CIFAR-10 batch is 30,730,000 (10,000 records of 3,073 bytes)");

  std::vector<int> labels(20, 1), fill(20, 0);
  labels[17] = 12;
  std::vector<uint8_t> bytes = MakeRecords(labels, fill);
  auto bad = ParseCifarBatch("data_batch_3.bin", bytes.data(), bytes.size(), 20);
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "data_batch_3.bin: record 17 has label 12; labels are 0-9");

  // One byte short of 20 records: a size error, not a crash reading the last record.
  auto short_by_one = ParseCifarBatch("x.bin", bytes.data(), bytes.size() - 1, 20);
  REQUIRE_FALSE(short_by_one);
  CHECK(short_by_one.error() == "x.bin is 61459 bytes; a CIFAR-10 batch is 61,460 (20 records of 3,073 bytes)");
}

TEST_CASE("CIFAR-10 subsets keep file order, respect quotas and remap labels", "[data]") {
  // Labels in file order; each image's fill byte is its record number, to tell them apart.
  const std::vector<int> labels = {5, 3, 8, 3, 1, 5, 3, 8, 5, 3};
  std::vector<int> fill;
  for (int i = 0; i < 10; ++i) fill.push_back(i);
  std::vector<uint8_t> bytes = MakeRecords(labels, fill);
  auto batch = ParseCifarBatch("b.bin", bytes.data(), bytes.size(), 10);
  REQUIRE(batch);

  // Classes in the order cat (3), dog (5), ship (8): two cats, one dog, five ships wanted.
  Dataset out = EmptyImages();
  std::vector<int> remaining = {2, 1, 5};
  AppendSubset(*batch, {3, 5, 8}, remaining, out);
  // Records taken: 0 (dog), 1 (cat), 2 (ship), 3 (cat), 7 (ship); record 4 is class 1 (not wanted),
  // 5 and 8 are dogs over quota, 6 and 9 cats over quota.
  REQUIRE(out.size() == 5);
  CHECK(out.labels == std::vector<uint8_t>{1, 0, 2, 0, 2});
  std::vector<int> first_bytes;
  for (int i = 0; i < out.size(); ++i) first_bytes.push_back(out.pixels[static_cast<size_t>(i) * kCifarImageBytes]);
  CHECK(first_bytes == std::vector<int>{0, 1, 2, 3, 7});
  CHECK(out.pixels.size() == 5u * kCifarImageBytes);
  CHECK(remaining == std::vector<int>{0, 0, 3});

  // A second batch continues where the quotas left off.
  AppendSubset(*batch, {3, 5, 8}, remaining, out);
  CHECK(out.size() == 7);
  CHECK(remaining == std::vector<int>{0, 0, 1});
}

TEST_CASE("CIFAR-10 channel statistics on a tiny known set", "[data]") {
  // The statistics only need C x H x W, so two tiny 3x2x2 images do.
  Dataset d;
  d.sample_shape = {3, 2, 2};
  d.class_names = {"a", "b"};
  d.labels = {0, 1};
  // Image 0: red all 0, green all 255, blue 0,0,255,255. Image 1: red all 255, green all 255,
  // blue 0,0,255,255.
  d.pixels = {0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 255, 255,
              255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 255, 255};
  ComputeChannelStats(d);
  REQUIRE(d.mean.size() == 3);
  REQUIRE(d.std.size() == 3);
  CHECK(d.mean[0] == Approx(0.5));
  CHECK(d.std[0] == Approx(0.5));
  CHECK(d.mean[1] == Approx(1.0));
  CHECK(d.std[1] == 1.0f);  // a constant channel keeps std 1 rather than dividing by 0
  CHECK(d.mean[2] == Approx(0.5));
  CHECK(d.std[2] == Approx(0.5));

  // Values 51 and 102 (0.2 and 0.4): mean 0.3, population std 0.1.
  Dataset e;
  e.sample_shape = {1, 1, 2};
  e.labels = {0};
  e.pixels = {51, 102};
  ComputeChannelStats(e);
  CHECK(e.mean[0] == Approx(0.3));
  CHECK(e.std[0] == Approx(0.1));
}

TEST_CASE("CIFAR-10 subset settings are checked", "[data]") {
  CHECK(CheckCifarSubset({{3, 5, 8}, 100, 300}).ok());
  CHECK(CheckCifarSubset({}).ok());
  CHECK(CheckCifarSubset({{3, 5, 3}, 0, 0}).message() == "class 'cat' is listed twice");
  CHECK(CheckCifarSubset({{10}, 0, 0}).message() ==
        "CIFAR-10 class index 10 is out of range; classes are 0-9 (airplane, automobile, bird, cat, deer, dog, "
        "frog, horse, ship, truck)");
  CHECK(CheckCifarSubset({{1}, 5001, 0}).message() == "training images per class must be 0 (all) to 5,000, got 5001");
  CHECK(CheckCifarSubset({{1, 2}, 0, 2001}).message() == "test images must be 0 (all) to 2,000 for 2 classes, got 2001");
}

TEST_CASE("CIFAR-10 loader names the missing file and the script to run", "[data]") {
  auto r = LoadCifar10("no/such/folder", {{3, 5}, 10, 10});
  REQUIRE_FALSE(r);
  CHECK(r.error() == "data_batch_1.bin not found in no/such/folder (run scripts/fetch-cifar10)");
}

TEST_CASE("CIFAR-10 loader names a damaged file", "[data]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("gradlab-test-cifar10-damaged-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  fs::create_directories(dir);
  {
    std::FILE* f = std::fopen((dir / "data_batch_1.bin").string().c_str(), "wb");
    REQUIRE(f);
    std::vector<uint8_t> junk(1200, 1);
    std::fwrite(junk.data(), 1, junk.size(), f);
    std::fclose(f);
  }
  auto r = LoadCifar10(dir.string(), {{3}, 10, 10});
  fs::remove_all(dir);
  REQUIRE_FALSE(r);
  CHECK(r.error() == "data_batch_1.bin is 1200 bytes; a CIFAR-10 batch is 30,730,000 (10,000 records of 3,073 bytes)");
}

TEST_CASE("the CIFAR-10 folder comes from GRADLAB_CIFAR10_DIR or data/", "[data]") {
  const std::string dir = FindCifar10Dir();
  const char* env = std::getenv("GRADLAB_CIFAR10_DIR");
  if (env && *env) {
    CHECK(dir == env);
  } else {
    CHECK(dir == "data/cifar-10-batches-bin");
  }
}
