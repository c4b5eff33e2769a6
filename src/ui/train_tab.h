// The Train tab: set-up panels on the left (data, model, training, run controls), views of the
// run on the right (curves, weights, filters and feature maps, confusion matrix, predictions,
// decision boundary).
#pragma once
#include "ui/train_state.h"

namespace gradlab::ui {

void DrawTrainTab(TrainUi& t, const settings::AppSettings& app);
void DrawTrainViews(TrainUi& t, bool view_selector);  // train_views.cpp

}  // namespace gradlab::ui
