#include "lessons/lesson.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "settings/registry.h"

namespace gradlab::lessons {

Result<Lesson> ParseLesson(const std::string& text, const std::string& file) {
  using R = Result<Lesson>;
  // ordered_json keeps the settings in the order written: "example" before "bp" matters.
  const auto j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (j.is_discarded()) return R::Error(file + ": not valid JSON");
  if (!j.is_object()) return R::Error(file + ": a lesson is a JSON object with a title and steps");
  Lesson lesson;
  lesson.file = file;
  if (!j.contains("title") || !j["title"].is_string() || j["title"].get<std::string>().empty())
    return R::Error(file + ": the lesson needs a \"title\" (text)");
  lesson.title = j["title"];
  if (j.contains("summary")) {
    if (!j["summary"].is_string()) return R::Error(file + ": \"summary\" must be text");
    lesson.summary = j["summary"];
  }
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty())
    return R::Error(file + ": the lesson needs \"steps\", a list of at least one step");
  // Each step's settings are checked by the registry as the app will apply them: on top of the
  // steps before it, so an input such as "x" is checked against the expression then in force.
  settings::Settings replay;
  int n = 0;
  for (const auto& s : j["steps"]) {
    ++n;
    const std::string where = file + ", step " + std::to_string(n) + ": ";
    if (!s.is_object()) return R::Error(where + "a step is an object with \"text\" and \"open\"");
    LessonStep step;
    if (!s.contains("text") || !s["text"].is_string() || s["text"].get<std::string>().empty())
      return R::Error(where + "the step needs a \"text\"");
    step.text = s["text"];
    if (s.contains("highlight")) {
      if (!s["highlight"].is_string()) return R::Error(where + "\"highlight\" must be text");
      step.highlight = s["highlight"];
    }
    if (s.contains("open")) {
      if (!s["open"].is_object()) return R::Error(where + "\"open\" must be an object of settings, like {\"tab\": \"backprop\"}");
      for (const auto& [key, value] : s["open"].items()) {
        std::string v;
        if (value.is_string()) v = value.get<std::string>();
        else if (value.is_number()) v = value.dump();
        else if (value.is_boolean()) v = value.get<bool>() ? "1" : "0";
        else return R::Error(where + "the setting \"" + key + "\" must be text or a number");
        if (key == "lesson") return R::Error(where + "a lesson cannot open another lesson (\"lesson\" in \"open\")");
        if (Status st = settings::Set(replay, key, v); !st) {
          if (!settings::FindEntry(key))
            return R::Error(where + "unknown setting \"" + settings::Shown(key) + "\" in \"open\" (gradlab-cli settings lists them)");
          return R::Error(where + "setting " + st.message().substr(0, st.message().find('\n')));
        }
        step.open.emplace_back(key, v);
      }
    }
    for (const auto& [key, _] : s.items())
      if (key != "text" && key != "open" && key != "highlight")
        return R::Error(where + "unknown field \"" + key + "\" (a step has text, open and highlight)");
    lesson.steps.push_back(std::move(step));
  }
  return lesson;
}

LessonLibrary LoadLessons(const std::string& dir) {
  LessonLibrary lib;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) {
    lib.problems.push_back("no lessons folder at " + dir);
    return lib;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream f(path);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto lesson = ParseLesson(text, path.filename().string());
    if (lesson) lib.lessons.push_back(std::move(*lesson));
    else lib.problems.push_back(lesson.error());
  }
  return lib;
}

}  // namespace gradlab::lessons
