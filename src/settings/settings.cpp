#include "settings/settings.h"

#include <algorithm>

namespace gradlab::settings {

const char* TabName(Tab tab) {
  switch (tab) {
    case Tab::kTrain: return "train";
    case Tab::kBackprop: return "backprop";
    case Tab::kLessons: return "lessons";
    case Tab::kCalculators: return "calculators";
  }
  return "?";
}

const char* TrainViewName(TrainView view) {
  switch (view) {
    case TrainView::kCurves: return "curves";
    case TrainView::kWeights: return "weights";
    case TrainView::kFilters: return "filters";
    case TrainView::kConfusion: return "confusion";
    case TrainView::kPredictions: return "predictions";
    case TrainView::kAugment: return "augment";
    case TrainView::kBoundary: return "boundary";
  }
  return "?";
}

const char* ThemeName(Theme theme) {
  switch (theme) {
    case Theme::kLight: return "light";
    case Theme::kDark: return "dark";
    case Theme::kProjector: return "projector";
  }
  return "?";
}

const char* LocaleName(Locale locale) {
  switch (locale) {
    case Locale::kEn: return "en";
    case Locale::kKo: return "ko";
    case Locale::kPseudo: return "pseudo";
  }
  return "?";
}

const char* BackpropModeName(BackpropMode mode) {
  switch (mode) {
    case BackpropMode::kGraph: return "graph";
    case BackpropMode::kMlp: return "mlp";
    case BackpropMode::kConv: return "conv";
  }
  return "?";
}

const char* CalcSectionName(CalcSection section) {
  switch (section) {
    case CalcSection::kLosses: return "losses";
    case CalcSection::kActivations: return "activations";
    case CalcSection::kConv: return "conv";
    case CalcSection::kPooling: return "pooling";
    case CalcSection::kSchedules: return "schedules";
    case CalcSection::kRegularization: return "regularization";
    case CalcSection::kOptimizers: return "optimizers";
  }
  return "?";
}

const char* CalcActivationName(CalcActivation activation) {
  switch (activation) {
    case CalcActivation::kSigmoid: return "sigmoid";
    case CalcActivation::kTanh: return "tanh";
    case CalcActivation::kRelu: return "relu";
    case CalcActivation::kLeakyRelu: return "lrelu";
    case CalcActivation::kElu: return "elu";
    case CalcActivation::kMaxout: return "maxout";
  }
  return "?";
}

bool ListHas(const std::string& list, const char* part) {
  const std::string item = part;
  for (size_t start = 0; start <= list.size();) {
    const size_t comma = std::min(list.find(',', start), list.size());
    if (list.compare(start, comma - start, item) == 0) return true;
    start = comma + 1;
  }
  return false;
}

}  // namespace gradlab::settings
