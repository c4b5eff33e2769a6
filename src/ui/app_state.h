// Everything the UI shows or remembers between frames lives here, outside the drawing
// functions (Dear ImGui's "minimize state synchronisation"). Platform code fills in the
// window facts; panels read and change the rest.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ui/backprop_tab.h"
#include "ui/calculators_tab.h"
#include "ui/language.h"
#include "ui/lessons_tab.h"
#include "ui/session_keeper.h"
#include "ui/share_dialog.h"
#include "settings/registry.h"
#include "ui/train_state.h"

namespace gradlab::ui {

using settings::Tab;
using settings::kTabCount;
const char* TabLabel(Tab tab);  // "Train", ... as the tab bar shows it

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct AppState {
  // Every setting, in one place (settings/registry.h declares them); the tabs below hold what is
  // made from their part of it.
  settings::Settings settings;
  TrainUi train{settings.train};
  CalculatorsUi calculators{settings.calc};
  BackpropUi backprop{settings.backprop};
  LessonsUi lessons;

  // Workspace
  Tab shown_tab = Tab::kTrain;  // the tab the tab bar shows (settings.app.tab is the one wanted)
  bool focus_on_tab_bar = false;  // last frame: the keyboard's focus was on a tab
  settings::Theme applied_theme = settings::Theme::kDark;
  LanguageUi language;
  bool show_about = false;
  bool show_keys = false;  // the keyboard help ("?")
  bool first_visit = false; // no work kept in this browser and no link: one line says what is where
  ShareUi share;
  SessionKeeperUi session_keeper;
  bool quit_requested = false;
  // The settings as a link fragment ("v=1&..."), kept in the page's address bar.
  std::string link;
  settings::Settings link_of;

  // ?bench=linear|mlp|cnn: the model the page's benchmark mode trains (bench_mode.h).
  std::string bench_model;

  // Messages for the student (bad URL parameter, failed load...), shown in the status bar.
  std::string status_message;
  // The last link's problems and what it was applied to, so a change of language can say them
  // again in the new one: the page reads its link before Korean's catalogue has arrived.
  struct LinkCheck {
    settings::Settings before;
    settings::Pairs pairs;
    std::string said;  // the part of status_message that named them
  };
  std::optional<LinkCheck> link_check;

  // The height (logical pixels) at which nothing in the workspace would scroll; an embed with
  // height 'auto' sizes its frame to it (embed_events.h).
  int content_height = 0;
  // Where the open lesson sits when docked: beside the views, or under them on a narrow screen
  // (w = 0: floating, or no lesson). The workspace leaves it free; the lesson window fills it.
  Rect lesson_dock;

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

// Applies a link (the page's URL, the desktop app's --link and --set, a lesson step): the tabs
// it names open complete, from their defaults (settings::ApplyLink); a lesson in it replays its
// steps first. Bad parts are named in one status message; the rest applies.
void ApplyLink(AppState& state, const settings::Pairs& pairs);
// After a change of language: the last link's problems, if the status bar still names them, are
// named again in the new language.
void SayLinkProblemsAgain(AppState& state);

// One setting while the app runs (the page hook gradlab.set): only that setting changes; a bad
// key or value is said in the status bar.
void ApplySetting(AppState& state, const std::string& key, const std::string& value);
// The same for a caller that reports the problem itself (the embed API): "" when it applied.
std::string TrySetting(AppState& state, const std::string& key, const std::string& value);

// Every setting's current value by key (actions left out), as strings a link would carry.
nlohmann::json SettingsToJson(const settings::Settings& s);

// Makes `state.link` agree with the settings; true when it changed.
bool UpdateLink(AppState& state);

// Test hook and debugging aid: the state as one JSON object.
std::string AppStateToJson(const AppState& state);

}  // namespace gradlab::ui
