// The views' images as textures: made from the model at most every 0.3 s (or at once with
// `force`), only for the view that is shown.
#pragma once
#include <string>
#include <vector>

#include "ui/train_state.h"

namespace gradlab::ui {

void ClearTextures(std::vector<Texture>& textures);  // deletes them and empties the list
void RefreshTextures(TrainUi& t, bool force);

// Images of `size` pixels, up to `columns` a row and never more than fit (a docked lesson narrows
// the views): the rest wrap, none is cut. Each with its caption under it, when given.
void ImageGrid(const std::vector<Texture>& images, float size, const std::vector<std::string>* captions, int columns);

}  // namespace gradlab::ui
