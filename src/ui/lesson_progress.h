// A student's progress through the lessons: the steps seen, each question's attempts, the score.
// Kept with the session (the browser's storage, session files), shown in the Lessons tab, and
// reset from there. Keyed by the lesson's file name without its number (lessons::LessonKey), so a
// new or renumbered lesson does not move anyone's progress to another lesson.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "lessons/lesson.h"

namespace gradlab::ui {

struct QuestionAttempt {
  int wrong = 0;          // wrong answers so far
  bool right = false;     // answered right before the worked answer was shown
  bool revealed = false;  // the worked answer is on screen (after a right answer or two wrong ones)
  int chosen = -1;        // choice and predict: the choice made
  bool committed = false; // predict: the prediction is made and the step has run
};

struct LessonProgress {
  std::vector<bool> seen;                  // per step
  std::map<int, QuestionAttempt> answers;  // by step (0-based)
  bool finished = false;
};

struct LessonProgressBook {
  std::map<std::string, LessonProgress> lessons;  // by lessons::LessonKey of the file name
  int revision = 0;                               // bumps on every change, so the keeper stores it
};

// The lesson's progress, sized to its steps.
LessonProgress& ProgressOf(LessonProgressBook& book, const lessons::Lesson& lesson);
// The lesson's progress if it has any, else null.
const LessonProgress* FindProgress(const LessonProgressBook& book, const lessons::Lesson& lesson);
// 0 to 100: the share of scored questions answered right (within two tries); for a lesson that
// scores no question, the share of its steps seen.
int Score(const lessons::Lesson& lesson, const LessonProgress& progress);
// Records an answer to a number or choice question (`value`: the number typed, or the choice):
// right, a first wrong answer (the hint), or a second (the worked answer). Predictions: Commit.
void Answer(LessonProgressBook& book, const lessons::Lesson& lesson, int step, double value);
void Commit(LessonProgressBook& book, const lessons::Lesson& lesson, int step, int choice);

std::string ProgressToJson(const LessonProgressBook& book);
// Reads what ProgressToJson wrote; anything malformed or for lessons not here is left out.
LessonProgressBook ProgressFromJson(const std::string& json, const lessons::LessonLibrary& library);

}  // namespace gradlab::ui
