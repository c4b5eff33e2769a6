// The Model panel's layer table: each layer with its output shape and parameter count (the
// layer that breaks is flagged at its own row), buttons to move and remove layers, a menu to add
// one, and the selected layer's settings as fields. Edits are written back to the spec text,
// which stays the one source of truth (links and saved files use it).
#pragma once
#include "ui/train_state.h"

namespace gradlab::ui {

void DrawLayerEditor(TrainUi& t);

}  // namespace gradlab::ui
