// What the fuzzers (fuzz/, scripts/fuzz) found, one test each; the inputs themselves are in
// fuzz/regressions/<target>/ and run through their fuzz target in the `fuzz` preset's tests.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "data/augment.h"
#include "data/cifar10_chunks.h"
#include "data/image_file.h"
#include "data/jpeg_guard.h"
#include "graph/parser.h"
#include "nn/model_spec.h"
#include "nn/schedule.h"
#include "settings/registry.h"

using namespace gradlab;

TEST_CASE("fuzz schedule_spec: a step gamma above 1 is refused (gamma=8.9e300 made the rate infinite)", "[fuzz][hostile]") {
  const std::string spec = "step:30,60,98880:gamma=" + std::string(300, '8');
  CHECK_THAT(nn::ParseSchedule(spec, 0.1).error(), Catch::Contains("gamma must be a number above 0 and at most 1"));
  CHECK_FALSE(nn::ParseSchedule("step:10:gamma=2", 0.1).ok());
  auto ok = nn::ParseSchedule("step:10:gamma=1", 0.1);
  REQUIRE(ok.ok());
  CHECK(nn::LearningRateAt(*ok, 20, 100) == Approx(0.1));
}

TEST_CASE("fuzz schedule_spec: NUL bytes inside a milestone are refused; formatting keeps every digit", "[fuzz][hostile]") {
  CHECK_FALSE(nn::ParseSchedule(std::string("step:\0,6", 8), 0.1).ok());
  CHECK_FALSE(nn::ParseSchedule(std::string("step:10:gamma=0.5\0x", 19), 0.1).ok());
  auto close = nn::ParseSchedule("step:3366666660,3366666666", 0.1);
  REQUIRE(close.ok());
  auto again = nn::ParseSchedule(nn::FormatSchedule(*close), 0.1);  // %g wrote 3.36667e+09 twice
  REQUIRE(again.ok());
  CHECK(again->milestones == close->milestones);
  CHECK(nn::FormatSchedule(*nn::ParseSchedule("step:0.1,2.5:gamma=0.3", 0.1)) == "step:0.1,2.5:gamma=0.3");
}

TEST_CASE("fuzz augment_spec: NUL bytes inside a value are refused", "[fuzz][hostile]") {
  CHECK_FALSE(data::ParseAugmentSpec(std::string("hflip:0.5\0x", 11)).ok());
  CHECK_FALSE(data::ParseAugmentSpec(std::string("crop:4\0", 7)).ok());
  CHECK(data::ParseAugmentSpec("hflip:0.5,crop:4").ok());
}

TEST_CASE("fuzz cifar10_chunks: a manifest key of another JSON type is an error, not an exception", "[fuzz][hostile]") {
  for (const char* text : {R"({"format":[5,5]})", R"({"format":"gradlab-cifar10-chunks","version":"1"})",
                           R"({"format":"gradlab-cifar10-chunks","version":1,"chunk_images":"500"})",
                           R"({"format":"gradlab-cifar10-chunks","version":1,"chunk_images":500,)"
                           R"("train_per_class":[1,1,1,1,1,1,1,1,1,99999999999],"test_per_class":[1,1,1,1,1,1,1,1,1,1]})"}) {
    auto m = data::ParseChunkManifest(text);
    REQUIRE_FALSE(m.ok());
    CHECK_THAT(m.error(), Catch::StartsWith("manifest.json"));
  }
}

TEST_CASE("fuzz cifar10_chunks: a record position with its top bit set is read without overflow", "[fuzz][hostile]") {
  auto manifest = data::ParseChunkManifest(
      R"({"format":"gradlab-cifar10-chunks","version":1,"chunk_images":500,)"
      R"("train_per_class":[5,5,5,5,5,5,5,5,5,5],"test_per_class":[5,5,5,5,5,5,5,5,5,5]})");
  REQUIRE(manifest.ok());
  data::ChunkAssembler a({{3}, 1, 1}, *manifest);
  std::vector<uint8_t> chunk(data::kChunkRecordBytes, 7);
  chunk[3] = 0xFF;  // position 0xFF070707
  for (const std::string& file : a.needed()) REQUIRE(a.Add(file, chunk).ok());
  auto sets = a.Finish();
  REQUIRE(sets.ok());
  CHECK(sets->train.size() == 1);
}

TEST_CASE("fuzz image: PNG sides near 2^32 are too large, without overflowing their product", "[fuzz][hostile]") {
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                              0xF0, 0x0A, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0, 0, 0, 0, 0};
  CHECK(data::DecodeImage(png, "wide.png").error() ==
        "wide.png is 4027187455x4294967295 pixels, too large: images up to 40,000,000 pixels are accepted");
}

TEST_CASE("fuzz image: fill bytes before a JPEG's start do not hide a Huffman table that is too long", "[fuzz][hostile]") {
  std::vector<uint8_t> jpeg(50, 0xFF);  // stb skips any number of 0xFF before the FF D8 start
  jpeg.insert(jpeg.end(), {0xD8, 0xFF, 0xC4, 0x00, 19, 0x00});
  jpeg.insert(jpeg.end(), 16, 255);
  CHECK_FALSE(data::JpegHuffmanTablesFit(jpeg.data(), jpeg.size()));
  CHECK_THAT(data::DecodeImage(jpeg, "filled.jpg").error(), Catch::Contains("damaged JPEG"));
  // Not a JPEG at all: a PNG-like start with an FF C4 pair later is left to its own decoder.
  std::vector<uint8_t> other = {0x89, 'P', 'N', 'G', 0xFF, 0xC4, 0x00, 19, 0x00};
  other.insert(other.end(), 16, 255);
  CHECK(data::JpegHuffmanTablesFit(other.data(), other.size()));
}

TEST_CASE("fuzz link: a variable's name is short enough to be a link key, so a link reopens", "[fuzz][hostile]") {
  // The 10-minute link run (2026-12-01): an expression with a 64-character variable and x=10
  // applied, but the link it wrote (inputs=...,vzconv_zz...f:1) was refused on reopening, since a
  // link key has at most 16 characters. The parser now refuses such a name itself.
  auto parsed = graph::ParseExpression("f = x * abcdefghijklmnopq");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().find("the name 'abcdefghijklmnop...' is too long at column 9: a variable's name has at most 16 characters") != std::string::npos);
  settings::Settings s;
  const auto outcome = settings::ApplyLink(s, settings::ParseQuery("#v=1&expr=f+%3D+x+*+abcdefghijklmnop&abcdefghijklmnop=3"));
  CHECK(outcome.problems.empty());
  settings::Settings again;
  CHECK(settings::ApplyLink(again, settings::ParseQuery("#" + settings::FormatFragment(s))).problems.empty());
  CHECK(again == s);
  // The next 10-minute run: variables named "_" and "___" (the parser takes a leading _, a link key
  // did not). One rule now decides both: graph::IsVariableName.
  CHECK(graph::IsVariableName("_"));
  CHECK(graph::IsVariableName("x_1"));
  CHECK_FALSE(graph::IsVariableName("1x"));
  CHECK_FALSE(graph::IsVariableName("abcdefghijklmnopq"));
  settings::Settings u;
  CHECK(settings::ApplyLink(u, settings::ParseQuery("#v=1&expr=f+%3D+_+*+___&_=2")).problems.empty());
  settings::Settings u_again;
  CHECK(settings::ApplyLink(u_again, settings::ParseQuery("#" + settings::FormatFragment(u))).problems.empty());
  CHECK(u_again == u);
}

TEST_CASE("fuzz model_spec: a spec the layer editor writes back always parses again", "[fuzz][hostile]") {
  // The 10-minute model_spec run (2026-12-01): a 1,000-character "mlp:" of 290 widths with three
  // activations per hidden layer expanded to 869 layers, whose written-out spec (4,195 characters)
  // the parser refused as too long. A model now has at most kSpecLimits.layers layers.
  std::string widths = "mlp:8";
  for (int i = 0; i < 200; ++i) widths += ",8";
  auto refused = nn::ParseModelSpec(widths + " relu");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("a model has at most 100") != std::string::npos);
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += "fc8 ";
  CHECK(nn::ParseModelSpec(deep).error().find("a model has at most 100 layers") != std::string::npos);
  // The largest model allowed writes back a spec that parses to the same layers.
  std::string widest = "mlp:999999";
  for (int i = 0; i < 23; ++i) widest += ",999999";  // 24 hidden layers of 4: 97 layers with the closing fc
  auto most = nn::ParseModelSpec(widest + " bn lrelu0.123456 dropout0.123456");
  REQUIRE(most.ok());
  auto again = nn::ParseModelSpec(nn::FormatModelSpec(*most));
  REQUIRE(again.ok());
  CHECK(again->size() == most->size());
}
