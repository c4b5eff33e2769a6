// The Lessons tab lists the lesson files; a started lesson shows as a small window over any tab,
// with its text, what to look at, and Back / Next, and opens each step's view with its settings.
#pragma once
#include "lessons/lesson.h"

namespace gradlab::ui {

struct AppState;

struct LessonsUi {
  bool loaded = false;
  lessons::LessonLibrary library;
  int active = -1;  // lesson being walked through, or -1
  int step = 0;
};

void DrawLessonsTab(AppState& state);
void DrawLessonWindow(AppState& state);  // over every tab while a lesson runs
// Starts lesson `index` (0-based) at step 1, or moves within it; false if there is no such one.
bool OpenLessonStep(AppState& state, int lesson, int step);

}  // namespace gradlab::ui
