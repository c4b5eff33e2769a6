// The Lessons tab lists the lesson files; a started lesson shows as a small window over any tab,
// with its text, what to look at, and Back / Next, and opens each step's view with its settings.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "lessons/lesson.h"

namespace gradlab::ui {

struct AppState;

// The lesson files, read once. Which lesson and step are open is a setting (settings.app.lesson).
struct LessonsUi {
  bool loaded = false;
  lessons::LessonLibrary library;
  // The steps of the open lesson the student has seen (its score while lessons ask no questions).
  int seen_lesson = 0;
  std::vector<bool> seen_steps;
  // Set when the student finishes a lesson; a page embedding the app hears it (embed_events.h).
  struct Completion {
    int lesson = 0;
    std::string title;
    int score = 0;  // 0 to 100
  };
  std::optional<Completion> completed;
};

const lessons::LessonLibrary& LoadedLessons(LessonsUi& l);
void DrawLessonsTab(AppState& state);
void DrawLessonWindow(AppState& state);  // over every tab while a lesson runs
// Opens lesson `lesson`, step `step` (both 1-based) as a link would.
void OpenLessonStep(AppState& state, int lesson, int step);

}  // namespace gradlab::ui
