#include "nn/model_plan.h"

#include <optional>

#include "nn/model.h"

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

// "model spec: 'conv5k3s2' cannot take a 3x32x32 input: ... at column 6\n  <spec>\n  ^" -> the
// part between the prefix and the column pointer, which is what a table row has room for.
std::string RowMessage(const std::string& error) {
  std::string line = error.substr(0, error.find('\n'));
  const std::string prefix = "model spec: ";
  if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
  const size_t at = line.rfind(" at column ");
  if (at != std::string::npos) line = line.substr(0, at);
  return line;
}

}  // namespace

ModelPlan PlanModel(const std::string& spec, const Shape& input, int num_classes) {
  ModelPlan plan;
  auto parsed = ParseModelSpec(spec);
  if (!parsed) {
    plan.error = "model spec: " + parsed.error();
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
