// What a page embedding Gradlab hears (docs/embed.md): epochEnd, backpropStep, lessonStep,
// lessonCompleted, error and resize, found by comparing this frame's state with the last one's,
// so the tabs need no code for them. The page side (web/shell.js) adds ready and stateChanged.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace gradlab::ui {

struct AppState;

struct EmbedEvent {
  std::string name;
  nlohmann::json data;
};

// What was last reported.
struct EmbedWatch {
  const void* session = nullptr;
  size_t epochs = 0;
  std::string expression;
  int bp_position = -1;
  int lesson = 0, lesson_step = 0;
  std::string status;
  int height = 0;
};

std::vector<EmbedEvent> CollectEmbedEvents(AppState& state, EmbedWatch& watch);

// The host API's getState(): {link, settings, tab, training: {...}, lesson, lessonStep}.
nlohmann::json EmbedStateJson(const AppState& state);

}  // namespace gradlab::ui
