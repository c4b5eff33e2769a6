#include "ui/app_state.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ui/hook_items.h"
#include "ui/bench_mode.h"
#include "ui/train_controller.h"

namespace gradlab::ui {

const char* TabName(Tab tab) {
  switch (tab) {
    case Tab::Train: return "Train";
    case Tab::Backprop: return "Backprop";
    case Tab::Lessons: return "Lessons";
    case Tab::Calculators: return "Calculators";
  }
  return "?";
}

static std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool TabFromName(const std::string& name, Tab* out) {
  for (int i = 0; i < kTabCount; ++i) {
    Tab t = static_cast<Tab>(i);
    if (Lower(name) == Lower(TabName(t))) {
      *out = t;
      return true;
    }
  }
  return false;
}

// Several bad settings in one link are all reported, not just the last.
static void AddStatus(AppState& state, const std::string& message) {
  if (!state.status_message.empty()) state.status_message += " ";
  state.status_message += message;
}

void ApplyStartupSetting(AppState& state, const std::string& key, const std::string& value) {
  // Long or odd values come from URLs people paste: quote only a short, printable prefix.
  std::string shown = value.substr(0, 40);
  for (char& c : shown)
    if (!std::isprint(static_cast<unsigned char>(c))) c = '?';
  if (key == "tab") {
    Tab t;
    if (TabFromName(value, &t)) {
      state.requested_tab = t;
      state.tab_change_requested = true;
    } else {
      AddStatus(state, "Unknown tab '" + shown +
                           "' in the link; the tabs are train, backprop, lessons, calculators.");
    }
  } else if (key == "theme") {
    if (value == "dark" || value == "light") state.dark_theme = value == "dark";
    else AddStatus(state, "Unknown theme '" + shown + "'; use dark or light.");
  } else if (key == "lesson") {
    // ?lesson=2 or ?lesson=2.3 (lesson 2, step 3), counted from 1 as the tab shows them.
    int lesson = 0, step = 1;
    if (std::sscanf(value.c_str(), "%d.%d", &lesson, &step) < 1 || !OpenLessonStep(state, lesson - 1, step - 1))
      AddStatus(state, "No lesson '" + shown + "'; the Lessons tab lists them (?lesson=1 opens the first).");
  } else if (key == "calc") {
    static const char* sections[] = {"losses", "activations", "conv", "pooling", "schedules", "regularization", "optimizers"};
    bool found = false;
    for (int i = 0; i < 7; ++i)
      if (value == sections[i]) state.calculators.section = i, found = true;
    if (!found) AddStatus(state, "Unknown calculator '" + shown + "'; use losses, activations, conv, pooling, schedules, regularization or optimizers.");
  } else if (key == "bench") {
    if (std::string problem; !ApplyBenchMode(state, value, &problem)) AddStatus(state, "Link setting 'bench': " + problem + ".");
  } else if (std::string problem; ApplyTrainLinkSetting(state.train, key, value, &problem)) {
    if (!problem.empty()) AddStatus(state, "Link setting '" + key.substr(0, 40) + "': " + problem + ".");
  } else if (ApplyBackpropSetting(state.backprop, key, value, &problem)) {
    if (!problem.empty()) AddStatus(state, "Link setting '" + key.substr(0, 40) + "': " + problem);
  } else {
    std::string k = key.substr(0, 40);
    for (char& c : k)
      if (!std::isprint(static_cast<unsigned char>(c))) c = '?';
    AddStatus(state, "Ignored unknown link setting '" + k + "'.");
  }
}

std::string AppStateToJson(const AppState& state) {
  nlohmann::json tabs = nlohmann::json::object();
  for (int i = 0; i < kTabCount; ++i) {
    const Rect& r = state.tab_rects[i];
    tabs[TabName(static_cast<Tab>(i))] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  }
  nlohmann::json items = nlohmann::json::object();
  for (const auto& [name, r] : NotedItems()) items[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  nlohmann::json j = {
      {"frame", state.frame},
      {"tab", TabName(state.active_tab)},
      {"tabRects", tabs},
      {"items", items},
      {"display", {{"width", state.display_width}, {"height", state.display_height},
                   {"scale", state.framebuffer_scale}}},
      {"fps", state.fps},
      {"frameWorkMs", state.frame_work_ms},
      {"frameDrawn", state.frame_drawn},
      {"darkTheme", state.dark_theme},
      {"showAbout", state.show_about},
      {"status", state.status_message},
      {"train", TrainStateJson(state.train)},
      {"backprop", BackpropStateJson(state.backprop)},
      {"bench", BenchStateJson(state)},
  };
  return j.dump();
}

}  // namespace gradlab::ui
