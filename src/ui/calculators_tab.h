// The Calculators tab: small interactive figures for the lecture's formulas (losses,
// activations, conv arithmetic, max pooling, schedules, regularization, optimizers on a loss
// surface). Every number comes from the engine.
#pragma once
#include <array>

#include <imgui.h>

#include "settings/settings.h"

namespace gradlab::ui {

// The calculators' inputs are settings (`s`, owned by AppState); here is only the surface picture.
struct CalculatorsUi {
  explicit CalculatorsUi(settings::CalcSettings& settings) : s(settings) {}
  settings::CalcSettings& s;
  ImTextureID surface_texture = 0;
  int surface_texture_of = -1;
};

void DrawCalculatorsTab(CalculatorsUi& c, bool locked);  // locked: inputs read-only (lock=calculator)

}  // namespace gradlab::ui
