// The Lessons tab lists the lesson files with the student's progress; a started lesson shows as a
// small window over any tab, with its text, what to look at, its question, and Back / Next, and
// opens each step's view with its settings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lessons/lesson.h"
#include "ui/lesson_progress.h"

namespace gradlab::ui {

struct AppState;

// The lesson files, read once. Which lesson and step are open is a setting (settings.app.lesson).
struct LessonsUi {
  bool loaded = false;
  lessons::LessonLibrary library;
  size_t builtin = 0;           // the first `builtin` lessons are assets/lessons'; then the added ones
  // Lessons an instructor adds (ui/own_lessons.h): the lesson_url fetched, and a lesson asked for
  // ("17.2") while it was still on its way.
  std::string url_fetched, pending_lesson, own_problem;
  bool url_loading = false;
  LessonProgressBook progress;  // steps seen and answers, kept with the session
  bool floating = false;        // the student undocked the lesson window to drag it
  bool collapsed = false;       // folded to its title bar (docked: the views get the room)
  bool docked_last_frame = false;
  float content_height = 0;     // what the step needed last frame: a band under the views takes no more
  // The open step's answer as the student types or picks it, before Check (cleared when the
  // step changes).
  int answer_lesson = -1, answer_step = -1;
  char typed[32] = "";
  int choice = -1;
  // Set when the student finishes a lesson; a page embedding the app hears it (embed_events.h).
  struct Completion {
    int lesson = 0;
    std::string title;
    int score = 0;  // 0 to 100
  };
  std::optional<Completion> completed;
};

const lessons::LessonLibrary& LoadedLessons(LessonsUi& l);
// The lesson being walked through (the `lesson` setting, when that lesson exists), or null.
const lessons::Lesson* ActiveLesson(AppState& state);
void DrawLessonsTab(AppState& state);
void DrawLessonWindow(AppState& state);  // over every tab while a lesson runs
// The open lesson for the test hook: which, the step, its score, and the step's question.
nlohmann::json LessonStateJson(const AppState& state);
// Opens lesson `lesson`, step `step` (both 1-based) as a link would.
void OpenLessonStep(AppState& state, int lesson, int step);

}  // namespace gradlab::ui
