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
  if (model == "cnn") return settings::kSmallCnnSpec;
  return nullptr;
}

}  // namespace

bool ApplyBenchMode(AppState& state, const std::string& model, std::string* problem) {
  const char* spec = BenchSpec(model);
  if (!spec) {
    *problem = "bench must be linear, mlp or cnn";
    return false;
  }
  const settings::Pairs preset = {
      {"data", "cifar10"}, {"classes", "airplane,automobile,bird,cat,deer,dog,frog,horse,ship,truck"},
      {"train-per-class", "500"}, {"test", "100"}, {"model", spec}, {"optimizer", "momentum"}, {"lr", "0.01"},
      {"batch", "32"}, {"epochs", "2"}, {"view", "curves"}, {"budget", "30"}};  // fewer, longer training slices
  for (const auto& [key, value] : preset)
    if (Status s = settings::Set(state.settings, key, value); !s) {
      *problem = s.message();
      return false;
    }
  state.train.micro_batch = 32;  // each batch in one chunk, as the peers compute it
  state.train.start_requested = true;
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
