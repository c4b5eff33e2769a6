// The Training panel's augmentation settings: the text form (the source of truth, as in links),
// a switch and sliders per kind that write it, and a live preview grid of augmented training
// images made exactly as training makes them, with mixup/CutMix's mixed labels under each.
#pragma once
#include "ui/train_state.h"

namespace gradlab::ui {

void DrawAugmentationEditor(TrainUi& t);
// The Train tab's "augment" view: the augmented images large, for lessons and projectors.
void DrawAugmentedView(TrainUi& t);

}  // namespace gradlab::ui
