#include "ui/train_tab.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "data/cifar10.h"
#include "data/cifar10_chunks.h"
#include "i18n/translate.h"
#include "kernels/parallel.h"
#include "nn/schedule.h"
#include "settings/registry.h"
#include "settings/train_settings.h"
#include "ui/augment_editor.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layer_editor.h"
#include "ui/layout.h"
#include "ui/plot.h"
#include "ui/services.h"
#include "ui/spoken_inputs.h"
#include "ui/train_controller.h"
#include "ui/train_data_loader.h"

namespace gradlab::ui {

namespace {

const ImVec4 kErrorColour(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kOkColour(0.55f, 0.85f, 0.55f, 1.0f);
// Below this width (logical pixels) the set-up and the views do not fit side by side.
constexpr float kOneColumnBelow = 900;


// A setting changed through the registry, for the widgets whose change means more than one field.
void ApplyOneSetting(settings::TrainSettings& t, const char* key, const std::string& value) {
  settings::Settings s;
  s.train = t;
  if (settings::Set(s, key, value)) t = s.train;
}

// [SECTION] Data ----------------------------------------------------------------------------

// The ten classes, each with a picture (the first of its training images; hover for more) once
// the small thumbnail file has arrived, and a checkbox.
void DrawClassPicker(TrainUi& t) {
  const auto& names = data::Cifar10ClassNames();
  if (t.views.class_thumbs.empty() && !t.data.thumbnail_bytes.empty())
    for (int c = 0; c < 10; ++c)
      for (int k = 0; k < data::kThumbnailsPerClass; ++k)
        t.views.class_thumbs.push_back({services().UploadTexture(0, train::ImageFromChw(data::ThumbnailImage(t.data.thumbnail_bytes, c, k), 32, 32)), 32, 32});
  const float side = ImGui::GetFrameHeight();
  // Three classes a row where the last column's fit; fewer on a phone or with the projector
  // theme's large text.
  const float column = 142.0f * TextScale();
  const auto fits = [&](int per_row) {
    for (int c = per_row - 1; c < 10; c += per_row)
      if (14 + static_cast<float>(per_row - 1) * column + side + 4 + RadioWidth(names[c].c_str()) > ImGui::GetContentRegionAvail().x)
        return false;
    return true;
  };
  const int per_row = fits(3) ? 3 : fits(2) ? 2 : 1;
  for (int c = 0; c < 10; ++c) {
    if (c % per_row) ImGui::SameLine(14 + static_cast<float>(c % per_row) * column);
    if (!t.views.class_thumbs.empty()) {
      ImGui::Image(t.views.class_thumbs[c * data::kThumbnailsPerClass].id, ImVec2(side, side));
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (int k = 0; k < data::kThumbnailsPerClass; ++k) {
          if (k) ImGui::SameLine();
          ImGui::Image(t.views.class_thumbs[c * data::kThumbnailsPerClass + k].id, ImVec2(64, 64));
        }
        ImGui::EndTooltip();
      }
      ImGui::SameLine(0, 4);
    }
    ImGui::Checkbox(names[c].c_str(), &t.s.classes[c]);
  }
}

void DrawDataPanel(TrainUi& t) {
  if (RadioButton(TrLabel("Toy 2-D points"), !t.s.cifar)) t.s.cifar = false;
  SameLineIfFits(RadioWidth(TrLabel("CIFAR-10 images")));
  if (RadioButton(TrLabel("CIFAR-10 images"), t.s.cifar)) t.s.cifar = true;
  NoteLastItem("data-cifar10");

  if (!t.s.cifar) {
    ImGui::SetNextItemWidth(140);
    if (BeginCombo(TrLabel("shape"), data::ToyKindName(t.s.toy_kind))) {
      for (int k = 0; k < data::kToyKinds; ++k)
        if (ImGui::Selectable(data::ToyKindName(static_cast<data::ToyKind>(k)), k == static_cast<int>(t.s.toy_kind)))
          t.s.toy_kind = static_cast<data::ToyKind>(k);
      ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(140);
    SliderInt(TrLabel("classes"), &t.s.toy_classes, 2, 6);
    ImGui::SetNextItemWidth(140);
    SliderInt(TrLabel("points per class"), &t.s.toy_points, 20, 1000);
    ImGui::SetNextItemWidth(140);
    SliderDouble(TrLabel("noise"), &t.s.toy_noise, 0.0, 0.5, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  } else {
    DrawClassPicker(t);
    ImGui::SetNextItemWidth(140);
    DragInt(TrLabel("train images per class"), &t.s.train_per_class, 10, 10, 5000);
    ImGui::SetNextItemWidth(140);
    DragInt(TrLabel("test images"), &t.s.test, 10, 10, 10000);
  }
  switch (t.data.state) {
    case TrainData::State::kLoading: {
      const float p = t.data.assembler ? static_cast<float>(t.data.assembler->progress()) : 0.0f;
      ImGui::ProgressBar(p, ImVec2(-1, 0), t.data.message.c_str());
      break;
    }
    case TrainData::State::kError:  // wrapped: these messages name files and can be long
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(Readable(kErrorColour), "%s", t.data.message.c_str());
      ImGui::PopTextWrapPos();
      // A file that did not arrive or arrived damaged (it was not kept) is fetched again.
      if (t.s.cifar && std::count(t.s.classes.begin(), t.s.classes.end(), true) >= 2) {
        if (ImGui::Button(TrLabel("Try again"))) t.data.key.clear();
        NoteLastItem("data-retry");
      }
      break;
    case TrainData::State::kReady: FinePrint(DataSummary(t.data)); break;  // in today's language
    default: break;
  }
  // A few samples per class (images) as a gallery.
  if (t.data.state == TrainData::State::kReady && t.data.train && t.data.train->is_image()) {
    const auto& d = *t.data.train;
    if (t.views.gallery.empty()) {
      for (int k = 0; k < d.num_classes(); ++k)
        for (int i = 0, shown = 0; i < d.size() && shown < 6; ++i)
          if (d.labels[i] == k) {
            auto img = train::ImageFromChw(d.pixels.data() + static_cast<size_t>(i) * d.sample_size(), 32, 32);
            t.views.gallery.push_back({services().UploadTexture(0, img), 32, 32});
            ++shown;
          }
    }
    for (int k = 0, g = 0; k < d.num_classes(); ++k) {
      ImGui::TextDisabled("%-10s", d.class_names[k].c_str());
      for (int i = 0; i < 6 && g < static_cast<int>(t.views.gallery.size()); ++i, ++g) {
        ImGui::SameLine();
        ImGui::Image(t.views.gallery[g].id, ImVec2(28, 28));
      }
    }
  }
}

// [SECTION] Model ---------------------------------------------------------------------------

void DrawModelPanel(TrainUi& t) {
  const auto& presets = t.s.cifar ? ImagePresets() : ToyPresets();
  for (size_t i = 0; i < presets.size(); ++i) {
    if (i) SameLineIfFits(ButtonWidth(presets[i].name));
    if (ImGui::SmallButton(presets[i].name)) t.s.model = presets[i].spec;
    NoteLastItem((std::string("preset-") + presets[i].name).c_str());
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputText("##spec", &t.s.model);
  NoteFocusedField(tr("model"), t.s.model);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("e.g. mlp:100,50 relu dropout0.3, or conv16k5p2 relu pool2 fc (see README)"));
  DrawLayerEditor(t);
  // The starting set-up is a linear model on the spiral: say why it cannot learn it, and what can.
  const bool separable = t.s.toy_kind == data::ToyKind::kBlobs || t.s.toy_kind == data::ToyKind::kLinear;
  if (!t.s.cifar && t.s.model == "linear" && !separable) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr("A linear model splits the plane with straight lines, so it cannot separate these classes. "
                        "Try MLP 16: a hidden layer with ReLU bends the boundary."));
    ImGui::PopTextWrapPos();
  }
  if (!t.model_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(Readable(kErrorColour), "%s", t.model_error.c_str());
    ImGui::PopTextWrapPos();
  }
}

// [SECTION] Training settings ---------------------------------------------------------------

void DrawTrainingPanel(TrainUi& t) {
  settings::TrainSettings& c = t.s;
  if (RadioButton(TrLabel("softmax"), c.loss == "softmax")) c.loss = "softmax";
  ImGui::SameLine();
  if (RadioButton(TrLabel("SVM loss"), c.loss == "svm")) c.loss = "svm";
  NoteLastItem("loss-svm");

  ImGui::SetNextItemWidth(120);
  if (BeginCombo(TrLabel("optimizer"), nn::OptimizerName(c.optimizer))) {
    for (int k = 0; k <= static_cast<int>(nn::OptimizerKind::kAdam); ++k) {
      const auto kind = static_cast<nn::OptimizerKind>(k);
      if (ImGui::Selectable(nn::OptimizerName(kind), kind == c.optimizer) && kind != c.optimizer)
        ApplyOneSetting(c, "optimizer", nn::OptimizerName(kind));  // also picks its usual learning rate
    }
    ImGui::EndCombo();
  }
  if (c.optimizer == nn::OptimizerKind::kMomentum || c.optimizer == nn::OptimizerKind::kNesterov) {
    ImGui::SetNextItemWidth(120);
    SliderDouble(TrLabel("momentum"), &c.momentum, 0.0, 0.99, "%.2f", ImGuiSliderFlags_AlwaysClamp);
  }
  ImGui::SetNextItemWidth(120);
  InputDouble(TrLabel("learning rate"), &c.lr, 0, 0, "%.5g");
  ImGui::SetNextItemWidth(120);
  InputText(TrLabel("schedule"), &c.schedule);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("constant, step:10,20, cosine, linear, invsqrt"));
  ImGui::SetNextItemWidth(120);
  DragDouble(TrLabel("warm-up epochs"), &c.warmup, 0.1f, 0, 100, "%.1f");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(nn::kWarmupHelp));
  // The schedule's curve before training starts.
  std::vector<float> curve;
  for (int e = 0; e <= t.cfg.epochs; ++e) curve.push_back(static_cast<float>(nn::LearningRateAt(t.cfg.schedule, e, t.cfg.epochs)));
  DrawPlot("schedule", ImVec2(-1, 60), {{tr("learning rate"), curve.data(), static_cast<int>(curve.size()), IM_COL32(240, 190, 80, 255)}},
           {tr("epoch"), true});

  ImGui::SetNextItemWidth(120);
  DragInt(TrLabel("batch size (0 = full)"), &c.batch, 1, 0, 5000);
  ImGui::SetNextItemWidth(120);
  DragInt(TrLabel("epochs"), &c.epochs, 1, 1, 1000);
  static const char* reg_keys[] = {"none", "l2", "l1", "elastic"};
  static const char* reg_names[] = {N_("none"), "L2", "L1", N_("elastic net")};
  int reg = 0;
  for (int k = 0; k < 4; ++k)
    if (c.reg == reg_keys[k]) reg = k;
  ImGui::SetNextItemWidth(120);
  if (BeginCombo(TrLabel("regularization"), tr(reg_names[reg]))) {
    for (int k = 0; k < 4; ++k)
      if (ImGui::Selectable(TrLabel(reg_names[k]), c.reg == reg_keys[k])) c.reg = reg_keys[k];
    ImGui::EndCombo();
  }
  if (c.reg != "none") {
    ImGui::SetNextItemWidth(120);
    InputDouble(TrLabel("lambda"), &c.lambda, 0, 0, "%.5g");
  }
  ImGui::SetNextItemWidth(120);
  if (InputU64(TrLabel("seed"), &c.seed))
    c.seed = std::min(c.seed, static_cast<uint64_t>(settings::GetEntry("seed").hi));  // what a link can carry
  DrawAugmentationEditor(t);
}

// [SECTION] Run controls --------------------------------------------------------------------

// How many threads train, apart from the one that draws: "auto" or 1 up to what this page or
// machine allows. A running trainer keeps its threads, so a change counts from the next start.
// (0, training between frames, stays a link's or the CLI's: in the page it means another build.)
void DrawThreadsChoice(TrainUi& t) {
  settings::TrainSettings automatic = t.s;
  automatic.threads = "auto";
  char auto_label[64], preview[64];
  std::snprintf(auto_label, sizeof auto_label, tr("auto (%d)"), settings::TrainingThreads(automatic));
  const int chosen = settings::TrainingThreads(t.s);
  if (t.s.threads == "auto") std::snprintf(preview, sizeof preview, "%s", auto_label);
  else std::snprintf(preview, sizeof preview, "%d", chosen);
  ImGui::SetNextItemWidth(120);
  if (BeginCombo(TrLabel("training threads"), preview)) {
    if (ImGui::Selectable(auto_label, t.s.threads == "auto")) ApplyOneSetting(t.s, "threads", "auto");
    NoteLastItem("training-threads-auto");
    for (int n = 1; n <= kernels::MostTrainingThreads(); ++n) {
      const std::string value = std::to_string(n);
      if (ImGui::Selectable(value.c_str(), t.s.threads == value)) ApplyOneSetting(t.s, "threads", value);
      NoteLastItem(("training-threads-" + value).c_str());
    }
    ImGui::EndCombo();
  }
  NoteLastItem("training-threads");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("threads that train, apart from the one that draws; a change counts from the next start or Reset"));
  const int running = t.trainer ? t.trainer->threads() : chosen;  // before a first Start: none yet
  if (chosen != running) {
    ImGui::SameLine();
    ImGui::TextDisabled(tr("%d now, %d from the next start"), running, chosen);
  }
}

// Save and load models, export for PyTorch: a download/upload in the browser, a path on the desktop.
void DrawFilePanel(TrainUi& t) {
  static char path[256] = "model.gradlab";
  const bool browser = services().is_browser();
  if (!browser) {
    ImGui::SetNextItemWidth(200);
    ImGui::InputText(TrLabel("file"), path, sizeof path);
  }
  ImGui::BeginDisabled(!t.session);
  if (ImGui::SmallButton(TrLabel("Save model"))) SaveModel(t, browser ? "model.gradlab" : path);
  NoteLastItem("save-model");
  SameLineIfFits(ButtonWidth(TrLabel("Export .npz")));
  if (ImGui::SmallButton(TrLabel("Export .npz"))) {
    std::string out = browser ? "model.npz" : path;
    if (!browser && out.size() > 8 && out.substr(out.size() - 8) == ".gradlab") out = out.substr(0, out.size() - 8) + ".npz";
    ExportModel(t, out);
  }
  NoteLastItem("export-npz");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("the weights and layer list for PyTorch (README: Export)"));
  ImGui::EndDisabled();
  SameLineIfFits(ButtonWidth(TrLabel("Load model...")));
  if (ImGui::SmallButton(TrLabel("Load model..."))) LoadModel(t, path);
  NoteLastItem("load-model");
  if (!t.notice.empty()) ImGui::TextWrapped("%s", t.notice.c_str());
}

// `files`: the save/export/load buttons (not in an embed: a figure in a course page has no files).
void DrawRunPanel(TrainUi& t, bool files) {
  if (!t.settings_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(Readable(kErrorColour), "%s", t.settings_error.c_str());
    ImGui::PopTextWrapPos();
  }
  const bool ready = t.data.state == TrainData::State::kReady && t.model_error.empty() && t.settings_error.empty();
  ImGui::BeginDisabled(!ready);
  // One id for the button whatever it says, so that the keyboard focus stays on it when Start
  // becomes Pause: Space starts, Space again pauses.
  if (!t.session || !t.session->running()) {
    if (ImGui::Button(t.session ? TrLabel("Restart###run") : TrLabel("Start###run"))) StartTraining(t);
    NoteLastItem("start");
  } else if (ImGui::Button(t.playing ? TrLabel("Pause###run") : TrLabel("Resume###run"))) {
    t.playing = !t.playing;
  }
  SameLineIfFits(ButtonWidth(TrLabel("Step one batch")));
  if (ImGui::Button(TrLabel("Step one batch"))) StepOneBatch(t);
  NoteLastItem("step-one-batch");
  ImGui::EndDisabled();
  SameLineIfFits(ButtonWidth(TrLabel("Reset")));
  if (ImGui::Button(TrLabel("Reset"))) ResetTraining(t);
  NoteLastItem("reset");
  SameLineIfFits(ButtonWidth(TrLabel("Keep run")));
  ImGui::BeginDisabled(!t.session);
  if (ImGui::Button(TrLabel("Keep run"))) KeepCurrentRun(t);
  ImGui::EndDisabled();

  if (files) DrawFilePanel(t);
  else if (!t.notice.empty()) ImGui::TextWrapped("%s", t.notice.c_str());
  // Why Start waits, in the run panel too (the keyboard's focus lands on Reset meanwhile): the data
  // still loading (its progress bar is in Data), or a model that does not fit it (said under the
  // model too, where it is mended, often scrolled out of sight); below the buttons, so that none
  // of them moves when it goes.
  if (t.data.state == TrainData::State::kLoading) {
    ImGui::TextDisabled("%s", t.data.message.c_str());
    NoteLastItem("start-waits");
  } else if (!t.model_error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(Readable(kErrorColour), "%s", t.model_error.c_str());
    ImGui::PopTextWrapPos();
    NoteLastItem("start-waits");
  }
  if (!t.session) {
    if (kernels::ThreadsAvailable()) DrawThreadsChoice(t);  // chosen before a first Start, too
    return;
  }
  train::Session& s = *t.session;
  if (s.phase() == train::Phase::kDiverged) return;  // said above the views, with the way back
  char label[128];
  // A training thread scores an epoch between two of its pictures: it says how far it is itself.
  const double scoring = t.trainer ? t.trainer->ScoringProgress()
                                   : s.phase() == train::Phase::kEvaluating ? s.evaluation_progress() : -1;
  if (scoring >= 0) {
    std::snprintf(label, sizeof label, tr("scoring epoch %d"), s.epoch() + 1);
    ImGui::ProgressBar(static_cast<float>(scoring), ImVec2(-1, 0), label);
  } else {
    std::snprintf(label, sizeof label, tr("epoch %d of %d"), std::min(s.epoch() + 1, s.config().epochs), s.config().epochs);
    ImGui::ProgressBar(s.phase() == train::Phase::kFinished ? 1.0f : static_cast<float>(s.epoch_progress()), ImVec2(-1, 0), label);
  }
  ImGui::Text(tr("%ld steps, %.0f images/s"), s.steps(), s.images_per_second());
  if (t.trainer) {
    DrawThreadsChoice(t);  // training has threads of its own: no share of the frame to choose
  } else {
    // More time per frame trains faster; less keeps the page smooth on a slow laptop.
    ImGui::SetNextItemWidth(120);
    SliderDouble(TrLabel("training per frame"), &t.s.budget_ms, 1, 30, "%.0f ms", ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr("the last frame trained for %.1f ms; more trains faster, less keeps drawing smooth"), t.last_frame_train_ms);
  }
  // The result in plain words, beside the controls that made it.
  if (const std::string result = ResultLine(s); !result.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(s.phase() == train::Phase::kFinished ? Readable(kOkColour) : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", result.c_str());
    ImGui::PopTextWrapPos();
    NoteLastItem("result");
  } else if (s.phase() == train::Phase::kFinished) {
    ImGui::TextColored(Readable(kOkColour), "%s", tr("Finished."));
  }
}

}  // namespace

// [SECTION] Tab ---------------------------------------------------------------------------

void DrawTrainTab(TrainUi& t, const settings::AppSettings& app) {
  // An exercise link may hide a panel (hide=data) or show it read-only (lock=model).
  auto panel = [&](const char* header, const char* part, void (*draw)(TrainUi&)) {
    if (settings::ListHas(app.hide, part)) return;
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const bool open = ImGui::CollapsingHeader(TrLabel(header));
    NoteLastItem((std::string("panel-") + part).c_str());
    if (!open) return;
    ImGui::BeginDisabled(settings::ListHas(app.lock, part));
    draw(t);
    ImGui::EndDisabled();
  };
  // With every set-up panel hidden (a figure), the run controls need only a narrow column.
  const bool only_run = settings::ListHas(app.hide, "data") && settings::ListHas(app.hide, "model") &&
                        settings::ListHas(app.hide, "training");
  // Narrow (a phone, a small window): one column, the run controls, the set-up, then the views,
  // scrolled as one page by a finger (workspace.cpp DragToScroll).
  if (ImGui::GetContentRegionAvail().x < kOneColumnBelow && !only_run) {
    DrawRunPanel(t, !app.embed);
    panel(N_("Data"), "data", DrawDataPanel);
    panel(N_("Model"), "model", DrawModelPanel);
    panel(N_("Training"), "training", DrawTrainingPanel);
    ImGui::Separator();
    const float views_height = std::max(480.0f, ImGui::GetMainViewport()->WorkSize.y * 0.85f);
    ImGui::BeginChild("views", ImVec2(0, views_height), false);
    DrawTrainViews(t, !settings::ListHas(app.hide, "views"));
    EndChild(N_("Views"));
    return;
  }
  // The run controls and the run's progress stay in view above the set-up, which scrolls.
  ImGui::BeginChild("setup-column", ImVec2(only_run ? 250.0f : 440.0f, 0), false);
  ImGui::BeginGroup();
  DrawRunPanel(t, !app.embed);
  ImGui::EndGroup();
  if (!only_run) {
    ImGui::BeginChild("setup", ImVec2(0, 0), true);
    panel(N_("Data"), "data", DrawDataPanel);
    panel(N_("Model"), "model", DrawModelPanel);
    panel(N_("Training"), "training", DrawTrainingPanel);
    EndChild(N_("Set-up: data, model, training"));
  }
  EndChild(N_("Run and set-up"));
  ImGui::SameLine();
  ImGui::BeginChild("views", ImVec2(0, 0), false);
  DrawTrainViews(t, !settings::ListHas(app.hide, "views"));
  EndChild(N_("Views"));
}

}  // namespace gradlab::ui
