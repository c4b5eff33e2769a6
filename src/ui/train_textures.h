// The views' images as textures: made from the model at most every 0.3 s (or at once with
// `force`), only for the view that is shown.
#pragma once
#include <vector>

#include "ui/train_state.h"

namespace gradlab::ui {

void ClearTextures(std::vector<Texture>& textures);  // deletes them and empties the list
void RefreshTextures(TrainUi& t, bool force);

}  // namespace gradlab::ui
