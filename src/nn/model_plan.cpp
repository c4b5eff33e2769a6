#include "nn/model_plan.h"

#include <optional>

#include "nn/model.h"
#include "i18n/translate.h"

namespace gradlab::nn {

namespace {

// Describe()'s rows tied to the spec's words: a Flatten that is not a word, and layers past the
// last word (the appended final fc), were added by Model::Create.
std::vector<PlannedLayer> RowsOf(const Model& model, const std::vector<ParsedLayer>& words) {
  std::vector<PlannedLayer> rows;
  size_t w = 0;
  for (const LayerInfo& info : model.Describe()) {
    PlannedLayer row{-1, info.spec, true, info.output, info.parameters, ""};
    const bool auto_flatten = info.kind == "Flatten" && (w >= words.size() || words[w].word != LayerWord::kFlatten);
    if (!auto_flatten && w < words.size()) row.word = static_cast<int>(w++);
    rows.push_back(row);
  }
  return rows;
}

// `line` without what `pattern` (translated, "model spec: {0}" or "{0} at column {1}") put around
// its {0}: the text between {0} and {1} is where the rest starts, {1} being a column number.
std::string Unwrapped(std::string line, const char* pattern) {
  const std::string p = tr(pattern);
  const size_t at0 = p.find("{0}"), at1 = p.find("{1}");
  if (at0 == std::string::npos || (at1 != std::string::npos && at1 < at0)) return line;
  const std::string before = p.substr(0, at0);
  const std::string after = at1 == std::string::npos ? p.substr(at0 + 3) : p.substr(at1 + 3);
  if (line.size() < before.size() + after.size() || line.compare(0, before.size(), before) != 0 ||
      line.compare(line.size() - after.size(), after.size(), after) != 0)
    return line;
  line = line.substr(before.size(), line.size() - before.size() - after.size());
  if (at1 != std::string::npos) {
    const std::string between = p.substr(at0 + 3, at1 - at0 - 3);
    const size_t cut = line.rfind(between);
    if (cut != std::string::npos) line = line.substr(0, cut);
  }
  return line;
}

// "model spec: 'conv5k3s2' cannot take a 3x32x32 input: ... at column 6\n  <spec>\n  ^" -> the
// part between the prefix and the column pointer, which is what a table row has room for.
std::string RowMessage(const std::string& error) {
  const std::string line = error.substr(0, error.find('\n'));
  return Unwrapped(Unwrapped(line, N_("model spec: {0}")), N_("{0} at column {1}"));
}

}  // namespace

ModelPlan PlanModel(const std::string& spec, const Shape& input, int num_classes) {
  ModelPlan plan;
  auto parsed = ParseModelSpec(spec);
  if (!parsed) {
    plan.error = Fill(tr("model spec: {0}"), {parsed.error()});
    return plan;
  }
  plan.words = *parsed;
  auto model = Model::Create(spec, input, num_classes, 1);
  if (model) {
    plan.layers = RowsOf(*model, plan.words);
    plan.parameters = model->ParameterCount();
    return plan;
  }
  plan.error = model.error();
  // Find the first word whose prefix no longer builds (each prefix closed by an fc, as a model
  // must be); the rows before it come from the longest prefix that does.
  const auto head = [&](size_t count) {
    std::vector<ParsedLayer> h(plan.words.begin(), plan.words.begin() + static_cast<long>(count));
    h.push_back(ParsedLayer{LayerWord::kFc});
    return h;
  };
  size_t broken = plan.words.size() - 1;
  std::optional<Model> good;  // the longest prefix that builds, and its words
  std::vector<ParsedLayer> good_words;
  for (size_t k = 0; k + 1 < plan.words.size(); ++k) {
    std::vector<ParsedLayer> words = head(k + 1);
    auto prefix = Model::Create(FormatModelSpec(words), input, num_classes, 1);
    if (!prefix) {
      broken = k;
      break;
    }
    good.emplace(std::move(*prefix));
    good_words = std::move(words);
  }
  if (good && broken > 0) {
    plan.layers = RowsOf(*good, good_words);
    while (!plan.layers.empty() && (plan.layers.back().word < 0 || plan.layers.back().word >= static_cast<int>(broken)))
      plan.layers.pop_back();  // the closing fc and a flatten before it
  }
  for (size_t k = broken; k < plan.words.size(); ++k) {
    PlannedLayer row{static_cast<int>(k), FormatLayerWord(plan.words[k]), false, {}, 0, ""};
    if (k == broken) row.problem = RowMessage(plan.error);
    plan.layers.push_back(row);
  }
  return plan;
}

}  // namespace gradlab::nn
