// The app's settings as plain data: everything a link, a lesson step, the Share button or a
// saved session can set, and nothing else (no loaded data, no sessions, no textures). The UI
// edits these fields and derives what it shows from them; registry.h names each field, with
// its key, type, range, default and help, and reads and writes it as text.
//
// Deliberately not here: how a setting is drawn, and what changing it costs (reloading data,
// rebuilding a graph): the UI finds out by comparing settings with ==.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "data/toy2d.h"
#include "nn/explain.h"
#include "nn/optimizer.h"

namespace gradlab::settings {

enum class Tab { kTrain, kBackprop, kLessons, kCalculators };
inline constexpr int kTabCount = 4;
const char* TabName(Tab tab);  // "train", ...

enum class TrainView { kCurves, kWeights, kFilters, kConfusion, kPredictions, kBoundary, kAugment };
inline constexpr int kTrainViewCount = 7;
const char* TrainViewName(TrainView view);  // "curves", ...

// Colours and sizes: light, dark, or projector (for lecture halls: high contrast, large text,
// thick lines).
enum class Theme { kLight, kDark, kProjector };
inline constexpr int kThemeCount = 3;
const char* ThemeName(Theme theme);  // "light", "dark", "projector"

// The language the app speaks: English, Korean, or the pseudo-language that shows where longer
// text clips (i18n/translate.h).
enum class Locale { kEn, kKo, kPseudo };
inline constexpr int kLocaleCount = 3;
const char* LocaleName(Locale locale);  // "en", "ko", "pseudo"

enum class BackpropMode { kGraph, kMlp, kConv };  // a computational graph, or one training iteration
inline constexpr int kBackpropModeCount = 3;
const char* BackpropModeName(BackpropMode mode);  // "graph", "mlp", "conv"
// Whether the Backprop tab shows gradients before the stepper reaches them (the example's numbers,
// the gradient check). auto: hidden while a lesson is open, so the student works them out first.
enum class Answers { kAuto, kShow, kHide };
inline constexpr const char* kAnswersNames[] = {"auto", "show", "hide"};

enum class CalcSection { kLosses, kActivations, kConv, kPooling, kSchedules, kRegularization, kOptimizers };
inline constexpr int kCalcSectionCount = 7;
const char* CalcSectionName(CalcSection section);  // "losses", ...

// The activation calculator's curves (Maxout is drawn as the max of two lines).
enum class CalcActivation { kSigmoid, kTanh, kRelu, kLeakyRelu, kElu, kMaxout };
inline constexpr int kCalcActivationCount = 6;
const char* CalcActivationName(CalcActivation activation);  // "sigmoid", "tanh", "relu", "lrelu", "elu", "maxout"

// The small CNN of the README and the benchmarks, in the model-spec language.
inline constexpr const char* kSmallCnnSpec =
    "conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc";

// Parts of the app an exercise link can hide (hide=) or show read-only (lock=): the tabs, and the
// Train tab's panels and view selector.
inline constexpr const char* kHideableParts[] = {"train", "backprop", "lessons", "calculators", "data", "model", "training", "views"};
inline constexpr const char* kLockableParts[] = {"data", "model", "training", "graph", "calculator"};
// Whether a comma-separated list (hide, lock) names `part`.
bool ListHas(const std::string& list, const char* part);

struct AppSettings {
  Tab tab = Tab::kTrain;
  Theme theme = Theme::kDark;
  Locale locale = Locale::kEn;  // the page starts in the browser's language, the desktop in LANG's
  bool terms = false;           // Korean with the English terms beside: 학습률(learning rate)
  int lesson = 0;       // 1-based lesson being walked through; 0: none
  int lesson_step = 1;  // 1-based step of that lesson
  std::string hide;     // parts hidden by an exercise link, e.g. "data,model"
  std::string lock;     // parts shown read-only
  // Embedding in another page (docs/embed.md): no menu or status bar, only the tab asked for.
  bool embed = false;
  std::string start = "click";  // when an embed loads the engine: click, visible, now (read by the page)
  std::string hosts;            // origins besides the handshake's that may drive an embed
  std::string lesson_url;       // an instructor's lesson file, added to the Lessons tab (docs/lessons.md)
  bool operator==(const AppSettings&) const = default;
};

struct TrainSettings {
  // Data: toy 2-D points or a CIFAR-10 subset.
  bool cifar = false;
  data::ToyKind toy_kind = data::ToyKind::kSpiral;
  std::array<bool, 10> classes{true, false, false, false, false, false, true, false, false, true};
  int train_per_class = 500, test = 300;
  int toy_classes = 3, toy_points = 150;
  double toy_noise = 0.1;
  // Model and training, in the words of train::ConfigFromJson (the CLI's options).
  std::string model = "linear";
  std::string loss = "softmax";
  nn::OptimizerKind optimizer = nn::OptimizerKind::kSgd;
  double lr = 0.01, momentum = 0.9, rho = 0.9, beta1 = 0.9, beta2 = 0.999;
  std::string schedule = "constant";
  double warmup = 0;
  int batch = 32, epochs = 10;
  std::string reg = "none";
  double lambda = 0, beta = 1;
  std::string augment;
  std::string init = "he";
  uint64_t seed = 1;
  // What is shown.
  TrainView view = TrainView::kCurves;
  bool loss_log = false;  // the loss plot's y axis on a log scale
  int layer = 0;         // 1-based layer whose fields the layer editor shows; 0: none
  double budget_ms = 8;  // training time per frame, when training shares the UI thread
  // "auto" (the cores less one, at most 8), "0" (no training thread: between frames) or 1 to 8.
  std::string threads = "auto";
  bool operator==(const TrainSettings&) const = default;
};

struct BackpropSettings {
  std::string example = "add-mul";  // a lecture example (graph/examples.h)
  std::string expr;                 // a typed expression; empty: the example's
  std::string inputs;               // "x:-2,y:5": values that differ from the example's (new variables: 1)
  int step = 0;                     // how far the stepper has gone (clamped to its steps)
  BackpropMode mode = BackpropMode::kGraph;
  int stage = 1;                    // 1-based stage of the training iteration
  double iteration_lr = 0.5;
  Answers answers = Answers::kAuto;
  bool operator==(const BackpropSettings&) const = default;
};

struct CalcSettings {
  CalcSection section = CalcSection::kLosses;
  // losses: the lecture's cat/car/frog scores
  std::array<double, 3> scores{3.2, 5.1, -1.7};
  int label = 0;
  // activations
  CalcActivation activation = CalcActivation::kSigmoid;
  double activation_param = 0.1;
  // conv arithmetic: input N, filter F, padding P, stride S, channels C, filters K, stacked layers
  int conv_n = 7, conv_f = 3, conv_p = 0, conv_s = 1, conv_c = 3, conv_k = 10, conv_layers = 3;
  // pooling: a 4x4 grid, row by row
  std::array<int, 16> pool{1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
  // schedules
  double schedule_lr = 0.1, schedule_warmup = 0;
  int schedule_epochs = 100;
  // regularization
  std::array<double, 5> weights{0.8, -0.5, 0.1, 0.0, -1.2};
  double reg_lambda = 0.1, reg_beta = 0.5;
  // optimizers on a loss surface
  nn::Surface surface = nn::Surface::kRavine;
  int race_steps = 60;
  double race_lr = 0.2, race_noise = 0;
  bool operator==(const CalcSettings&) const = default;
};

struct Settings {
  AppSettings app;
  TrainSettings train;
  BackpropSettings backprop;
  CalcSettings calc;
  bool operator==(const Settings&) const = default;
};

}  // namespace gradlab::settings
