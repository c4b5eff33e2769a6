// Lessons: ordered steps an instructor writes as a JSON file (assets/lessons/*.json); each step
// is a short text, the view to open with its settings (the same settings a link takes), and
// what to look at. Parsing checks everything up front, so a malformed file gives a message
// naming the file, the step and the problem instead of failing half-way through a class.
//
//   {"title": "Backprop on f = (x + y) z", "summary": "...",
//    "steps": [{"text": "...", "open": {"tab": "backprop", "example": "add-mul"},
//               "highlight": "the + node"}]}
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gradlab::lessons {

struct LessonStep {
  std::string text;
  std::vector<std::pair<std::string, std::string>> open;  // link settings, applied in order
  std::string highlight;                                  // what to look at (may be empty)
};

struct Lesson {
  std::string file, title, summary;
  std::vector<LessonStep> steps;
};

Result<Lesson> ParseLesson(const std::string& json_text, const std::string& file_name);

// Reads every *.json in `dir`, sorted by name; broken files come back as messages.
struct LessonLibrary {
  std::vector<Lesson> lessons;
  std::vector<std::string> problems;
};
LessonLibrary LoadLessons(const std::string& dir);

}  // namespace gradlab::lessons
