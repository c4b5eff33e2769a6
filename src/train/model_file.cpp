#include "train/model_file.h"

#include "core/file_io.h"

#include <cstring>

namespace gradlab::train {

namespace {

const char kMagic[8] = {'G', 'R', 'A', 'D', 'L', 'A', 'B', 'M'};

void Put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int b = 0; b < 4; ++b) out.push_back((v >> (8 * b)) & 0xFF);
}
uint32_t Get32(const uint8_t* p) { return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24; }

std::string Printable(const uint8_t* p, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += (p[i] >= 32 && p[i] < 127) ? static_cast<char>(p[i]) : '.';
  return s;
}

}  // namespace

std::vector<uint8_t> SerializeModel(nn::Model& model, const std::vector<std::string>& class_names,
                                    const std::vector<float>& mean, const std::vector<float>& std,
                                    const TrainConfig& config, const std::string& dataset) {
  nlohmann::json tensors = nlohmann::json::array();
  auto state = model.StateDict();
  for (auto& [name, t] : state) tensors.push_back({{"name", name}, {"shape", t->shape}});
  const nlohmann::json header = {
      {"format", "gradlab-model"},
      {"spec", model.spec()},
      {"input_shape", model.input_shape()},
      {"classes", class_names},
      {"mean", mean},
      {"std", std},
      {"dataset", dataset},
      {"train", ConfigToJson(config)},
      {"tensors", tensors},
  };
  const std::string text = header.dump();
  std::vector<uint8_t> out(kMagic, kMagic + 8);
  Put32(out, kModelFormatVersion);
  Put32(out, static_cast<uint32_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
  for (auto& [name, t] : state)
    for (float v : t->data) {
      uint32_t bits;
      std::memcpy(&bits, &v, 4);
      Put32(out, bits);
    }
  return out;
}

Result<SavedModel> DeserializeModel(const std::vector<uint8_t>& bytes, const std::string& name) {
  using R = Result<SavedModel>;
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return R::Error(name + " is not a Gradlab model file (it starts with '" +
                    Printable(bytes.data(), std::min<size_t>(bytes.size(), 8)) + "')");
  const uint32_t version = Get32(&bytes[8]), header_len = Get32(&bytes[12]);
  if (version > kModelFormatVersion)
    return R::Error(name + " was saved by a newer Gradlab (model format " + std::to_string(version) +
                    "); this one reads format " + std::to_string(kModelFormatVersion) + ". Update Gradlab to open it.");
  if (version == 0) return R::Error(name + " has an invalid format version 0");
  if (16 + static_cast<size_t>(header_len) > bytes.size())
    return R::Error(name + " is truncated: its header says " + std::to_string(header_len) + " bytes but the file has " +
                    std::to_string(bytes.size() - 16) + " after the start");
  const nlohmann::json h = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + header_len, nullptr, false);
  if (h.is_discarded() || !h.is_object() || h.value("format", "") != "gradlab-model")
    return R::Error(name + " is damaged: its header is not valid JSON");

  auto field_error = [&](const char* what) { return R::Error(name + " is damaged: " + what); };
  if (!h.contains("spec") || !h["spec"].is_string()) return field_error("no model spec");
  if (!h.contains("input_shape") || !h["input_shape"].is_array()) return field_error("no input shape");
  if (!h.contains("classes") || !h["classes"].is_array()) return field_error("no class names");
  if (!h.contains("tensors") || !h["tensors"].is_array()) return field_error("no tensor list");
  Shape input;
  for (const auto& d : h["input_shape"]) {
    if (!d.is_number_integer() || d.get<int>() < 1 || d.get<int>() > 4096) return field_error("a bad input shape");
    input.push_back(d.get<int>());
  }
  SavedModel saved;
  for (const auto& c : h["classes"]) {
    if (!c.is_string()) return field_error("a class name that is not text");
    saved.class_names.push_back(c.get<std::string>());
  }
  for (const char* key : {"mean", "std"}) {
    if (!h.contains(key)) continue;
    for (const auto& v : h[key]) {
      if (!v.is_number()) return field_error("a normalisation value that is not a number");
      (std::strcmp(key, "mean") == 0 ? saved.mean : saved.std).push_back(v.get<float>());
    }
  }
  if (saved.class_names.size() < 2 || saved.class_names.size() > 1000) return field_error("fewer than 2 classes");
  if (h.contains("train")) {
    auto cfg = ConfigFromJson(h["train"]);
    if (!cfg) return R::Error(name + ": " + cfg.error());
    saved.config = *cfg;
  }
  saved.dataset = h.value("dataset", "");

  auto model = nn::Model::Create(h["spec"].get<std::string>(), input, static_cast<int>(saved.class_names.size()), 0,
                                 saved.config.init);
  if (!model) return R::Error(name + ": " + model.error());
  saved.model = std::make_unique<nn::Model>(std::move(*model));
  auto state = saved.model->StateDict();
  const auto& listed = h["tensors"];
  if (listed.size() != state.size())
    return R::Error(name + " is damaged: it has " + std::to_string(listed.size()) + " tensors, the model needs " +
                    std::to_string(state.size()));
  size_t pos = 16 + header_len;
  for (size_t i = 0; i < state.size(); ++i) {
    auto& [tname, tensor] = state[i];
    const auto& entry = listed[i];
    if (!entry.is_object() || entry.value("name", "") != tname || !entry.contains("shape") ||
        entry["shape"] != nlohmann::json(tensor->shape))
      return R::Error(name + " is damaged: tensor " + std::to_string(i) + " should be " + tname + " of shape " +
                      ShapeToString(tensor->shape));
    const size_t need = tensor->size() * 4;
    if (pos + need > bytes.size())
      return R::Error(name + " is truncated: it ends inside tensor " + tname + " (" + std::to_string(bytes.size()) +
                      " bytes)");
    for (size_t k = 0; k < tensor->size(); ++k) {
      uint32_t bits = Get32(&bytes[pos + 4 * k]);
      std::memcpy(&tensor->data[k], &bits, 4);
    }
    pos += need;
  }
  if (pos != bytes.size())
    return R::Error(name + " is damaged: " + std::to_string(bytes.size() - pos) + " unexpected bytes after the weights");
  return saved;
}

Result<SavedModel> LoadModelFile(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return Result<SavedModel>::Error(bytes.error());
  return DeserializeModel(*bytes, path);
}

}  // namespace gradlab::train
