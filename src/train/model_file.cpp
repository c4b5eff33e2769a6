#include "train/model_file.h"

#include <cmath>
#include <cstring>

#include "io/file_io.h"
#include "core/npz.h"
#include "i18n/translate.h"
#include "nn/model_budget.h"
#include "train/model_header.h"

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
  Put32(out, Crc32(out.data(), out.size()));
  return out;
}

Result<SavedModel> DeserializeModel(const std::vector<uint8_t>& bytes, const std::string& name) {
  using R = Result<SavedModel>;
  if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return R::Error(Fill(tr("{0} is not a Gradlab model file (it starts with '{1}')"),
                         {name, Printable(bytes.data(), std::min<size_t>(bytes.size(), 8))}));
  const uint32_t version = Get32(&bytes[8]), header_len = Get32(&bytes[12]);
  if (version > kModelFormatVersion)
    return R::Error(Fill(tr("{0} was saved by a newer Gradlab (model format {1}); this one reads format {2}. Update Gradlab to open it."),
                         {name, std::to_string(version), std::to_string(kModelFormatVersion)}));
  if (version < kModelFormatVersion)
    return R::Error(Fill(tr("{0} was saved by an older Gradlab (model format {1}, without a checksum); this one reads format {2}. "
                            "Train and save the model again."),
                         {name, std::to_string(version), std::to_string(kModelFormatVersion)}));
  if (16 + static_cast<size_t>(header_len) > bytes.size())
    return R::Error(Fill(tr("{0} is truncated: its header says {1} bytes but the file has {2} after the start"),
                         {name, std::to_string(header_len), std::to_string(bytes.size() - 16)}));
  const nlohmann::json h = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + header_len, nullptr, false);
  if (h.is_discarded()) return R::Error(Fill(tr("{0} is damaged: its header is not valid JSON"), {name}));
  auto header = ParseModelHeader(h);
  if (!header) return R::Error(Fill(tr("{0} is damaged: {1}"), {name, header.error()}));

  // The sizes before anything is allocated: the weights the header lists, then the checksum.
  const size_t weights_at = 16 + header_len, expected = weights_at + 4 * header->numbers + 4;
  if (bytes.size() < expected)
    return R::Error(Fill(tr("{0} is truncated: its header lists {1} weights ({2} bytes in all) but the file has {3} bytes"),
                         {name, std::to_string(header->numbers), std::to_string(expected), std::to_string(bytes.size())}));
  if (bytes.size() > expected)
    return R::Error(Fill(tr("{0} is damaged: {1} unexpected bytes after the weights"), {name, std::to_string(bytes.size() - expected)}));
  if (Crc32(bytes.data(), expected - 4) != Get32(&bytes[expected - 4]))
    return R::Error(Fill(tr("{0} is damaged: its checksum does not match (the file was changed after it was saved)"), {name}));

  // The spec must need exactly the listed numbers, worked out without building it.
  auto cost = nn::CheckModelBudget(header->spec, header->input, static_cast<int>(header->class_names.size()));
  if (!cost) return R::Error(name + ": " + cost.error());
  if (cost->complete && cost->state != header->numbers)
    return R::Error(Fill(tr("{0} is damaged: its model needs {1} weights but it lists {2}"),
                         {name, std::to_string(cost->state), std::to_string(header->numbers)}));

  SavedModel saved;
  saved.class_names = header->class_names;
  saved.mean = header->mean;
  saved.std = header->std;
  saved.config = header->config;
  saved.dataset = header->dataset;
  auto model = nn::Model::Create(header->spec, header->input, static_cast<int>(saved.class_names.size()), 0,
                                 saved.config.init);
  if (!model) return R::Error(name + ": " + model.error());
  saved.model = std::make_unique<nn::Model>(std::move(*model));
  auto state = saved.model->StateDict();
  if (header->tensors.size() != state.size())
    return R::Error(name + " is damaged: it has " + std::to_string(header->tensors.size()) + " tensors, the model needs " +
                    std::to_string(state.size()));
  size_t pos = weights_at;
  for (size_t i = 0; i < state.size(); ++i) {
    auto& [tname, tensor] = state[i];
    const TensorEntry& entry = header->tensors[i];
    if (entry.name != tname || entry.shape != tensor->shape)
      return R::Error(name + " is damaged: tensor " + std::to_string(i) + " should be " + tname + " of shape " +
                      ShapeToString(tensor->shape));
    // A NaN weight makes every prediction NaN; a negative variance makes batch norm's NaN.
    const bool variance = tname.size() >= 11 && tname.compare(tname.size() - 11, 11, "running_var") == 0;
    for (size_t k = 0; k < tensor->size(); ++k) {
      uint32_t bits = Get32(&bytes[pos + 4 * k]);
      std::memcpy(&tensor->data[k], &bits, 4);
      if (!std::isfinite(tensor->data[k]) || (variance && tensor->data[k] < 0))
        return R::Error(name + " holds unusable weights: " + tname + " has " + (variance ? "a negative, " : "") +
                        "NaN or infinite numbers (was it saved after training broke down?)");
    }
    pos += tensor->size() * 4;
  }
  return saved;
}

Result<SavedModel> LoadModelFile(const std::string& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes) return Result<SavedModel>::Error(bytes.error());
  return DeserializeModel(*bytes, path);
}

}  // namespace gradlab::train
