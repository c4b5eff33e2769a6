// Loads the data the Train tab's settings ask for, when they change: toy points at once, CIFAR-10
// chunks fetched beside the page (or the executable) with progress in t.data.message.
#pragma once
#include <string>

#include "ui/train_state.h"

namespace gradlab::ui {

void RequestData(TrainUi& t);  // per frame; does nothing while the data settings are unchanged
// "450 training points, 225 test points", in the language spoken now ("" before data is loaded).
std::string DataSummary(const TrainData& d);

}  // namespace gradlab::ui
