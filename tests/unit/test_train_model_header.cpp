// Saved-model headers from hostile or damaged files (issue 15, findings 1, 2, 3 and 12): every
// one is refused with a message naming the problem, before a model is built. Each header here
// is re-framed with a correct length and checksum, so the schema is what refuses it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/npz.h"
#include "train/model_file.h"

using namespace gradlab;
using namespace gradlab::train;
using nlohmann::json;

namespace {

std::vector<uint8_t> SavedConv() {
  auto m = nn::Model::Create("conv2k3p1 bn relu pool2 fc", {3, 4, 4}, 3, 7);
  REQUIRE(m.ok());
  TrainConfig cfg;
  cfg.model_spec = m->spec();
  return SerializeModel(*m, {"cat", "dog", "ship"}, {0.5f, 0.4f, 0.3f}, {0.2f, 0.2f, 0.25f}, cfg, "CIFAR-10 (test)");
}

uint32_t Get32(const std::vector<uint8_t>& b, size_t i) {
  return b[i] | b[i + 1] << 8 | b[i + 2] << 16 | static_cast<uint32_t>(b[i + 3]) << 24;
}
void Put32(std::vector<uint8_t>& b, uint32_t v) {
  for (int k = 0; k < 4; ++k) b.push_back((v >> (8 * k)) & 0xFF);
}

// The file with its header changed by `edit` and its weights changed by `weights`, framed and
// checksummed as a real save would be.
std::vector<uint8_t> Reframed(const std::vector<uint8_t>& file, const std::function<void(json&)>& edit,
                              const std::function<void(std::vector<float>&)>& weights = nullptr) {
  const uint32_t len = Get32(file, 12);
  json h = json::parse(file.begin() + 16, file.begin() + 16 + len);
  edit(h);
  std::vector<float> w((file.size() - 16 - len - 4) / 4);
  std::memcpy(w.data(), file.data() + 16 + len, w.size() * 4);
  if (weights) weights(w);
  const std::string text = h.dump();
  std::vector<uint8_t> out(file.begin(), file.begin() + 12);
  Put32(out, static_cast<uint32_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
  const auto* bytes = reinterpret_cast<const uint8_t*>(w.data());
  out.insert(out.end(), bytes, bytes + w.size() * 4);
  Put32(out, Crc32(out.data(), out.size()));
  return out;
}

std::string ErrorOf(const std::vector<uint8_t>& file) {
  auto r = DeserializeModel(file, "m.gradlab");
  return r.ok() ? "(loaded)" : r.error();
}

}  // namespace

TEST_CASE("Re-framing an unchanged header gives a file that loads", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK(Reframed(good, [](json&) {}) == good);
  CHECK(DeserializeModel(good, "m").ok());
}

TEST_CASE("Finding 1: mean and std must be one finite number per channel, std above 0", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h.erase("std"); })), Catch::Contains("no 'std'"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["std"] = json::array(); })),
             Catch::Contains("3 means and 0 standard deviations for 3 input channels"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["mean"] = {0.5}; })),
             Catch::Contains("1 means and 3 standard deviations"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["std"] = {0, 0, 0}; })),
             Catch::Contains("standard deviations must be above 0"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["mean"] = {1e30, 0.5, 0.5}; })), Catch::Contains("means must be from 0 to 1"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["mean"] = {"a", 0.5, 0.5}; })), Catch::Contains("means must be from 0 to 1"));
  // A model that takes toy points has no image statistics at all.
  CHECK(ErrorOf(Reframed(good, [](json& h) { h["mean"] = json::array(); h["std"] = json::array(); })) == "(loaded)");
}

TEST_CASE("Finding 2: a key of the wrong JSON type is an error, not an exception", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["dataset"] = 5; })), Catch::Contains("dataset is not text"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["format"] = json::array(); })), Catch::Contains("format"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["tensors"][0]["name"] = 3; })),
             Catch::Contains("tensor 0 is not {\"name\": text"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["tensors"][1]["shape"] = "2"; })), Catch::Contains("tensor 1 is not"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["classes"] = "cat"; })), Catch::Contains("classes; a model has 2 to 1,000"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["train"]["epochs"] = 1e20; })),
             Catch::Contains("'epochs' should be a whole number"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["train"]["seed"] = -1; })), Catch::Contains("'seed' should be a whole number"));
}

TEST_CASE("Finding 3: NaN or infinite weights are refused when the file is read", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK_THAT(ErrorOf(Reframed(good, [](json&) {}, [](std::vector<float>& w) { w[3] = NAN; })),
             Catch::Contains("0.weight has NaN or infinite numbers"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json&) {}, [](std::vector<float>& w) { w.back() = INFINITY; })),
             Catch::Contains("NaN or infinite"));
  const auto negative_var = Reframed(good, [](json&) {}, [](std::vector<float>& w) {
    // state order: 0.weight (54), 0.bias (2), 1.weight (2), 1.bias (2), 1.running_mean (2), 1.running_var (2), ...
    w[54 + 2 + 2 + 2 + 2] = -1;
  });
  CHECK_THAT(ErrorOf(negative_var), Catch::Contains("1.running_var has a negative"));
}

TEST_CASE("Finding 6: the tensor list is checked against the spec before the model is built", "[train][files][hostile]") {
  const auto good = SavedConv();
  // The spec of a 1.7 GB model with the weights of a tiny one: refused on sizes alone.
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["spec"] = "mlp:15000,15000"; })), Catch::Contains("too large"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["spec"] = "conv3k3p1 bn relu pool2 fc"; })),
             Catch::Contains("its model needs 135 weights but it lists 91"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["tensors"][0]["shape"] = {1 << 29, 1 << 29}; })),
             Catch::Contains("larger than any model"));
}

TEST_CASE("Finding 11: 1001 classes is too many, not 'fewer than 2'", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) {
               h["classes"] = json::array();
               for (int i = 0; i < 1001; ++i) h["classes"].push_back("c" + std::to_string(i));
             })),
             Catch::Contains("it has 1001 classes; a model has 2 to 1,000"));
}

TEST_CASE("Finding 12: missing, renamed or unknown keys are errors, not defaults", "[train][files][hostile]") {
  const auto good = SavedConv();
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["train"].erase("lr"); })), Catch::Contains("'lr' is missing"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) {
               h["train"]["learning_rate"] = h["train"]["lr"];
               h["train"].erase("lr");
             })),
             Catch::Contains("unknown setting 'learning_rate'"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h.erase("train"); })), Catch::Contains("no 'train'"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["colour"] = "red"; })), Catch::Contains("unknown key 'colour'"));
  // An infinite warm-up used to be saved as null, and then the file could not be loaded.
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["train"]["warmup"] = INFINITY; })),
             Catch::Contains("'warmup' should be a finite number"));
  CHECK_THAT(ErrorOf(Reframed(good, [](json& h) { h["train"]["warmup"] = 1e301; })), Catch::Contains("warm-up must be"));

  // A flipped bit anywhere after the header length, weights included, fails the checksum.
  for (size_t at : {size_t(16), good.size() / 2, good.size() - 9, good.size() - 1}) {
    auto bytes = good;
    bytes[at] ^= 0x10;
    CHECK_THAT(ErrorOf(bytes), Catch::Contains("damaged") || Catch::Contains("truncated"));
  }
  auto flipped = good;
  flipped[good.size() - 9] ^= 0x01;  // inside the last weight
  CHECK_THAT(ErrorOf(flipped), Catch::Contains("checksum does not match"));
}

TEST_CASE("A model file of format 1 is refused with what to do", "[train][files][hostile]") {
  auto old = SavedConv();
  old[8] = 1;
  CHECK_THAT(ErrorOf(old), Catch::Contains("older Gradlab (model format 1") && Catch::Contains("save the model again"));
}
