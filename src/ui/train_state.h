// Everything the Train tab remembers: the settings the student picks, the loaded data, the
// training session, kept runs, and the textures of the views. Drawing code reads and changes
// it; train_controller.h turns settings into engine calls.
#pragma once
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "data/cifar10_chunks.h"
#include "data/dataset.h"
#include "nn/model_plan.h"
#include "train/config.h"
#include "train/inspect.h"
#include "settings/settings.h"
#include "train/session.h"
#include "train/trainer_thread.h"
#include "ui/chunk_cache.h"

namespace gradlab::ui {

struct KeptRun {
  std::string label;
  train::History history;
  bool visible = true;
};

struct Texture {
  ImTextureID id = 0;
  int width = 0, height = 0;
};

// The data the settings ask for, as it loads.
struct TrainData {
  enum class State { kNone, kLoading, kReady, kError } state = State::kNone;
  std::string message;  // progress text or the error
  int error_language = -1;  // the i18n::LanguageGeneration the error was written in
  std::unique_ptr<data::ChunkAssembler> assembler;
  int fetches_pending = 0;
  uint64_t request = 0;  // bumps on each new request; late answers to old ones are ignored
  std::shared_ptr<data::Dataset> train, test;
  std::string key;       // which settings the loaded data belongs to
  bool thumbnails_requested = false;
  std::vector<uint8_t> thumbnail_bytes;  // data::kThumbnailFile, for the class picker
  ChunkCache fetched;                    // CIFAR-10 files already fetched
  int files_fetched = 0;                 // requests made for CIFAR-10 files (the test hook reports it)
};

// "none", "loading", "ready" or "error": how the test hook and the embed state name it.
inline const char* DataStateName(TrainData::State s) {
  switch (s) {
    case TrainData::State::kLoading: return "loading";
    case TrainData::State::kReady: return "ready";
    case TrainData::State::kError: return "error";
    default: return "none";
  }
}

// What the views show and keep between frames: their images (textures), and what was made for
// which training step, so nothing is made again while the model has not changed.
struct TrainViews {
  int feature_image = 0;   // test image whose feature maps are shown
  int feature_layer = -1;  // model layer whose maps are shown (-1: the first conv layer)
  int confusion_row = -1, confusion_col = -1;
  // templates: the first layer's weights as images (class templates only in a linear model)
  std::vector<Texture> templates, filters, feature_maps, gallery, augment_preview, test_thumbs, class_thumbs;
  std::vector<std::string> template_captions;  // class names, or "unit 1", ... for hidden units
  bool class_templates = false;
  std::vector<std::string> augment_labels;  // under each preview image: its (mixed) class
  std::string augment_preview_key;          // the augmentation text the preview shows
  bool augment_ok = true;                   // the augmentation text parses (set with the settings)
  uint64_t augment_draws = 0;               // "new samples" presses, for fresh random images
  Texture boundary;
  long textures_step = -1;                  // session step the model textures were made at
  double textures_time = 0;
  std::vector<train::LayerHealth> health;   // gradient flow, and the step it is from
  long health_step = -1;
  std::vector<float> predictions;           // class probabilities of the shown test images
  long predictions_step = -1;
  std::string own_image_name, own_image_message;
  std::vector<float> own_image_probs;
  Texture own_image;
};

// The Train tab: its settings are in `s` (settings::TrainSettings, owned by AppState); the data,
// the training config and session, and the views are made from them.
struct TrainUi {
  explicit TrainUi(settings::TrainSettings& settings) : s(settings) {}
  settings::TrainSettings& s;
  TrainData data;

  // ---- the training config made from the settings (when they change)
  train::TrainConfig cfg;
  settings::TrainSettings cfg_of;        // the settings `cfg` was made from
  int cfg_language = -1;                 // ... in this i18n::LanguageGeneration (-1: not made)
  std::string settings_error;            // first problem with the settings, shown before Start
  std::string model_error;               // why the model spec does not fit the data
  std::string notice;                    // what the last save/load/export did
  nn::ModelPlan plan;                    // the spec's layers for the current data (layer table)
  std::string plan_key;                  // what `plan` was made from, and in which language

  // ---- the session
  // The run the views draw from. Where threads exist it trains on a thread of its own (`trainer`)
  // and `session` is its mirror, showing the thread's latest picture between two steps
  // (train/trainer_thread.h); elsewhere it trains here, a slice of each frame.
  std::unique_ptr<train::Session> session;
  std::unique_ptr<train::TrainerThread> trainer;
  std::string session_model, session_data;  // the model spec and data (TrainData::key) the run was made with
  bool playing = false;
  bool start_requested = false;   // from a link (train=1): start once the data is ready
  int micro_batch = 8;            // images per chunk: small, so a frame's slice of training stays short
  double last_frame_train_ms = 0;
  std::vector<KeptRun> kept;

  TrainViews views;
};

}  // namespace gradlab::ui
