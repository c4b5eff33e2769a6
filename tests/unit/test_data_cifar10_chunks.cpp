// The chunked CIFAR-10 the app loads gives exactly the subsets the batch-file reader gives.
#include <catch2/catch.hpp>

#include <chrono>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data/cifar10_chunks.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

std::vector<uint8_t> ReadBytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// Writes the chunks once per test run, into a folder of this run's own (test runs of the three
// builds may overlap), removed when the run ends.
struct TempFolder {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("gradlab-test-chunks-" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count())))
                         .string();
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

const std::string& ChunkDir() {
  static const TempFolder folder;
  static const std::string dir = [] {
    std::filesystem::create_directories(folder.path);
    Status s = WriteCifarChunks(FindCifar10Dir(), folder.path);
    INFO("CIFAR-10 is needed for this test: run scripts/fetch-cifar10 (" << s.message() << ")");
    REQUIRE(s.ok());
    return folder.path;
  }();
  return dir;
}

}  // namespace

TEST_CASE("Subsets assembled from chunks equal the ones read from the batch files", "[data][cifar]") {
  const std::string text(reinterpret_cast<const char*>(ReadBytes(ChunkDir() + "/manifest.json").data()),
                         ReadBytes(ChunkDir() + "/manifest.json").size());
  auto manifest = ParseChunkManifest(text);
  REQUIRE(manifest.ok());
  CHECK(manifest->train_per_class == std::vector<int>(10, 5000));

  for (CifarSubset subset : {CifarSubset{{3, 5, 8}, 700, 301}, CifarSubset{{9, 0}, 20, 0}}) {
    ChunkAssembler assembler(subset, *manifest);
    REQUIRE(assembler.status().ok());
    // 700 per class needs two training chunks per class; tests one chunk each (101 <= 500).
    if (subset.train_per_class == 700) CHECK(assembler.needed().size() == 3 * 2 + 3 * 1);
    for (const std::string& file : assembler.needed()) REQUIRE(assembler.Add(file, ReadBytes(ChunkDir() + "/" + file)).ok());
    CHECK(assembler.complete());
    auto chunked = assembler.Finish();
    REQUIRE(chunked.ok());
    auto direct = LoadCifar10(FindCifar10Dir(), subset);
    REQUIRE(direct.ok());
    CHECK(chunked->train.labels == direct->train.labels);
    CHECK(chunked->train.pixels == direct->train.pixels);
    CHECK(chunked->test.pixels == direct->test.pixels);
    CHECK(chunked->train.mean == direct->train.mean);
    CHECK(chunked->train.name == direct->train.name);
  }
}

TEST_CASE("The class picker's thumbnails are each class's first training images", "[data][cifar]") {
  const std::vector<uint8_t> thumbnails = ReadBytes(ChunkDir() + "/" + kThumbnailFile);
  auto direct = LoadCifar10(FindCifar10Dir(), CifarSubset{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, kThumbnailsPerClass, 0});
  REQUIRE(direct.ok());
  const auto& d = direct->train;
  for (int c = 0; c < 10; ++c) {
    int k = 0;
    for (int i = 0; i < d.size(); ++i)
      if (d.labels[i] == c) {
        const uint8_t* thumb = ThumbnailImage(thumbnails, c, k++);
        REQUIRE(thumb != nullptr);
        CHECK(std::equal(thumb, thumb + kCifarImageBytes, d.pixels.begin() + static_cast<long>(i) * kCifarImageBytes));
      }
    CHECK(k == kThumbnailsPerClass);
  }
  CHECK(ThumbnailImage(std::vector<uint8_t>(100), 0, 0) == nullptr);  // a cut-off file
  CHECK(ThumbnailImage(thumbnails, 10, 0) == nullptr);
}

TEST_CASE("A damaged chunk or manifest is reported by name", "[data]") {
  CHECK_THAT(ParseChunkManifest("{}").error(), Catch::Contains("not a Gradlab CIFAR-10 chunk manifest"));
  CHECK_THAT(ParseChunkManifest("not json").error(), Catch::Contains("manifest.json"));
  ChunkManifest m;
  m.train_per_class.assign(10, 5000);
  m.test_per_class.assign(10, 1000);
  ChunkAssembler a({{3}, 10, 10}, m);
  REQUIRE(a.needed() == std::vector<std::string>{"train-3-0.bin", "test-3-0.bin"});
  CHECK_THAT(a.Add("train-3-0.bin", std::vector<uint8_t>(100)).message(), Catch::Contains("train-3-0.bin is 100 bytes"));
  CHECK_THAT(a.Add("train-4-0.bin", {}).message(), Catch::Contains("not one of the chunks"));
  m.train_per_class[3] = 5;
  CHECK_THAT(ChunkAssembler({{3}, 10, 10}, m).status().message(), Catch::Contains("has 5 training images of 'cat', 10 wanted"));
}
