// The Calculators tab: small interactive figures for the lecture's formulas (losses,
// activations, conv arithmetic, max pooling, schedules, regularization, optimizers on a loss
// surface). Every number comes from the engine.
#pragma once
#include <array>
#include <utility>
#include <vector>

#include <imgui.h>

#include "settings/settings.h"

namespace gradlab::ui {

// What the engine computed for the current inputs; made again only when they change.
struct CalcResults {
  settings::CalcSettings of;
  bool made = false;
  std::array<double, 4> pooled{};       // 2x2 max pooling of the grid
  std::array<bool, 16> winner{};        // which inputs won their window (the gradient's route)
  std::array<double, 3> penalty{};      // L2, L1, elastic net: lambda R(W)
  std::array<std::array<double, 5>, 3> gradient{};  // and lambda dR/dW
  std::vector<std::vector<std::pair<float, float>>> paths;  // the optimizers' paths on the surface
};

// The calculators' inputs are settings (`s`, owned by AppState); here are the results made from
// them and the surface picture.
struct CalculatorsUi {
  explicit CalculatorsUi(settings::CalcSettings& settings) : s(settings) {}
  settings::CalcSettings& s;
  CalcResults results;
  ImTextureID surface_texture = 0;
  int surface_texture_of = -1;
};

void DrawCalculatorsTab(CalculatorsUi& c, bool locked);  // locked: inputs read-only (lock=calculator)

}  // namespace gradlab::ui
