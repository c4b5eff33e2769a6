// `gradlab-cli lesson check FILE...`: what an instructor runs on a lesson file before putting it
// on a course page. Prints every problem (the JSON, unknown or bad settings, a question whose
// answer the engine cannot compute) with the file, step and key, or what each file teaches.
#include <iostream>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "io/file_io.h"
#include "lessons/lesson.h"

namespace gradlab::cli {

namespace {

int CountQuestions(const lessons::Lesson& lesson) {
  int n = 0;
  for (const auto& step : lesson.steps) n += step.question ? 1 : 0;
  return n;
}

}  // namespace

int RunLesson(const std::vector<std::string>& words) {
  CommandLine cmd("lesson", "check FILE...",
                  "Checks lesson files as the app reads them (docs/lessons.md; the schema is docs/lesson.schema.json):\n"
                  "every problem is printed with its file, step and key. Exit 0 when every file is a lesson.\n"
                  "With --require ko, a text without its Korean twin (\"text_ko\" beside \"text\") is a problem too.",
                  {{"json", "", "print one JSON object per file: file, ok, title, steps, questions, problems", ""},
                   {"require", "LANG", "every text must have its translation into LANG (only ko)", ""}}, words);
  if (auto stop = cmd.Start(true)) return *stop;
  const auto& words_left = cmd.args().positionals();
  if (words_left.empty() || words_left[0] != "check") return cmd.UsageError("the only action is 'check': gradlab-cli lesson check FILE...");
  if (words_left.size() < 2) return cmd.UsageError("name at least one lesson file");
  const bool json = cmd.args().flag("json");
  const std::string require = cmd.args().get("require");
  if (!require.empty() && require != "ko") return cmd.UsageError("--require takes ko (the only language lessons are translated to), not '" + require + "'");
  int bad = 0;
  for (size_t i = 1; i < words_left.size(); ++i) {
    const std::string& path = words_left[i];
    auto bytes = ReadFileBytes(path, lessons::kMaxLessonBytes);
    auto lesson = bytes ? lessons::ParseLesson(std::string(bytes->begin(), bytes->end()), path)
                        : Result<lessons::Lesson>::Error(bytes.error());
    if (lesson && !require.empty()) {  // a lesson without its translation is a problem like any other
      std::string missing;
      for (const std::string& m : lessons::MissingTranslations(*lesson, require)) missing += (missing.empty() ? "" : "\n") + m;
      if (!missing.empty()) lesson = Result<lessons::Lesson>::Error(missing);
    }
    if (!lesson) ++bad;
    if (json) {
      nlohmann::json j = {{"file", path}, {"ok", lesson.ok()}};
      if (lesson) j.update({{"title", lesson->title}, {"steps", lesson->steps.size()}, {"questions", CountQuestions(*lesson)}});
      std::vector<std::string> problems;
      for (size_t at = 0, next = 0; !lesson && at <= lesson.error().size(); at = next + 1) {  // one problem a line
        next = std::min(lesson.error().find('\n', at), lesson.error().size());
        problems.push_back(lesson.error().substr(at, next - at));
      }
      j["problems"] = problems;
      std::cout << j.dump() << "\n";
    } else if (lesson) {
      std::cout << path << ": \"" << lesson->title << "\", " << lesson->steps.size() << " steps, "
                << CountQuestions(*lesson) << " questions: fine\n";
    } else {
      std::cerr << lesson.error() << "\n";
    }
  }
  if (bad) return cmd.Failure(std::to_string(bad) + " of " + std::to_string(words_left.size() - 1) + " files have problems");
  return kExitOk;
}

}  // namespace gradlab::cli
