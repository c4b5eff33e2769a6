#include "ui/app_state.h"

#include <nlohmann/json.hpp>

#include "i18n/translate.h"
#include "ui/bench_mode.h"
#include "ui/focused_control.h"
#include "ui/layout_check.h"
#include "ui/hook_items.h"
#include "ui/own_lessons.h"
#include "ui/train_controller.h"

namespace gradlab::ui {

const char* TabLabel(Tab tab) {
  switch (tab) {
    case Tab::kTrain: return N_("Train");
    case Tab::kBackprop: return N_("Backprop");
    case Tab::kLessons: return N_("Lessons");
    case Tab::kCalculators: return N_("Calculators");
  }
  return "?";
}

namespace {

// A lesson in a link becomes the settings of its steps, replayed from the first to the one
// asked for (so a step looks the same however it is reached), followed by the lesson key
// itself. Actions (train=1) run only for the step asked for, not again for the ones before it.
settings::Pairs ExpandLesson(AppState& state, const std::string& value, std::vector<std::string>* problems) {
  settings::Settings probe;
  if (Status s = settings::Set(probe, "lesson", value); !s) {
    problems->push_back(s.message());
    return {};
  }
  const auto& lessons = LoadedLessons(state.lessons).lessons;
  const int lesson = probe.app.lesson - 1, step = probe.app.lesson_step - 1;
  if (lesson >= static_cast<int>(lessons.size()) && state.lessons.url_loading) {  // its file is on its way
    state.lessons.pending_lesson = value;
    return {};
  }
  if (lesson < 0 || lesson >= static_cast<int>(lessons.size())) {
    problems->push_back("lesson: there is no lesson " + std::to_string(lesson + 1) + " (there are " +
                        std::to_string(lessons.size()) + "; ?lesson=1 opens the first)");
    return {};
  }
  const auto& steps = lessons[lesson].steps;
  if (step >= static_cast<int>(steps.size())) {
    problems->push_back("lesson: lesson " + std::to_string(lesson + 1) + " has " + std::to_string(steps.size()) + " steps, not " +
                        std::to_string(step + 1));
    return {};
  }
  settings::Pairs out;
  for (int i = 0; i <= step; ++i)
    for (const auto& [key, v] : steps[i].open) {
      const settings::Entry* e = settings::FindEntry(key);
      if (i < step && e && e->is_action() && e->key != "bp") continue;
      out.emplace_back(key, v);
    }
  out.emplace_back("lesson", value);
  return out;
}

void RunAction(AppState& state, const std::string& key, const std::string& value, std::vector<std::string>* problems) {
  if (key == "train") {
    if (Status s = RunTrainAction(state.train, value); !s) problems->push_back("train: " + s.message());
  } else if (key == "bench") {
    std::string problem;
    if (!ApplyBenchMode(state, value, &problem)) problems->push_back("bench: " + problem);
  }
}

}  // namespace

void ApplyLink(AppState& state, const settings::Pairs& pairs) {
  std::vector<std::string> problems;
  settings::Pairs expanded;
  // An added lesson's file first, so a lesson number past the built-in ones can wait for it.
  for (const auto& [key, value] : pairs)
    if (key == "lesson_url" && settings::Set(state.settings, key, value)) FetchLessonUrl(state, value);
  for (const auto& [key, value] : pairs)
    if (settings::FindEntry(key) == &settings::GetEntry("lesson")) {
      if (!value.empty()) {
        auto lesson = ExpandLesson(state, value, &problems);
        expanded.insert(expanded.end(), lesson.begin(), lesson.end());
      }
    }
  for (const auto& [key, value] : pairs)
    if (settings::FindEntry(key) != &settings::GetEntry("lesson")) expanded.emplace_back(key, value);
  const settings::Settings before = state.settings;
  settings::LinkOutcome outcome = settings::ApplyLink(state.settings, expanded);
  const bool only_settings = problems.empty();  // a lesson's or an action's problems cannot be checked again
  problems.insert(problems.end(), outcome.problems.begin(), outcome.problems.end());
  for (const auto& [key, value] : outcome.actions) RunAction(state, key, value, &problems);
  state.status_message = settings::DescribeProblems(problems);
  state.link_check.reset();
  if (only_settings && problems.size() == outcome.problems.size() && !problems.empty())
    state.link_check = AppState::LinkCheck{before, expanded, state.status_message};
  SyncBackprop(state.backprop);  // so the hook reads the new graph at once, not a frame later
}

void SayLinkProblemsAgain(AppState& state) {
  if (!state.link_check) return;
  AppState::LinkCheck& check = *state.link_check;
  const size_t at = state.status_message.find(check.said);
  if (at == std::string::npos) {  // the status bar has moved on
    state.link_check.reset();
    return;
  }
  settings::Settings scratch = check.before;  // checked again on a copy: nothing applies twice
  const std::string again = settings::DescribeProblems(settings::ApplyLink(scratch, check.pairs).problems);
  state.status_message.replace(at, check.said.size(), again);
  check.said = again;
}

std::string TrySetting(AppState& state, const std::string& key, const std::string& value) {
  std::vector<std::string> problems;
  if (settings::FindEntry(key) == &settings::GetEntry("lesson")) {
    ApplyLink(state, {{key, value}});
    return state.status_message;
  }
  if (Status s = settings::Set(state.settings, key, value); !s) problems.push_back(s.message());
  else if (const settings::Entry* e = settings::FindEntry(key); e && e->is_action()) RunAction(state, e->key, value, &problems);
  SyncBackprop(state.backprop);
  return problems.empty() ? "" : problems.front();
}

void ApplySetting(AppState& state, const std::string& key, const std::string& value) {
  const std::string problem = TrySetting(state, key, value);
  if (!problem.empty() && problem != state.status_message) state.status_message = settings::DescribeProblems({problem});
}

nlohmann::json SettingsToJson(const settings::Settings& s) {
  nlohmann::json j = nlohmann::json::object();
  for (const settings::Entry& e : settings::Registry())
    if (!e.is_action()) j[e.key] = e.get(s);
  return j;
}

bool UpdateLink(AppState& state) {
  if (!state.link.empty() && state.settings == state.link_of) return false;
  state.link_of = state.settings;
  std::string link = settings::FormatFragment(state.settings);
  if (link == state.link) return false;
  state.link = std::move(link);
  return true;
}

std::string AppStateToJson(const AppState& state) {
  const FocusedControl focus = CurrentFocus();
  nlohmann::json clipped = nlohmann::json::array();
  for (const ClippedItem& c : ClippedItems())
    clipped.push_back({{"label", c.label}, {"window", c.window}, {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}, {"visibleW", c.visible_w}});
  nlohmann::json tabs = nlohmann::json::object();
  for (int i = 0; i < kTabCount; ++i) {
    const Rect& r = state.tab_rects[i];
    tabs[TabLabel(static_cast<Tab>(i))] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  }
  nlohmann::json items = nlohmann::json::object();
  for (const auto& [name, r] : NotedItems()) items[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  nlohmann::json j = {
      {"frame", state.frame},
      {"tab", TabLabel(state.shown_tab)},
      {"tabTitle", tr(TabLabel(state.shown_tab))},  // as the tab bar shows it, in the app's language
      {"tabRects", tabs},
      {"items", items},
      {"display", {{"width", state.display_width}, {"height", state.display_height},
                   {"scale", state.framebuffer_scale}}},
      {"fps", state.fps},
      {"frameWorkMs", state.frame_work_ms},
      {"frameDrawn", state.frame_drawn},
      {"theme", settings::ThemeName(state.settings.app.theme)},
      // The language asked for and the one spoken (they differ while Korean is fetched), and the
      // glyphs of the catalogue the fonts lack (0: every translated string can be drawn).
      {"language", {{"locale", settings::LocaleName(state.settings.app.locale)},
                    {"spoken", settings::LocaleName(state.language.spoken)},
                    {"fetching", state.language.fetching},
                    {"missingGlyphs", state.language.missing_glyphs},
                    {"missingExample", state.language.missing_example},
                    // The font atlas's texture (pixels), which Hangul makes large.
                    {"atlas", {ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight}}}},
      {"fontSize", ImGui::GetFontSize()},
      {"showAbout", state.show_about},
      {"showKeys", state.show_keys},
      {"firstVisit", state.first_visit},
      {"status", state.status_message},
      {"focus", {{"label", focus.label}, {"role", focus.role}, {"state", focus.state}}},
      {"clipped", clipped},
      {"embed", state.settings.app.embed},
      {"contentHeight", state.content_height},
      {"link", settings::FormatFragment(state.settings)},
      {"lesson", LessonStateJson(state)},
      {"train", TrainStateJson(state.train)},
      {"backprop", BackpropStateJson(state.backprop)},
      {"bench", BenchStateJson(state)},
  };
  // A link's bytes that are not UTF-8 reach the status message: shown as U+FFFD, not thrown.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gradlab::ui
