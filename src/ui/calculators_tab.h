// The Calculators tab: small interactive figures for the lecture's formulas (losses,
// activations, conv arithmetic, max pooling, schedules, regularization, optimizers on a loss
// surface). Every number comes from the engine.
#pragma once
#include <array>

#include <imgui.h>

namespace gradlab::ui {

struct CalculatorsUi {
  int section = 0;
  // losses
  std::array<double, 3> scores{3.2, 5.1, -1.7};
  int label = 0;
  // activations
  int activation = 0;
  float activation_param = 0.1f;
  // conv arithmetic
  int conv_n = 7, conv_f = 3, conv_p = 0, conv_s = 1, conv_c = 3, conv_k = 10, conv_layers = 3;
  // pooling
  std::array<int, 16> pool{1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4};
  // schedules
  float schedule_lr = 0.1f, schedule_warmup = 0;
  int schedule_epochs = 100;
  // regularization
  std::array<float, 5> weights{0.8f, -0.5f, 0.1f, 0.0f, -1.2f};
  float reg_lambda = 0.1f, reg_beta = 0.5f;
  // optimizer race
  int surface = 0, race_steps = 60;
  float race_lr = 0.2f, race_noise = 0;
  ImTextureID surface_texture = 0;
  int surface_texture_of = -1;
};

void DrawCalculatorsTab(CalculatorsUi& c);

}  // namespace gradlab::ui
