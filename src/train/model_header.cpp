#include "train/model_header.h"

#include <cmath>

#include "i18n/translate.h"
#include "nn/model_budget.h"
#include "train/json_keys.h"

namespace gradlab::train {

namespace {

using R = Result<ModelHeader>;

// A list of whole numbers from 1 to `max` (input and tensor shapes).
bool ReadShape(const nlohmann::json& j, int max, Shape& out) {
  if (!j.is_array() || j.empty() || j.size() > 4) return false;
  for (const auto& d : j) {
    if (!d.is_number_unsigned() || d.get<uint64_t>() < 1 || d.get<uint64_t>() > static_cast<uint64_t>(max)) return false;
    out.push_back(static_cast<int>(d.get<uint64_t>()));
  }
  return true;
}

// Per-channel statistics of byte/255 pixels: a mean in [0, 1], a std in (0, 1].
Status ReadStats(const nlohmann::json& j, const char* key, bool is_std, std::vector<float>& out) {
  if (!j.is_array()) return Status::Error(Fill(tr("'{0}' should be a list of numbers"), {key}));
  for (const auto& v : j) {
    const double x = v.is_number() ? v.get<double>() : NAN;
    const bool ok = is_std ? (x > 0 && x <= 1) : (x >= 0 && x <= 1);  // false for NaN too
    if (!ok)
      return Status::Error(Fill(is_std ? tr("'{0}' holds {1}; the input normalisation's standard deviations must be above 0 and at most 1")
                                       : tr("'{0}' holds {1}; the input normalisation's means must be from 0 to 1"),
                                {key, v.dump()}));
    out.push_back(static_cast<float>(x));
  }
  return Status();
}

}  // namespace

Result<ModelHeader> ParseModelHeader(const nlohmann::json& h) {
  if (!h.is_object()) return R::Error(tr("its header is not a JSON object"));
  static const std::initializer_list<const char*> kKeys = {"format",  "spec",  "input_shape", "classes", "mean",
                                                           "std",     "dataset", "train",     "tensors"};
  if (auto key = UnknownKey(h, kKeys)) return R::Error(Fill(tr("its header has an unknown key '{0}'"), {*key}));
  if (auto key = MissingKey(h, kKeys)) return R::Error(Fill(tr("its header has no '{0}'"), {*key}));

  if (h["format"] != "gradlab-model") return R::Error(tr("its header's format is not \"gradlab-model\""));
  ModelHeader out;
  if (!h["spec"].is_string() || h["spec"].get_ref<const std::string&>().empty())
    return R::Error(tr("its model spec is not text"));
  out.spec = h["spec"].get<std::string>();
  if (!ReadShape(h["input_shape"], 4096, out.input) || (out.input.size() != 1 && out.input.size() != 3))
    return R::Error(tr("its input shape is not a list of 1 or 3 whole numbers from 1 to 4096"));

  const auto& classes = h["classes"];
  if (!classes.is_array() || classes.size() < 2 || classes.size() > 1000)
    return R::Error(classes.is_array() ? Fill(tr("it has {0} classes; a model has 2 to 1,000"), {std::to_string(classes.size())})
                                       : std::string(tr("it has no list of classes; a model has 2 to 1,000")));
  for (const auto& c : classes) {
    if (!c.is_string() || c.get_ref<const std::string&>().empty() || c.get_ref<const std::string&>().size() > 100)
      return R::Error(tr("a class name is not text of 1 to 100 characters"));
    out.class_names.push_back(c.get<std::string>());
  }

  if (Status s = ReadStats(h["mean"], "mean", false, out.mean); !s) return R::Error(s.message());
  if (Status s = ReadStats(h["std"], "std", true, out.std); !s) return R::Error(s.message());
  const size_t channels = out.input.size() == 3 ? static_cast<size_t>(out.input[0]) : 0;
  const bool none = out.mean.empty() && out.std.empty();
  if (!none && (out.mean.size() != channels || out.std.size() != channels))
    return R::Error(Fill(tr("its input normalisation has {0} means and {1} standard deviations for {2} input channels "
                            "(both must match the channels, or both be empty)"),
                         {std::to_string(out.mean.size()), std::to_string(out.std.size()), std::to_string(channels)}));

  if (!h["dataset"].is_string()) return R::Error(tr("its dataset is not text"));
  out.dataset = h["dataset"].get<std::string>();
  auto cfg = ConfigFromJson(h["train"]);
  if (!cfg) return R::Error(cfg.error());
  out.config = *cfg;

  if (!h["tensors"].is_array()) return R::Error(tr("its tensor list is not a list"));
  const uint64_t kMaxNumbers = nn::kModelBudgetBytes / 4;
  for (const auto& t : h["tensors"]) {
    TensorEntry e;
    uint64_t size = 1;
    const bool ok = t.is_object() && t.size() == 2 && t.contains("name") && t["name"].is_string() &&
                    t.contains("shape") && ReadShape(t["shape"], 1 << 30, e.shape);
    if (!ok) return R::Error(Fill(tr("tensor {0} is not {\"name\": text, \"shape\": [sizes]}"), {std::to_string(out.tensors.size())}));
    e.name = t["name"].get<std::string>();
    for (int d : e.shape) {  // in 64 bits, stopping at the cap (each size is below 2^30: no overflow)
      size *= static_cast<uint64_t>(d);
      if (size > kMaxNumbers) return R::Error(tr("its tensors are larger than any model Gradlab builds"));
    }
    out.numbers += size;
    if (out.numbers > kMaxNumbers) return R::Error(tr("its tensors are larger than any model Gradlab builds"));
    out.tensors.push_back(std::move(e));
  }
  return out;
}

}  // namespace gradlab::train
