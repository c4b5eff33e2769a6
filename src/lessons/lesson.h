// Lessons: ordered steps an instructor writes as a JSON file (assets/lessons/*.json); each step
// is a short text, the view to open with its settings (the same settings a link takes), and
// what to look at. Parsing checks everything up front, so a malformed file gives a message
// naming the file, the step and the problem instead of failing half-way through a class.
//
//   {"title": "Backprop on f = (x + y) z", "summary": "...",
//    "steps": [{"text": "...", "open": {"tab": "backprop", "example": "add-mul"},
//               "highlight": "the + node",
//               "question": {"kind": "number", "prompt": "What is df/dx?", "compute": "gradient x",
//                            "hint": "...", "explanation": "..."}}]}
// Every text a student reads may come in Korean too, beside it: "text_ko", "title_ko",
// "prompt_ko", "choices_ko", ... The accessors (Text(), Prompt(), ...) give the language the app
// speaks, English where the Korean is missing; `gradlab-cli lesson check --require ko` names
// each text without its Korean.
// The format is documented by docs/lesson.schema.json (JSON Schema) and docs/lessons.md.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gradlab::lessons {

// Lesson files are small: a megabyte is far more than the longest lesson needs, so a larger file is
// refused before it is parsed.
inline constexpr size_t kMaxLessonBytes = size_t{1} << 20;

using SettingList = std::vector<std::pair<std::string, std::string>>;  // link settings, in order

// A question a step asks. A wrong answer gets the hint; a second wrong answer shows the worked
// answer (the explanation, with the right answer).
struct Question {
  enum class Kind { kNumber, kChoice, kPredict } kind = Kind::kNumber;
  std::string prompt, hint, explanation;
  std::string prompt_ko, hint_ko, explanation_ko;
  // number: the answer, typed by the author ("answer") or computed by the engine from the step's
  // settings ("compute", see answers.h; the file's reader fills `answer` in), within `tolerance`.
  double answer = 0;
  double tolerance = -1;  // -1: 1 % of the answer, at least 0.01 (the lecture rounds to 2 places)
  std::string compute;
  // choice and predict: the choices, and which is right (predict: -1 when any prediction goes,
  // as in "what do you expect?"; it is then not scored).
  std::vector<std::string> choices, choices_ko;  // choices_ko: empty, or one per choice
  int right = -1;
  // predict: what the step does once the student has committed, e.g. {"train": "1"}.
  SettingList run;

  bool scored() const { return kind != Kind::kPredict || right >= 0; }
  std::string Prompt() const;
  std::string Hint() const;
  std::string Explanation() const;
  std::string Choice(size_t i) const;
  const char* kind_name() const;  // as the file writes it: "number", "choice" or "predict"
  bool IsRight(double typed) const;  // a number question's answer, within the tolerance
};

struct LessonStep {
  std::string text, text_ko;
  SettingList open;                    // link settings, applied in order
  std::string highlight, highlight_ko; // what to look at (may be empty)
  std::optional<Question> question;
  std::string Text() const;
  std::string Highlight() const;
};

struct Lesson {
  std::string file, title, summary;
  std::string title_ko, summary_ko;
  std::vector<LessonStep> steps;
  std::string Title() const;
  std::string Summary() const;
};

// Each text of the lesson that has no Korean beside it, as "file, step N: \"text_ko\" is missing".
std::vector<std::string> MissingTranslations(const Lesson& lesson, const std::string& language);

Result<Lesson> ParseLesson(const std::string& json_text, const std::string& file_name);

// The order of lesson files, which numbers them (?lesson=N): by the whole number a file name
// starts with, so 2-... comes before 10-..., then by name. scripts/lms-package and
// cmake/LessonIndex.cmake (COMPARE NATURAL) list them the same way.
bool LessonOrder(const std::string& a, const std::string& b);

// What a student's progress is kept under: the file name without the number (and dash) it starts
// with, so "9-backprop-add-mul.json" keeps its progress when it is renumbered.
std::string LessonKey(const std::string& file);

// Reads every *.json in `dir`, in LessonOrder; broken files come back as messages.
struct LessonLibrary {
  std::vector<Lesson> lessons;
  std::vector<std::string> problems;
};
LessonLibrary LoadLessons(const std::string& dir);

}  // namespace gradlab::lessons
