// Everything the UI shows or remembers between frames lives here, outside the drawing
// functions (Dear ImGui's "minimize state synchronisation"). Platform code fills in the
// window facts; panels read and change the rest.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ui/backprop_tab.h"
#include "ui/calculators_tab.h"
#include "ui/lessons_tab.h"
#include "ui/train_state.h"

namespace gradlab::ui {

enum class Tab { Train, Backprop, Lessons, Calculators };
constexpr int kTabCount = 4;
const char* TabName(Tab tab);                     // "Train", ...
bool TabFromName(const std::string& name, Tab* out);  // case-insensitive; false if unknown

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct AppState {
  // Workspace
  Tab active_tab = Tab::Train;
  bool tab_change_requested = false;  // set with requested_tab to switch tabs from code/URL
  Tab requested_tab = Tab::Train;
  bool show_about = false;
  bool dark_theme = true;
  bool quit_requested = false;

  // The tabs' own state.
  TrainUi train;
  CalculatorsUi calculators;
  BackpropUi backprop;
  LessonsUi lessons;

  // ?bench=linear|mlp|cnn: the model the page's benchmark mode trains (bench_mode.h).
  std::string bench_model;

  // Messages for the student (bad URL parameter, failed load...), shown in the status bar.
  std::string status_message;

  // Filled by the drawing code each frame; read by the test hooks.
  std::array<Rect, kTabCount> tab_rects{};

  // Filled by the platform layer.
  uint64_t frame = 0;
  float display_width = 0, display_height = 0;  // logical pixels (CSS pixels on the web)
  float framebuffer_scale = 1;                   // device pixels per logical pixel
  float fps = 0;
  double frame_work_ms = 0;                      // time the last frame spent working
  bool frame_drawn = true;                       // false when the last frame changed nothing on screen
  // Each frame's work and training time (ms) and whether it drew, recorded once a benchmark
  // asks (web hook gradlab.frames()); bounded so a forgotten recording cannot grow without end.
  struct FrameRecord {
    float work_ms, train_ms;
    bool drawn;
  };
  bool log_frames = false;
  std::vector<FrameRecord> frame_log;
  bool can_quit = true;                          // false in the browser
};

// Applies one startup setting (from the page URL or the command line), e.g. tab=backprop.
// Unknown keys or values leave the state as it was and explain themselves in status_message.
void ApplyStartupSetting(AppState& state, const std::string& key, const std::string& value);

// Test hook and debugging aid: the state as one JSON object.
std::string AppStateToJson(const AppState& state);

}  // namespace gradlab::ui
