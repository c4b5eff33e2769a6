#include "ui/train_controller.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "data/augment.h"
#include "data/cifar10.h"
#include "data/image_file.h"
#include "data/toy2d.h"
#include "nn/model.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"
#include "train/model_file.h"
#include "train/torch_export.h"
#include "settings/train_settings.h"
#include "ui/services.h"

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

void ClearTextures(std::vector<Texture>& textures) {
  for (const Texture& tex : textures)
    if (tex.id) services().DeleteTexture(tex.id);
  textures.clear();
}

namespace {

std::string DataKey(const TrainUi& t) {
  char buf[160];
  if (!t.s.cifar) {
    std::snprintf(buf, sizeof buf, "toy:%d:%d:%d:%g:%llu", static_cast<int>(t.s.toy_kind), t.s.toy_classes, t.s.toy_points,
                  t.s.toy_noise, static_cast<unsigned long long>(t.s.seed));
    return buf;
  }
  std::string key = "cifar:";
  for (int c = 0; c < 10; ++c) key += t.s.classes[c] ? '1' : '0';
  return key + ":" + std::to_string(t.s.train_per_class) + ":" + std::to_string(t.s.test);
}


void SetData(TrainUi& t, data::TrainTest tt) {
  t.train_data = std::make_shared<data::Dataset>(std::move(tt.train));
  t.test_data = std::make_shared<data::Dataset>(std::move(tt.test));
  t.data_state = TrainUi::DataState::kReady;
  t.data_message = t.train_data->name + ": " + std::to_string(t.train_data->size()) + " training, " +
                   std::to_string(t.test_data->size()) + " test";
  ClearTextures(t.gallery);
  ClearTextures(t.augment_preview);
  t.augment_preview_key.clear();
  ClearTextures(t.test_thumbs);
  t.plan_key.clear();
}

void FailData(TrainUi& t, const std::string& message) {
  t.data_state = TrainUi::DataState::kError;
  t.data_message = message;
  t.assembler.reset();
  t.start_requested = false;
}

// CIFAR-10 arrives as chunks: the manifest first, then only the chunks the subset needs.
void RequestCifar(TrainUi& t) {
  const uint64_t request = t.data_request;
  t.data_state = TrainUi::DataState::kLoading;
  t.data_message = "Loading the CIFAR-10 index...";
  t.fetches_pending = 1;
  services().FetchDataFile("data/cifar10/manifest.json", [&t, request](Result<std::vector<uint8_t>> bytes) {
    if (request != t.data_request) return;
    t.fetches_pending = 0;
    if (!bytes) {
      FailData(t, "CIFAR-10 is not available here (" + bytes.error() +
                      "). Run scripts/fetch-cifar10 and rebuild to add it; toy data works meanwhile.");
      return;
    }
    auto manifest = data::ParseChunkManifest(std::string(bytes->begin(), bytes->end()));
    if (!manifest) return FailData(t, manifest.error());
    if (!t.thumbnails_requested) {  // the class picker's pictures, once
      t.thumbnails_requested = true;
      services().FetchDataFile(std::string("data/cifar10/") + data::kThumbnailFile, [&t](Result<std::vector<uint8_t>> thumbs) {
        if (thumbs && data::ThumbnailImage(*thumbs, 0, 0)) t.thumbnail_bytes = std::move(*thumbs);
      });
    }
    t.assembler = std::make_unique<data::ChunkAssembler>(settings::ToCifarSubset(t.s), *manifest);
    if (!t.assembler->status()) return FailData(t, t.assembler->status().message());
    for (const std::string& file : t.assembler->needed()) {
      ++t.fetches_pending;
      services().FetchDataFile("data/cifar10/" + file, [&t, request, file](Result<std::vector<uint8_t>> chunk) {
        if (request != t.data_request || !t.assembler) return;
        --t.fetches_pending;
        if (!chunk) return FailData(t, chunk.error());
        if (Status s = t.assembler->Add(file, *chunk); !s) return FailData(t, s.message());
        char buf[96];
        std::snprintf(buf, sizeof buf, "Loading CIFAR-10: %d of %zu parts", t.assembler->received(), t.assembler->needed().size());
        t.data_message = buf;
        if (t.assembler->complete()) {
          auto tt = t.assembler->Finish();
          t.assembler.reset();
          if (!tt) return FailData(t, tt.error());
          SetData(t, std::move(*tt));
        }
      });
    }
  });
}

void RequestData(TrainUi& t) {
  const std::string key = DataKey(t);
  if (key == t.data_key) return;
  t.data_key = key;
  ++t.data_request;
  t.assembler.reset();
  t.train_data.reset();
  t.test_data.reset();
  if (!t.s.cifar) {
    Status s = data::CheckToyParams(t.s.toy_classes, t.s.toy_points, t.s.toy_noise);
    if (!s) return FailData(t, s.message());
    SetData(t, data::MakeToyTrainTest(t.s.toy_kind, t.s.toy_classes, t.s.toy_points, std::max(1, t.s.toy_points / 2),
                                      t.s.toy_noise, t.s.seed));
    return;
  }
  const data::CifarSubset subset = settings::ToCifarSubset(t.s);
  if (Status s = data::CheckCifarSubset(subset); !s) return FailData(t, s.message());
  if (subset.classes.size() < 2) return FailData(t, "Pick at least two classes.");
  RequestCifar(t);
}

// Makes the training config when the settings changed, and checks the model spec against the data.
void UpdateSettings(TrainUi& t) {
  if (!t.cfg_made || t.s != t.cfg_of) {
    t.cfg_made = true;
    t.cfg_of = t.s;
    auto cfg = settings::ToTrainConfig(t.s);
    t.settings_error = cfg ? "" : cfg.error();
    if (cfg) t.cfg = *cfg;
    t.augment_ok = data::ParseAugmentSpec(t.s.augment).ok();
  }
  if (!t.train_data) return;
  const std::string key = t.s.model + "|" + ShapeToString(t.train_data->sample_shape) + "|" +
                          std::to_string(t.train_data->num_classes());
  if (key == t.plan_key) return;
  t.plan_key = key;
  t.plan = nn::PlanModel(t.s.model, t.train_data->sample_shape, t.train_data->num_classes());
  t.model_error = t.plan.error;
}

void RefreshTextures(TrainUi& t, bool force) {
  if (!t.session) return;
  const double now = services().Seconds();
  if (!force && (t.session->steps() == t.textures_step || now - t.textures_time < 0.3)) return;
  t.textures_step = t.session->steps();
  t.textures_time = now;
  nn::Model& model = t.session->model();
  auto upload = [](std::vector<Texture>& into, const std::vector<train::RgbaImage>& images) {
    if (into.size() > images.size()) {
      std::vector<Texture> extra(into.begin() + static_cast<long>(images.size()), into.end());
      ClearTextures(extra);
    }
    into.resize(images.size());
    for (size_t i = 0; i < images.size(); ++i) {
      into[i].id = services().UploadTexture(into[i].id, images[i]);
      into[i].width = images[i].width;
      into[i].height = images[i].height;
    }
  };
  if (t.s.view == settings::TrainView::kWeights) upload(t.templates, train::WeightTemplates(model));
  if (t.s.view == settings::TrainView::kFilters) {
    std::vector<train::RgbaImage> filters;
    for (int i = 0; i < model.num_layers() && filters.empty(); ++i) filters = train::ConvFilters(model, i);
    upload(t.filters, filters);
    // Feature maps of one test image after the chosen layer (the first conv layer unless one
    // with image-shaped output was picked).
    if (t.test_data && t.test_data->size() > 0) {
      const int index = std::clamp(t.feature_image, 0, t.test_data->size() - 1);
      const auto maps = train::FeatureMapsFor(model, *t.test_data, index, t.feature_layer, &t.feature_layer);
      upload(t.feature_maps, maps);
    }
  }
  if (t.s.view == settings::TrainView::kBoundary && model.input_shape() == Shape{2}) {
    static const std::vector<std::array<uint8_t, 3>> colours = {
        {230, 90, 80}, {80, 150, 230}, {110, 200, 110}, {240, 190, 60}, {170, 110, 220},
        {70, 200, 200}, {240, 130, 200}, {150, 150, 150}, {200, 140, 90}, {120, 120, 240}};
    const auto image = train::DecisionBoundary(model, -1.2f, 1.2f, -1.2f, 1.2f, 96, colours);
    t.boundary.id = services().UploadTexture(t.boundary.id, image);
    t.boundary.width = image.width;
    t.boundary.height = image.height;
  }
}


}  // namespace

Status RunTrainAction(TrainUi& t, const std::string& value) {
  if (value == "1" || value == "true") t.start_requested = true;
  else if (value == "pause" || value == "0") t.playing = t.start_requested = false;
  else if (value == "resume") t.playing = t.session && t.session->running();
  else if (value == "step" && t.data_state == TrainUi::DataState::kReady) StepOneBatch(t);
  else if (value == "step") return Status::Error("the data is not loaded yet");
  else return Status::Error("must be 1, pause, resume or step");
  return Status();
}

void UpdateTrainTab(TrainUi& t, double budget_seconds) {
  RequestData(t);
  UpdateSettings(t);
  if (t.start_requested && t.data_state == TrainUi::DataState::kReady && t.settings_error.empty() && t.model_error.empty()) {
    t.start_requested = false;
    StartTraining(t);
  }
  t.last_frame_train_ms = 0;
  if (t.session && t.playing && t.session->running()) {
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

void StartTraining(TrainUi& t) {
  if (!t.train_data || !t.settings_error.empty() || !t.model_error.empty()) return;
  train::TrainConfig cfg = t.cfg;
  cfg.micro_batch = t.micro_batch;
  auto s = train::Session::Create(cfg, t.train_data, t.test_data);
  if (!s) {
    t.settings_error = s.error();
    return;
  }
  t.session = std::move(*s);
  t.session->set_eval_chunk(16);
  t.health_step = t.predictions_step = -1;  // a new model: nothing cached is valid
  t.playing = true;
  RefreshTextures(t, true);
}

Status RestoreTraining(TrainUi& t, const train::TrainConfig& config, nn::Model& weights, train::Progress progress) {
  if (!t.train_data) return Status::Error("its data is not loaded");
  // The session's own config: the settings may have changed since it started (they apply at
  // the next Start), and going on must not change what it trains with.
  train::TrainConfig cfg = config;
  cfg.micro_batch = t.micro_batch;
  auto s = train::Session::Create(cfg, t.train_data, t.test_data);
  if (!s) return Status::Error(s.error());
  if (Status st = (*s)->LoadWeights(weights); !st) return st;
  if (Status st = (*s)->RestoreProgress(std::move(progress)); !st) return st;
  t.session = std::move(*s);
  t.session->set_eval_chunk(16);
  t.health_step = t.predictions_step = -1;
  t.playing = false;
  RefreshTextures(t, true);
  return Status();
}

void ResetTraining(TrainUi& t) {
  t.session.reset();
  t.playing = false;
  ClearTextures(t.templates);
  ClearTextures(t.filters);
  ClearTextures(t.feature_maps);
}

void StepOneBatch(TrainUi& t) {
  if (!t.session) StartTraining(t);
  if (!t.session) return;
  t.playing = false;
  t.session->StepBatches(1);
  RefreshTextures(t, true);
}

void RecoverFromDivergence(TrainUi& t) {
  if (t.session && t.session->Recover(0.1)) t.playing = false;
}

void KeepCurrentRun(TrainUi& t) {
  if (!t.session || t.session->history().step_loss.empty()) return;
  const auto& c = t.session->config();
  char label[200];
  std::snprintf(label, sizeof label, "%s, %s lr %g, batch %d, seed %llu", c.model_spec.c_str(),
                nn::OptimizerName(c.optimizer.kind), c.schedule.base_lr, c.batch_size,
                static_cast<unsigned long long>(c.seed));
  t.kept.push_back({label, t.session->history(), true});
}

void LoadOwnImage(TrainUi& t) {
  services().OpenUserFile(".png,.jpg,.jpeg,.bmp,.gif", t.own_image_name, [&t](std::string name, Result<std::vector<uint8_t>> bytes) {
    t.own_image_name = name;
    t.own_image_probs.clear();
    if (!bytes) {
      t.own_image_message = bytes.error();
      return;
    }
    auto image = data::DecodeImage(*bytes, name);
    if (!image) {
      t.own_image_message = image.error();
      return;
    }
    if (!t.session || t.session->model().input_shape() != Shape{3, 32, 32}) {
      t.own_image_message = "Train a CIFAR-10 model first: it scores 32x32 colour images.";
      return;
    }
    data::Dataset one;  // one image, normalised like the training data
    one.sample_shape = {3, 32, 32};
    one.class_names = t.train_data->class_names;
    one.mean = t.train_data->mean;
    one.std = t.train_data->std;
    one.pixels = image->chw;
    one.labels = {0};
    t.own_image_probs = train::ClassProbabilities(t.session->model(), one, {0});
    const auto rgba = train::ImageFromChw(image->chw.data(), 32, 32);
    t.own_image.id = services().UploadTexture(t.own_image.id, rgba);
    t.own_image.width = t.own_image.height = 32;
    t.own_image_message = name + " (" + std::to_string(image->original_width) + "x" +
                          std::to_string(image->original_height) + ", shown at 32x32)";
  });
}

void SaveModel(TrainUi& t, const std::string& path) {
  if (!t.session) return;
  const auto& d = t.session->train_data();
  auto bytes = train::SerializeModel(t.session->model(), d.class_names, d.mean, d.std, t.session->config(), d.name);
  Status s = services().SaveUserFile(path, bytes);
  t.notice = s ? "Saved " + path + "." : s.message();
}

void ExportModel(TrainUi& t, const std::string& path) {
  if (!t.session) return;
  const auto& d = t.session->train_data();
  Status s = services().SaveUserFile(path, train::ExportTorchNpz(t.session->model(), d.class_names, d.mean, d.std));
  t.notice = s ? "Exported " + path + " (see the README for loading it in PyTorch)." : s.message();
}

void LoadModel(TrainUi& t, const std::string& path) {
  services().OpenUserFile(".gradlab", path, [&t](std::string name, Result<std::vector<uint8_t>> bytes) {
    if (!bytes) {
      t.notice = bytes.error();
      return;
    }
    auto saved = train::DeserializeModel(*bytes, name);
    if (!saved) {
      t.notice = saved.error();
      return;
    }
    // Its settings come back; its weights go into a new session when the data fits the model.
    settings::SetFromConfig(t.s, saved->config);
    UpdateSettings(t);
    if (!t.train_data || t.train_data->class_names != saved->class_names ||
        t.train_data->sample_shape != saved->model->input_shape()) {
      t.notice = name + " was trained on " + saved->dataset + ": choose that data (the same classes), then load it again.";
      return;
    }
    StartTraining(t);
    if (!t.session) return;
    if (Status s = t.session->LoadWeights(*saved->model); !s) {
      t.notice = name + ": " + s.message();
      ResetTraining(t);
      return;
    }
    t.playing = false;
    RefreshTextures(t, true);
    t.notice = "Loaded " + name + ": its weights are in the model. Press Resume to train it further.";
  });
}

nlohmann::json TrainStateJson(const TrainUi& t) {
  nlohmann::json j = {
      {"dataState", t.data_state == TrainUi::DataState::kReady     ? "ready"
                    : t.data_state == TrainUi::DataState::kLoading ? "loading"
                    : t.data_state == TrainUi::DataState::kError   ? "error"
                                                                   : "none"},
      {"dataMessage", t.data_message},
      {"model", t.cfg.model_spec},
      {"modelError", t.model_error},
      {"settingsError", t.settings_error},
      {"view", settings::TrainViewName(t.s.view)},
      {"playing", t.playing},
      {"notice", t.notice},
      {"templatesShown", t.s.view == settings::TrainView::kWeights && !t.templates.empty()},
      {"lastFrameTrainMs", t.last_frame_train_ms},
      {"budgetMs", t.s.budget_ms},
  };
  if (t.train_data) j["classes"] = t.train_data->class_names;
  if (t.session) {
    const auto& h = t.session->history();
    j["phase"] = train::PhaseName(t.session->phase());
    j["steps"] = t.session->steps();
    j["epochs"] = t.session->epoch();
    j["message"] = t.session->message();
    j["imagesPerSecond"] = t.session->images_per_second();
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
  }
  return j;
}

}  // namespace gradlab::ui
