#include "ui/lessons_tab.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_NoNav

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "i18n/translate.h"
#include "ui/app_state.h"
#include "ui/focused_control.h"
#include "ui/hook_items.h"
#include "ui/layout.h"
#include "ui/own_lessons.h"
#include "ui/services.h"
#include "ui/train_controller.h"

namespace gradlab::ui {

const lessons::LessonLibrary& LoadedLessons(LessonsUi& l) {
  if (!l.loaded) {
    l.loaded = true;
    l.library = lessons::LoadLessons(services().AssetDir() + "lessons");
    l.builtin = l.library.lessons.size();
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

const ImVec4 kRightColour(0.45f, 0.85f, 0.45f, 1), kWrongColour(1, 0.6f, 0.45f, 1), kHintColour(1, 0.8f, 0.3f, 1);

void MarkSeen(LessonProgressBook& book, const lessons::Lesson& lesson, int step) {
  LessonProgress& p = ProgressOf(book, lesson);
  if (p.seen[step]) return;
  p.seen[step] = true;
  ++book.revision;
}

std::string FormatAnswer(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// The choices as radio buttons: the student's pick goes into `choice`; once answered they show
// `answered_with`, read-only.
void DrawChoices(const lessons::Question& q, int& choice, bool answered, int answered_with) {
  ImGui::BeginDisabled(answered);
  for (size_t i = 0; i < q.choices.size(); ++i) {
    const std::string id = q.Choice(i) + "##choice" + std::to_string(i);
    if (RadioButton(id.c_str(), (answered ? answered_with : choice) == static_cast<int>(i))) choice = static_cast<int>(i);
    NoteLastItem(("lesson-choice-" + std::to_string(i + 1)).c_str());
  }
  ImGui::EndDisabled();
}

// The step's question: the answer field or choices, Check, then the hint or the worked answer.
// A prediction is committed instead, runs the step's `run` settings, and shows the outcome.
void DrawQuestion(AppState& state, const lessons::Lesson& lesson, int at) {
  const lessons::Question& q = *lesson.steps[at].question;
  LessonsUi& l = state.lessons;
  LessonProgress& progress = ProgressOf(l.progress, lesson);
  const auto found = progress.answers.find(at);
  const QuestionAttempt attempt = found != progress.answers.end() ? found->second : QuestionAttempt{};
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(q.Prompt().c_str());
  if (q.kind == lessons::Question::Kind::kPredict) {
    DrawChoices(q, l.choice, attempt.committed, attempt.chosen);
    if (!attempt.committed) {
      ImGui::BeginDisabled(l.choice < 0);
      if (ImGui::Button(TrLabel("Commit and run"))) {
        Commit(l.progress, lesson, at, l.choice);
        for (const auto& [key, value] : q.run) ApplySetting(state, key, value);  // on top of the step, as the checker read them
      }
      NoteLastItem("lesson-commit");
      ImGui::EndDisabled();
    } else {
      ImGui::Text(tr("You predicted: %s."), q.Choice(attempt.chosen).c_str());
      const train::Session* run = state.train.session.get();
      const bool running = run && run->running();
      if (run && !ResultLine(*run).empty()) ImGui::Text(tr("Outcome: %s"), ResultLine(*run).c_str());
      if (running) {
        ImGui::TextDisabled("%s", tr("Training... the outcome and the explanation follow when it ends."));
      } else {
        if (q.right >= 0)
          ImGui::TextColored(attempt.right ? Readable(kRightColour) : Readable(kWrongColour), "%s", attempt.right ? tr("As you predicted.") : Fill(tr("It was: {0}."), {q.Choice(q.right)}).c_str());
        ImGui::TextUnformatted(q.Explanation().c_str());
      }
    }
    ImGui::PopTextWrapPos();
    return;
  }
  if (q.kind == lessons::Question::Kind::kNumber) {
    ImGui::BeginDisabled(attempt.revealed);
    ImGui::SetNextItemWidth(120);
    const bool entered = ImGui::InputText("##answer", l.typed, sizeof l.typed,
                                          ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    NoteLastItem("lesson-answer");
    NoteFocusedField(tr("answer"), l.typed);
    ImGui::SameLine();
    const bool check = ImGui::Button(TrLabel("Check")) || entered;
    NoteLastItem("lesson-check");
    ImGui::EndDisabled();
    char* end = nullptr;
    const double typed = std::strtod(l.typed, &end);
    if (check && !attempt.revealed && end != l.typed) Answer(l.progress, lesson, at, typed);
  } else {
    DrawChoices(q, l.choice, attempt.revealed, attempt.chosen);
    ImGui::BeginDisabled(attempt.revealed || l.choice < 0);
    if (ImGui::Button(TrLabel("Check"))) Answer(l.progress, lesson, at, l.choice);
    NoteLastItem("lesson-check");
    ImGui::EndDisabled();
  }
  const auto answered = progress.answers.find(at);  // after Check: the attempt as it is now
  const QuestionAttempt now = answered != progress.answers.end() ? answered->second : QuestionAttempt{};
  const std::string answer = q.kind == lessons::Question::Kind::kNumber ? FormatAnswer(q.answer) : q.Choice(std::max(0, q.right));
  if (now.right) {
    ImGui::TextColored(Readable(kRightColour), tr("Right: %s."), answer.c_str());
    ImGui::TextUnformatted(q.Explanation().c_str());
  } else if (now.revealed) {
    ImGui::TextColored(Readable(kWrongColour), tr("Not quite. The answer is %s."), answer.c_str());
    ImGui::TextUnformatted(q.Explanation().c_str());
  } else if (now.wrong == 1) {
    ImGui::TextColored(Readable(kHintColour), tr("Not quite. Hint: %s"), q.Hint().c_str());
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

nlohmann::json LessonStateJson(const AppState& state) {
  const int active = state.settings.app.lesson, at = state.settings.app.lesson_step - 1;
  nlohmann::json j = {{"active", active}, {"step", state.settings.app.lesson_step}, {"problem", state.lessons.own_problem}};
  const auto& lessons = state.lessons.library.lessons;
  nlohmann::json progress = nlohmann::json::array();  // every lesson's, as the Lessons tab lists them
  for (const lessons::Lesson& lesson : lessons) {
    const LessonProgress* kept = FindProgress(state.lessons.progress, lesson);
    if (!kept) {
      progress.push_back(nullptr);
      continue;
    }
    const auto seen = std::count(kept->seen.begin(), kept->seen.end(), true);
    progress.push_back({{"seen", seen}, {"score", Score(lesson, *kept)}, {"finished", kept->finished}});
  }
  j["progress"] = progress;
  if (active < 1 || active > static_cast<int>(lessons.size())) return j;
  const lessons::Lesson& lesson = lessons[active - 1];
  const LessonProgress* kept = FindProgress(state.lessons.progress, lesson);
  const LessonProgress p = kept ? *kept : LessonProgress{};
  j["title"] = lesson.Title();
  j["steps"] = lesson.steps.size();
  if (at >= 0 && at < static_cast<int>(lesson.steps.size()))
    j["text"] = lesson.steps[at].Text() + (lesson.steps[at].highlight.empty() ? "" : " " + Fill(tr("Look at: {0}"), {lesson.steps[at].Highlight()}));
  j["score"] = Score(lesson, p);
  j["finished"] = p.finished;
  if (at >= 0 && at < static_cast<int>(lesson.steps.size()) && lesson.steps[at].question) {
    const auto& q = *lesson.steps[at].question;
    const QuestionAttempt a = p.answers.count(at) ? p.answers.at(at) : QuestionAttempt{};
    j["question"] = {{"kind", q.kind_name()}, {"prompt", q.Prompt()},
                     {"wrong", a.wrong}, {"right", a.right}, {"revealed", a.revealed}, {"committed", a.committed},
                     // for tests that answer wrong, then right (number: the value; else the choice, from 1)
                     {"answer", q.kind == lessons::Question::Kind::kNumber ? q.answer : q.right + 1},
                     {"choices", q.choices.size()}, {"picked", state.lessons.choice + 1}};  // the choice marked, not yet checked
  }
  return j;
}

void DrawLessonsTab(AppState& state) {
  const lessons::LessonLibrary& library = LoadedLessons(state.lessons);
  ImGui::TextWrapped("%s", tr("Lessons walk through the lecture's ideas step by step, opening the right view with the right numbers, "
                     "and ask questions on the way. Instructors write them as JSON files (docs/lessons.md) and can link to one: ?lesson=1."));
  ImGui::Spacing();
  if (ImGui::Button(TrLabel("Open lesson file..."))) OpenOwnLessonFile(state);
  NoteLastItem("lesson-open-file");
  if (!state.lessons.progress.lessons.empty()) {
    ImGui::SameLine();
    if (ImGui::Button(TrLabel("Reset progress"))) ImGui::OpenPopup("reset-progress");
    NoteLastItem("lesson-reset-progress");
    if (ImGui::BeginPopup("reset-progress")) {
      ImGui::TextUnformatted(tr("Forget every lesson's steps seen and answers?"));
      if (ImGui::Button(TrLabel("Forget them"))) {
        state.lessons.progress.lessons.clear();
        ++state.lessons.progress.revision;
        ImGui::CloseCurrentPopup();
      }
      NoteLastItem("lesson-reset-confirm");
      ImGui::SameLine();
      if (ImGui::Button(TrLabel("Keep them"))) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled(state.lessons.url_loading ? tr("fetching %s...") : tr("a lesson of your own (docs/lessons.md), or link one: ?lesson_url=https://..."),
                      state.lessons.url_fetched.c_str());
  if (!state.lessons.own_problem.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(Readable(ImVec4(1, 0.5f, 0.45f, 1)), "%s", state.lessons.own_problem.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
  for (size_t i = 0; i < library.lessons.size(); ++i) {
    const lessons::Lesson& lesson = library.lessons[i];
    if (i == state.lessons.builtin) {
      ImGui::Spacing();
      ImGui::TextDisabled("%s", tr("Added lessons (from lesson_url or a file; numbered on from the built-in ones)"));
      ImGui::Separator();
    }
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Button(TrLabel("Start"))) OpenLessonStep(state, static_cast<int>(i) + 1, 1);
    ImGui::SameLine();
    ImGui::TextWrapped("%zu. %s", i + 1, lesson.Title().c_str());
    const LessonProgress* kept = FindProgress(state.lessons.progress, lesson);
    if (kept && std::count(kept->seen.begin(), kept->seen.end(), true) > 0) {
      const LessonProgress& p = *kept;
      char score[96];
      std::snprintf(score, sizeof score, p.finished ? tr("finished, score %d %%") : tr("started, score %d %%"), Score(lesson, p));
      SameLineIfFits(ImGui::CalcTextSize(score).x);
      ImGui::TextColored(p.finished ? Readable(kRightColour) : Readable(kHintColour), "%s", score);
    }
    // The summary beside the title where a reading width is left, else below it (on a phone it
    // was a column one word wide); wrapped either way.
    SameLineIfFits(20 * ImGui::GetFontSize());
    FinePrintf(tr("(%zu steps) %s"), lesson.steps.size(), lesson.Summary().c_str());
    ImGui::PopID();
  }
  for (const std::string& problem : library.problems) ImGui::TextColored(Readable(ImVec4(1, 0.5f, 0.45f, 1)), "%s", problem.c_str());
}

const lessons::Lesson* ActiveLesson(AppState& state) {
  const auto& lessons = LoadedLessons(state.lessons).lessons;
  const int n = state.settings.app.lesson;
  return n >= 1 && n <= static_cast<int>(lessons.size()) ? &lessons[n - 1] : nullptr;
}

void DrawLessonWindow(AppState& state) {
  const lessons::Lesson* active_lesson = ActiveLesson(state);
  if (!active_lesson) return;
  const lessons::Lesson& lesson = *active_lesson;
  const int active = state.settings.app.lesson - 1, at = state.settings.app.lesson_step - 1;
  if (at < 0 || at >= static_cast<int>(lesson.steps.size())) return;
  const lessons::LessonStep& step = lesson.steps[at];
  LessonsUi& l = state.lessons;
  MarkSeen(l.progress, lesson, at);
  if (l.answer_lesson != active || l.answer_step != at) {  // a new step: a fresh answer field
    l.answer_lesson = active;
    l.answer_step = at;
    l.typed[0] = '\0';
    l.choice = -1;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const Rect& dock = state.lesson_dock;
  const bool docked = dock.w > 0;
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings;
  if (docked) {  // the room the workspace left for it, beside or under the views
    ImGui::SetNextWindowPos(ImVec2(dock.x, dock.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(dock.w, dock.h), ImGuiCond_Always);
    flags |= ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize;
  } else {
    // Bottom right when it opens or leaves the dock, then where the student drags it; as tall as
    // the step needs (a question and its answer make it taller), so nothing scrolls out of sight.
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 20, vp->WorkPos.y + vp->WorkSize.y - 30),
                            l.docked_last_frame ? ImGuiCond_Always : ImGuiCond_Appearing, ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(std::min(420.0f, vp->WorkSize.x - 40), 0), ImGuiCond_Always);
  }
  l.docked_last_frame = docked;
  bool open = true;
  const std::string title = Fill(tr("Lesson: {0}"), {lesson.Title()}) + "###lesson";
  const bool shown = ImGui::Begin(title.c_str(), &open, flags);
  l.collapsed = ImGui::IsWindowCollapsed();  // the title bar's arrow folds it
  if (shown) {
    if (!docked) {  // grown past the bottom (a hint or an answer appeared): moved up, so Next stays in view
      const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
      const float bottom = vp->WorkPos.y + vp->WorkSize.y;
      if (pos.y + size.y > bottom) ImGui::SetWindowPos(ImVec2(pos.x, std::max(vp->WorkPos.y, bottom - size.y)));
    }
    ImGui::TextDisabled(tr("Step %d of %zu"), at + 1, lesson.steps.size());
    ImGui::TextWrapped("%s", step.Text().c_str());
    if (!step.highlight.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(Readable(kHintColour), tr("Look at: %s"), step.Highlight().c_str());
      ImGui::PopTextWrapPos();
    }
    if (step.question) DrawQuestion(state, lesson, at);
    ImGui::Spacing();
    ImGui::BeginDisabled(at == 0);
    if (ImGui::Button(TrLabel("< Back"))) OpenLessonStep(state, active + 1, at);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (at + 1 < static_cast<int>(lesson.steps.size())) {
      // Next and Finish share an ID, so the keyboard's focus stays on the button when it turns into Finish.
      if (ImGui::Button(TrLabel("Next >###lesson-forward"))) OpenLessonStep(state, active + 1, at + 2);
      NoteLastItem("lesson-next");
    } else {
      if (ImGui::Button(TrLabel("Finish###lesson-forward"))) {
        open = false;
        LessonProgress& p = ProgressOf(l.progress, lesson);
        p.finished = true;
        ++l.progress.revision;
        l.completed = LessonsUi::Completion{active + 1, lesson.title, Score(lesson, p)};
      }
      NoteLastItem("lesson-finish");
    }
    const char* move = docked ? TrLabel("Float") : TrLabel("Dock");
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(move, nullptr, true).x -
                                                         ImGui::GetStyle().FramePadding.x * 2));
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);  // the keyboard goes Back, Next; this is the mouse's
    if (ImGui::SmallButton(move)) l.floating = docked;
    ImGui::PopItemFlag();
    l.content_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;  // from the window's top, title bar included
    NoteLastItem("lesson-dock");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", docked ? tr("a window to drag anywhere (it may cover the view)") : tr("back beside the views, where it covers nothing"));
  }
  ImGui::End();
  if (!open) (void)settings::Set(state.settings, "lesson", "");
}

}  // namespace gradlab::ui
