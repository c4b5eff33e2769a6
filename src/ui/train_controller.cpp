#include "ui/train_controller.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "data/augment.h"
#include "data/cifar10.h"
#include "data/image_file.h"
#include "data/toy2d.h"
#include "i18n/translate.h"
#include "nn/model.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"
#include "train/model_file.h"
#include "train/torch_export.h"
#include "settings/train_settings.h"
#include "ui/services.h"
#include "ui/train_data_loader.h"
#include "ui/train_textures.h"

namespace gradlab::ui {

const std::vector<ModelPreset>& ImagePresets() {
  static const std::vector<ModelPreset> p = {
      {"Linear", "linear"},
      {"MLP", "mlp:100 relu"},
      {"Small CNN", settings::kSmallCnnSpec},
  };
  return p;
}

const std::vector<ModelPreset>& ToyPresets() {
  static const std::vector<ModelPreset> p = {
      {"Linear", "linear"},
      {"MLP 16", "mlp:16 relu"},
      {"MLP 16,16", "mlp:16,16 relu"},
      {"Deep tanh", "mlp:16,16,16 tanh"},
  };
  return p;
}

// Makes the training config when the settings changed, and checks the model spec against the data.
void UpdateTrainSettings(TrainUi& t) {
  if (t.cfg_language != i18n::LanguageGeneration() || t.s != t.cfg_of) {
    t.cfg_language = i18n::LanguageGeneration();
    t.cfg_of = t.s;
    auto cfg = settings::ToTrainConfig(t.s);
    t.settings_error = cfg ? "" : cfg.error();
    if (cfg) t.cfg = *cfg;
    t.views.augment_ok = data::ParseAugmentSpec(t.s.augment).ok();
  }
  if (!t.data.train) return;
  const std::string key = t.s.model + "|" + ShapeToString(t.data.train->sample_shape) + "|" +
                          std::to_string(t.data.train->num_classes()) + "|" + std::to_string(i18n::LanguageGeneration());
  if (key == t.plan_key) return;
  t.plan_key = key;
  t.plan = nn::PlanModel(t.s.model, t.data.train->sample_shape, t.data.train->num_classes());
  t.model_error = t.plan.error;
}

// The threaded run: asks the thread to play or pause as the student wants, and shows its latest
// picture (the gradient flow comes with it: the mirror's own gradients are not computed).
static void FollowTrainer(TrainUi& t) {
  t.trainer->Play(t.playing);
  t.last_frame_train_ms = 1000 * t.trainer->TakeTrainingSeconds();
  if (!t.trainer->ShowLatest(*t.session, &t.views.health)) return;
  t.views.health_step = t.session->steps();
  if (!t.session->running()) t.playing = false;
  RefreshTextures(t, !t.playing);  // a step or a pause shows at once
}

Status RunTrainAction(TrainUi& t, const std::string& value) {
  if (value == "1" || value == "true") t.start_requested = true;
  else if (value == "pause" || value == "0") t.playing = t.start_requested = false;
  else if (value == "resume") t.playing = t.session && t.session->running();
  else if (value == "step" && t.data.state == TrainData::State::kReady) StepOneBatch(t);
  else if (value == "step") return Status::Error(tr("the data is not loaded yet"));
  else if (value == "reset") ResetTraining(t);
  else if (value == "play" && t.session && t.session->running()) t.playing = true;  // go on where it paused
  else if (value == "play") t.start_requested = true;
  else return Status::Error("must be 1, play, pause, resume, step or reset");
  return Status();
}

void UpdateTrainTab(TrainUi& t, double budget_seconds) {
  RequestData(t);
  UpdateTrainSettings(t);
  if (t.start_requested && t.data.state == TrainData::State::kReady && t.settings_error.empty() && t.model_error.empty()) {
    t.start_requested = false;
    StartTraining(t);
  }
  // A run belongs to its model and its data: once either changes, its views would show another
  // model's weights as this one's, so the run is put away (Keep run keeps its curves).
  if (t.session && (t.s.model != t.session_model || t.data.key != t.session_data)) ResetTraining(t);
  t.last_frame_train_ms = 0;
  if (t.trainer) {
    FollowTrainer(t);
  } else if (t.session && t.playing && t.session->running()) {
    const double start = services().Seconds();
    t.session->Step(budget_seconds);
    t.last_frame_train_ms = 1000 * (services().Seconds() - start);
    if (!t.session->running()) {
      t.playing = false;
      RefreshTextures(t, true);
    }
  }
  RefreshTextures(t, false);
}

// Hands the session's state to a thread that trains it, where threads exist; `session` stays as
// the mirror the views draw from. Called whenever the session was made or changed here.
void HandToTrainer(TrainUi& t) {
  t.trainer.reset();
  const int threads = settings::TrainingThreads(t.s);
  if (!t.session || threads == 0) return;
  auto copy = train::CloneSession(*t.session);
  if (copy) t.trainer = std::make_unique<train::TrainerThread>(std::move(*copy), threads);
}

void StartTraining(TrainUi& t) {
  if (!t.data.train || !t.settings_error.empty() || !t.model_error.empty()) return;
  train::TrainConfig cfg = t.cfg;
  cfg.micro_batch = t.micro_batch;
  auto s = train::Session::Create(cfg, t.data.train, t.data.test);
  if (!s) {
    t.settings_error = s.error();
    return;
  }
  t.session = std::move(*s);
  t.session_model = t.s.model;
  t.session_data = t.data.key;
  t.session->set_eval_chunk(16);
  t.views.health_step = t.views.predictions_step = -1;  // a new model: nothing cached is valid
  t.playing = true;
  HandToTrainer(t);
  RefreshTextures(t, true);
}

Status RestoreTraining(TrainUi& t, const train::TrainConfig& config, nn::Model& weights, train::Progress progress) {
  if (!t.data.train) return Status::Error(tr("its data is not loaded"));
  // The session's own config: the settings may have changed since it started (they apply at
  // the next Start), and going on must not change what it trains with.
  train::TrainConfig cfg = config;
  cfg.micro_batch = t.micro_batch;
  auto s = train::Session::Create(cfg, t.data.train, t.data.test);
  if (!s) return Status::Error(s.error());
  if (Status st = (*s)->LoadWeights(weights); !st) return st;
  if (Status st = (*s)->RestoreProgress(std::move(progress)); !st) return st;
  t.session = std::move(*s);
  t.session_model = t.s.model;
  t.session_data = t.data.key;
  t.session->set_eval_chunk(16);
  t.views.health_step = t.views.predictions_step = -1;
  t.playing = false;
  HandToTrainer(t);
  RefreshTextures(t, true);
  return Status();
}

void ResetTraining(TrainUi& t) {
  t.trainer.reset();  // stops within a slice of training
  t.session.reset();
  t.playing = false;
  ClearTextures(t.views.templates);
  ClearTextures(t.views.filters);
  ClearTextures(t.views.feature_maps);
}

void StepOneBatch(TrainUi& t) {
  if (!t.session) StartTraining(t);
  if (!t.session) return;
  t.playing = false;
  if (t.trainer) {
    t.trainer->Play(false);
    t.trainer->StepBatches(1);  // shown when the thread's picture comes (FollowTrainer)
    return;
  }
  t.session->StepBatches(1);
  RefreshTextures(t, true);
}

void RecoverFromDivergence(TrainUi& t) {
  if (!t.session || t.session->phase() != train::Phase::kDiverged) return;
  t.playing = false;
  if (t.trainer) {
    t.trainer->Play(false);
    t.trainer->Recover(0.1);
  } else {
    t.session->Recover(0.1);
  }
}

std::string ResultLine(const train::Session& s) {
  const auto& epochs = s.history().epochs;
  if (epochs.empty()) return "";
  const train::EpochRecord& last = epochs.back();
  char line[300];
  std::snprintf(line, sizeof line,
                s.phase() == train::Phase::kFinished ? tr("Finished: test accuracy %.1f %% (training %.1f %%) after epoch %d.")
                                                     : tr("So far: test accuracy %.1f %% (training %.1f %%) after epoch %d."),
                100 * last.test_accuracy, 100 * last.train_accuracy, last.epoch);
  return line;
}

bool TrainingSettled(const TrainUi& t) { return !t.trainer || t.trainer->settled(); }

void KeepCurrentRun(TrainUi& t) {
  if (!t.session || t.session->history().step_loss.empty()) return;
  const auto& c = t.session->config();
  char label[200];
  std::snprintf(label, sizeof label, "%s, %s lr %g, batch %d, seed %llu", c.model_spec.c_str(),
                nn::OptimizerName(c.optimizer.kind), c.schedule.base_lr, c.batch_size,
                static_cast<unsigned long long>(c.seed));
  t.kept.push_back({label, t.session->history(), true});
}

nlohmann::json TrainStateJson(const TrainUi& t) {
  nlohmann::json j = {
      {"dataState", DataStateName(t.data.state)},
      {"dataMessage", t.data.message},
      {"filesFetched", t.data.files_fetched},
      {"chunkCacheBytes", t.data.fetched.bytes()},  // CIFAR-10 files kept for the next change of classes
      {"model", t.cfg.model_spec},
      {"modelError", t.model_error},
      {"settingsError", t.settings_error},
      {"view", settings::TrainViewName(t.s.view)},
      {"playing", t.playing},
      {"notice", t.notice},
      {"ownImageMessage", t.views.own_image_message},
      {"templatesShown", t.s.view == settings::TrainView::kWeights && !t.views.templates.empty()},
      {"lastFrameTrainMs", t.last_frame_train_ms},
      {"budgetMs", t.s.budget_ms},
  };
  if (t.data.train) j["classes"] = t.data.train->class_names;
  if (t.session) {
    const auto& h = t.session->history();
    j["phase"] = train::PhaseName(t.session->phase());
    j["steps"] = t.session->steps();
    j["epochs"] = t.session->epoch();
    j["message"] = train::DivergenceMessage(t.session->divergence());
    j["imagesPerSecond"] = t.session->images_per_second();
    j["trainingThread"] = t.trainer != nullptr;
    j["trainingThreads"] = t.trainer ? t.trainer->threads() : 0;
    j["settled"] = TrainingSettled(t);
    if (!h.step_loss.empty()) {
      j["firstLoss"] = h.step_loss.front();
      j["lastLoss"] = h.step_loss.back();
      // Mean of the first and last tenth, which says more than two noisy single steps.
      const size_t n = std::max<size_t>(1, h.step_loss.size() / 10);
      double a = 0, b = 0;
      for (size_t i = 0; i < n; ++i) {
        a += h.step_loss[i] / n;
        b += h.step_loss[h.step_loss.size() - 1 - i] / n;
      }
      j["earlyLossMean"] = a;
      j["lateLossMean"] = b;
      // The first steps' losses exactly, for tests that compare two runs bit for bit.
      j["firstLosses"] = std::vector<double>(h.step_loss.begin(), h.step_loss.begin() + std::min<size_t>(h.step_loss.size(), 64));
    }
    if (!h.epochs.empty()) j["testAccuracy"] = h.epochs.back().test_accuracy;
    // What the page's text layer reads out (web/a11y.js): the last epoch and the result in words.
    j["totalEpochs"] = t.session->config().epochs;
    if (!h.epochs.empty())
      j["lastEpoch"] = {{"epoch", h.epochs.back().epoch}, {"trainLoss", h.epochs.back().train_loss},
                        {"trainAccuracy", h.epochs.back().train_accuracy}, {"testAccuracy", h.epochs.back().test_accuracy}};
    j["result"] = ResultLine(*t.session);
  }
  return j;
}

}  // namespace gradlab::ui
