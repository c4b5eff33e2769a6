// Saved models round-trip; damaged or foreign files fail with a message; the PyTorch export
// has state_dict names and layouts.
#include <catch2/catch.hpp>

#include <cstring>

#include "core/npz.h"
#include "core/rng.h"
#include "train/model_file.h"
#include "train/torch_export.h"

using namespace gradlab;
using namespace gradlab::train;

namespace {

std::unique_ptr<nn::Model> MakeModel(const std::string& spec) {
  auto m = nn::Model::Create(spec, {3, 8, 8}, 4, 5);
  REQUIRE(m.ok());
  return std::make_unique<nn::Model>(std::move(*m));
}

std::vector<uint8_t> Saved(nn::Model& model) {
  TrainConfig cfg;
  cfg.model_spec = model.spec();
  cfg.optimizer.kind = nn::OptimizerKind::kAdam;
  return SerializeModel(model, {"a", "b", "c", "d"}, {0.5f, 0.4f, 0.3f}, {0.2f, 0.2f, 0.25f}, cfg, "test data");
}

}  // namespace

TEST_CASE("A saved model loads back with the same outputs and settings", "[train][files]") {
  auto model = MakeModel("conv4k3p1 bn relu pool2 fc");
  Rng rng(1);
  Tensor x({2, 3, 8, 8});
  for (float& v : x.data) v = static_cast<float>(rng.Normal());
  model->Forward(x, nn::Mode::kTrain);  // moves the batch-norm running statistics
  const Tensor expected = model->Forward(x, nn::Mode::kEval);
  auto loaded = DeserializeModel(Saved(*model), "m.gradlab");
  REQUIRE(loaded.ok());
  CHECK(loaded->class_names == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(loaded->mean == std::vector<float>{0.5f, 0.4f, 0.3f});
  CHECK(loaded->config.optimizer.kind == nn::OptimizerKind::kAdam);
  CHECK(loaded->dataset == "test data");
  CHECK(loaded->model->Forward(x, nn::Mode::kEval).data == expected.data);
}

TEST_CASE("Damaged and foreign model files are refused with a message", "[train][files]") {
  auto model = MakeModel("fc");
  const std::vector<uint8_t> good = Saved(*model);

  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0, 0, 0, 0, 0};
  CHECK_THAT(DeserializeModel(png, "cat.png").error(), Catch::Contains("cat.png is not a Gradlab model file"));
  CHECK_THAT(DeserializeModel({}, "empty").error(), Catch::Contains("not a Gradlab model file"));

  auto truncated = good;
  truncated.resize(good.size() - 7);
  CHECK_THAT(DeserializeModel(truncated, "m").error(), Catch::Contains("truncated"));
  auto header_cut = good;
  header_cut.resize(40);
  CHECK_THAT(DeserializeModel(header_cut, "m").error(), Catch::Contains("truncated"));

  auto newer = good;
  newer[8] = 9;
  CHECK_THAT(DeserializeModel(newer, "m").error(), Catch::Contains("newer Gradlab"));

  auto extra = good;
  extra.push_back(0);
  CHECK_THAT(DeserializeModel(extra, "m").error(), Catch::Contains("unexpected bytes"));

  auto bad_json = good;
  bad_json[16] = '[';
  CHECK_THAT(DeserializeModel(bad_json, "m").error(), Catch::Contains("damaged"));

  // Any single changed byte after the header length is refused (the checksum covers them all).
  Rng rng(4);
  for (int trial = 0; trial < 300; ++trial) {
    auto bytes = good;
    bytes[16 + rng.Below(static_cast<uint32_t>(good.size() - 16))] ^= static_cast<uint8_t>(1 + rng.Below(255));
    auto r = DeserializeModel(bytes, "m");
    REQUIRE_FALSE(r.ok());
    REQUIRE_FALSE(r.error().empty());
  }
  CHECK_THAT(LoadModelFile("/nonexistent/model.gradlab").error(), Catch::Contains("not found"));
}

TEST_CASE("The PyTorch export has state_dict names and PyTorch layouts", "[train][files]") {
  auto model = MakeModel("conv5k3p1 bn relu pool2 fc7 relu fc");
  auto files = ReadNpz(ExportTorchNpz(*model, {"a", "b", "c", "d"}, {0.5f, 0.5f, 0.5f}, {0.25f, 0.25f, 0.25f}));
  REQUIRE(files.ok());
  const auto& z = *files;
  CHECK(z.at("0.weight").shape == std::vector<int>{5, 3, 3, 3});  // Conv2d [out, in, kh, kw]
  CHECK(z.at("0.weight").descr == "<f4");
  CHECK(z.at("1.running_var").shape == std::vector<int>{5});
  CHECK(z.at("1.num_batches_tracked").descr == "<i8");
  CHECK(z.at("5.weight").shape == std::vector<int>{7, 80});  // after Flatten (index 4): Linear [out, in]
  CHECK(z.at("7.weight").shape == std::vector<int>{4, 7});
  CHECK(z.at("mean").shape == std::vector<int>{3});
  const auto& arch_bytes = z.at("architecture").bytes;
  auto arch = nlohmann::json::parse(arch_bytes.begin(), arch_bytes.end(), nullptr, false);
  REQUIRE_FALSE(arch.is_discarded());
  REQUIRE(arch["modules"].size() == 8);
  CHECK(arch["modules"][0] == nlohmann::json({{"type", "Conv2d"}, {"in_channels", 3}, {"out_channels", 5},
                                              {"kernel_size", 3}, {"stride", 1}, {"padding", 1}}));
  CHECK(arch["modules"][4]["type"] == "Flatten");
  // The weights are the model's, bit for bit.
  std::vector<float> first(5 * 27);
  std::memcpy(first.data(), z.at("0.weight").bytes.data(), first.size() * 4);
  CHECK(first == model->Params()[0]->value.data);
}

TEST_CASE("CRC-32 matches the standard check value", "[core]") {
  const std::string s = "123456789";
  CHECK(Crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size()) == 0xCBF43926u);
}
