#include "ui/lessons_tab.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui/app_state.h"
#include "ui/hook_items.h"
#include "ui/services.h"

namespace gradlab::ui {

const lessons::LessonLibrary& LoadedLessons(LessonsUi& l) {
  if (!l.loaded) {
    l.loaded = true;
    l.library = lessons::LoadLessons(services().AssetDir() + "lessons");
  }
  return l.library;
}

void OpenLessonStep(AppState& state, int lesson, int step) {
  // Moving through a lesson keeps what the exercise link hid or locked.
  const std::string hide = state.settings.app.hide, lock = state.settings.app.lock;
  ApplyLink(state, {{"lesson", std::to_string(lesson) + "." + std::to_string(step)}});
  state.settings.app.hide = hide;
  state.settings.app.lock = lock;
}

namespace {

void MarkSeen(LessonsUi& l, int lesson, int step, size_t steps) {
  if (l.seen_lesson != lesson || l.seen_steps.size() != steps) {
    l.seen_lesson = lesson;
    l.seen_steps.assign(steps, false);
  }
  l.seen_steps[step] = true;
}

// A lesson's score: the share of its steps seen. Once lessons ask questions (issue 12), the share
// answered right takes its place.
int SeenPercent(const LessonsUi& l) {
  if (l.seen_steps.empty()) return 0;
  const auto seen = std::count(l.seen_steps.begin(), l.seen_steps.end(), true);
  return static_cast<int>(std::lround(100.0 * static_cast<double>(seen) / static_cast<double>(l.seen_steps.size())));
}

}  // namespace

void DrawLessonsTab(AppState& state) {
  const lessons::LessonLibrary& library = LoadedLessons(state.lessons);
  ImGui::TextWrapped("Lessons walk through the lecture's ideas step by step, opening the right view with the right numbers. "
                     "Instructors write them as JSON files (see the README) and can link to one: ?lesson=1.");
  ImGui::Spacing();
  for (size_t i = 0; i < library.lessons.size(); ++i) {
    const lessons::Lesson& lesson = library.lessons[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button("Start")) OpenLessonStep(state, static_cast<int>(i) + 1, 1);
    ImGui::SameLine();
    ImGui::Text("%zu. %s", i + 1, lesson.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu steps) %s", lesson.steps.size(), lesson.summary.c_str());
    ImGui::PopID();
  }
  for (const std::string& problem : library.problems) ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", problem.c_str());
}

void DrawLessonWindow(AppState& state) {
  const auto& lessons = LoadedLessons(state.lessons).lessons;
  const int active = state.settings.app.lesson - 1, at = state.settings.app.lesson_step - 1;
  if (active < 0 || active >= static_cast<int>(lessons.size())) return;
  const lessons::Lesson& lesson = lessons[active];
  if (at < 0 || at >= static_cast<int>(lesson.steps.size())) return;
  const lessons::LessonStep& step = lesson.steps[at];
  MarkSeen(state.lessons, active + 1, at, lesson.steps.size());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 440, vp->WorkPos.y + vp->WorkSize.y - 250), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(420, 220), ImGuiCond_Appearing);
  bool open = true;
  const std::string title = "Lesson: " + lesson.title + "###lesson";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextDisabled("Step %d of %zu", at + 1, lesson.steps.size());
    ImGui::TextWrapped("%s", step.text.c_str());
    if (!step.highlight.empty()) ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "Look at: %s", step.highlight.c_str());
    ImGui::Spacing();
    ImGui::BeginDisabled(at == 0);
    if (ImGui::Button("< Back")) OpenLessonStep(state, active + 1, at);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (at + 1 < static_cast<int>(lesson.steps.size())) {
      if (ImGui::Button("Next >")) OpenLessonStep(state, active + 1, at + 2);
      NoteLastItem("lesson-next");
    } else {
      if (ImGui::Button("Finish")) {
        open = false;
        state.lessons.completed = LessonsUi::Completion{active + 1, lesson.title, SeenPercent(state.lessons)};
      }
      NoteLastItem("lesson-finish");
    }
  }
  ImGui::End();
  if (!open) (void)settings::Set(state.settings, "lesson", "");
}

}  // namespace gradlab::ui
