#include "ui/bench_mode.h"

#include <utility>
#include <vector>

#include "train/session.h"
#include "ui/app_state.h"
#include "ui/train_controller.h"

namespace gradlab::ui {

namespace {

// The three models of scripts/bench (bench/run.mjs), in the model-spec language.
const char* BenchSpec(const std::string& model) {
  if (model == "linear") return "linear";
  if (model == "mlp") return "mlp:100";
  if (model == "cnn") return "conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc";
  return nullptr;
}

}  // namespace

bool ApplyBenchMode(AppState& state, const std::string& model, std::string* problem) {
  const char* spec = BenchSpec(model);
  if (!spec) {
    *problem = "bench must be linear, mlp or cnn";
    return false;
  }
  const std::vector<std::pair<std::string, std::string>> preset = {
      {"data", "cifar10"}, {"classes", "airplane,automobile,bird,cat,deer,dog,frog,horse,ship,truck"},
      {"per_class", "500"}, {"test", "100"}, {"model", spec}, {"optimizer", "momentum"}, {"lr", "0.01"},
      {"batch", "32"}, {"epochs", "1"}, {"view", "curves"}, {"train", "1"}};
  for (const auto& [key, value] : preset)
    if (!ApplyTrainLinkSetting(state.train, key, value, problem) || !problem->empty()) return false;
  state.train.cfg.micro_batch = 32;  // each batch in one chunk, as the peers compute it
  state.train.budget_ms = 30;        // fewer, longer training slices per frame
  state.bench_model = model;
  return true;
}

nlohmann::json BenchStateJson(const AppState& state) {
  if (state.bench_model.empty()) return nullptr;
  const TrainUi& t = state.train;
  nlohmann::json j = {{"model", state.bench_model}, {"spec", BenchSpec(state.bench_model)}, {"finished", false}};
  if (t.session) {
    j["steps"] = t.session->steps();
    j["finished"] = t.session->phase() == train::Phase::kFinished;
    j["imagesPerSecond"] = t.session->images_per_second();
  }
  return j;
}

}  // namespace gradlab::ui
