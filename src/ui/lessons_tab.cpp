#include "ui/lessons_tab.h"

#include <imgui.h>

#include "ui/app_state.h"
#include "ui/services.h"

namespace gradlab::ui {

namespace {

void EnsureLoaded(LessonsUi& l) {
  if (l.loaded) return;
  l.loaded = true;
  l.library = lessons::LoadLessons(services().AssetDir() + "lessons");
}

}  // namespace

bool OpenLessonStep(AppState& state, int lesson, int step) {
  LessonsUi& l = state.lessons;
  EnsureLoaded(l);
  if (lesson < 0 || lesson >= static_cast<int>(l.library.lessons.size())) return false;
  const auto& steps = l.library.lessons[lesson].steps;
  if (step < 0 || step >= static_cast<int>(steps.size())) return false;
  l.active = lesson;
  l.step = step;
  // Steps build on each other (step 3 steps further through step 2's graph): replaying the
  // settings of every step up to this one gives the same view whether you came by Next, Back
  // or a link to the middle of a lesson.
  for (int i = 0; i <= step; ++i)
    for (const auto& [key, value] : steps[i].open) ApplyStartupSetting(state, key, value);
  return true;
}

void DrawLessonsTab(AppState& state) {
  LessonsUi& l = state.lessons;
  EnsureLoaded(l);
  ImGui::TextWrapped("Lessons walk through the lecture's ideas step by step, opening the right view with the right numbers. "
                     "Instructors write them as JSON files (see the README) and can link to one: ?lesson=1.");
  ImGui::Spacing();
  for (size_t i = 0; i < l.library.lessons.size(); ++i) {
    const lessons::Lesson& lesson = l.library.lessons[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button("Start")) OpenLessonStep(state, static_cast<int>(i), 0);
    ImGui::SameLine();
    ImGui::Text("%zu. %s", i + 1, lesson.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu steps) %s", lesson.steps.size(), lesson.summary.c_str());
    ImGui::PopID();
  }
  for (const std::string& problem : l.library.problems) ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", problem.c_str());
}

void DrawLessonWindow(AppState& state) {
  LessonsUi& l = state.lessons;
  if (l.active < 0 || l.active >= static_cast<int>(l.library.lessons.size())) return;
  const lessons::Lesson& lesson = l.library.lessons[l.active];
  const lessons::LessonStep& step = lesson.steps[l.step];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 440, vp->WorkPos.y + vp->WorkSize.y - 250), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(420, 220), ImGuiCond_Appearing);
  bool open = true;
  const std::string title = "Lesson: " + lesson.title + "###lesson";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextDisabled("Step %d of %zu", l.step + 1, lesson.steps.size());
    ImGui::TextWrapped("%s", step.text.c_str());
    if (!step.highlight.empty()) ImGui::TextColored(ImVec4(1, 0.8f, 0.3f, 1), "Look at: %s", step.highlight.c_str());
    ImGui::Spacing();
    ImGui::BeginDisabled(l.step == 0);
    if (ImGui::Button("< Back")) OpenLessonStep(state, l.active, l.step - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (l.step + 1 < static_cast<int>(lesson.steps.size())) {
      if (ImGui::Button("Next >")) OpenLessonStep(state, l.active, l.step + 1);
    } else if (ImGui::Button("Finish")) {
      open = false;
    }
  }
  ImGui::End();
  if (!open) l.active = -1;
}

}  // namespace gradlab::ui
