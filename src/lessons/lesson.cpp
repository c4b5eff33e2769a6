#include "lessons/lesson.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include <nlohmann/json.hpp>

#include "i18n/translate.h"
#include "lessons/answers.h"
#include "settings/registry.h"

namespace gradlab::lessons {

namespace {

using Json = nlohmann::ordered_json;

// A problem in a lesson file: where it is ("intro.json, step 2: "), then what, translated.
Status Problem(const std::string& where, const char* pattern, std::initializer_list<std::string_view> values = {}) {
  return Status::Error(where + Fill(tr(pattern), values));
}

// Reads an object of link settings ("open", a question's "run"), checking each with the registry
// on top of `replay` (the settings the steps before left), as the app will apply them.
Status ReadSettings(const Json& object, const std::string& where, const std::string& field, settings::Settings& replay,
                    SettingList& out) {
  if (!object.is_object()) return Problem(where, N_("\"{0}\" must be an object of settings, like {\"tab\": \"backprop\"}"), {field});
  for (const auto& [key, value] : object.items()) {
    std::string v;
    if (value.is_string()) v = value.get<std::string>();
    else if (value.is_number()) v = value.dump();
    else if (value.is_boolean()) v = value.get<bool>() ? "1" : "0";
    else return Problem(where, N_("the setting \"{0}\" must be text or a number"), {key});
    if (key == "lesson") return Problem(where, N_("a lesson cannot open another lesson (\"lesson\" in \"{0}\")"), {field});
    if (Status st = settings::Set(replay, key, v); !st) {
      if (!settings::FindEntry(key) && key != settings::kLinkVersionKey)  // the registry's own words say why
        return Problem(where, N_("unknown setting \"{0}\" in \"{1}\" (gradlab-cli settings lists them)"), {settings::Shown(key), field});
      return Problem(where, N_("setting {0}"), {st.message().substr(0, st.message().find('\n'))});
    }
    out.emplace_back(key, v);
  }
  return Status();
}

Status ReadText(const Json& q, const char* key, const std::string& where, bool required, std::string& out) {
  if (!q.contains(key)) return required ? Problem(where, N_("the question needs \"{0}\" (text)"), {key}) : Status();
  if (!q[key].is_string() || q[key].get<std::string>().empty()) return Problem(where, N_("question \"{0}\" must be text"), {key});
  out = q[key];
  return Status();
}

// A text's Korean twin ("text_ko" beside "text"): optional, but not empty when given.
Status ReadKorean(const Json& object, const std::string& key, const std::string& where, std::string& out) {
  const std::string twin = key + "_ko";
  if (!object.contains(twin)) return Status();
  if (!object.contains(key)) return Problem(where, N_("\"{0}\" without \"{1}\""), {twin, key});
  if (!object[twin].is_string() || object[twin].get<std::string>().empty()) return Problem(where, N_("\"{0}\" must be text"), {twin});
  out = object[twin];
  return Status();
}

Result<Question> ReadQuestion(const Json& q, const std::string& step_where, const settings::Settings& replay) {
  using R = Result<Question>;
  const std::string where = step_where + tr("question: ");
  if (!q.is_object()) return Problem(where, N_("a question is an object with a kind and a prompt"));
  Question out;
  const std::string kind = q.contains("kind") && q["kind"].is_string() ? q["kind"].get<std::string>() : "";
  bool known = false;
  for (Question::Kind k : {Question::Kind::kNumber, Question::Kind::kChoice, Question::Kind::kPredict}) {
    out.kind = k;
    if (kind == out.kind_name()) {
      known = true;
      break;
    }
  }
  if (!known) return Problem(where, N_("\"kind\" must be number, choice or predict"));
  if (Status st = ReadText(q, "prompt", where, true, out.prompt); !st) return R::Error(st.message());
  if (Status st = ReadText(q, "hint", where, out.kind != Question::Kind::kPredict, out.hint); !st) return R::Error(st.message());
  if (Status st = ReadText(q, "explanation", where, true, out.explanation); !st) return R::Error(st.message());
  for (auto [key, twin] : {std::pair{"prompt", &out.prompt_ko}, {"hint", &out.hint_ko}, {"explanation", &out.explanation_ko}})
    if (Status st = ReadKorean(q, key, where, *twin); !st) return R::Error(st.message());
  std::vector<std::string> allowed = {"kind", "prompt", "hint", "explanation", "prompt_ko", "hint_ko", "explanation_ko"};
  if (out.kind == Question::Kind::kNumber) {
    allowed.insert(allowed.end(), {"answer", "compute", "tolerance"});
    if (q.contains("answer") == q.contains("compute"))
      return Problem(where, N_("a number question has either \"answer\" (a number) or \"compute\" (what the engine computes), not both"));
    if (q.contains("answer")) {
      if (!q["answer"].is_number() || !std::isfinite(q["answer"].get<double>())) return Problem(where, N_("\"answer\" must be a number"));
      out.answer = q["answer"];
    } else {
      if (!q["compute"].is_string()) return Problem(where, N_("\"compute\" must be text, e.g. \"gradient x\""));
      out.compute = q["compute"];
      auto value = ComputeAnswer(out.compute, replay);
      if (!value) return Problem(where, N_("\"compute\": {0}"), {value.error()});
      out.answer = *value;
    }
    if (q.contains("tolerance")) {
      if (!q["tolerance"].is_number() || !(q["tolerance"].get<double>() >= 0) || !std::isfinite(q["tolerance"].get<double>()))
        return Problem(where, N_("\"tolerance\" must be a number from 0"));
      out.tolerance = q["tolerance"];
    }
  } else {
    allowed.insert(allowed.end(), {"choices", "choices_ko", "answer"});
    if (out.kind == Question::Kind::kPredict) allowed.push_back("run");
    if (!q.contains("choices") || !q["choices"].is_array() || q["choices"].size() < 2 || q["choices"].size() > 8)
      return Problem(where, N_("\"choices\" must be a list of 2 to 8 texts"));
    for (const auto& c : q["choices"]) {
      if (!c.is_string() || c.get<std::string>().empty()) return Problem(where, N_("every choice must be text"));
      if (std::find(out.choices.begin(), out.choices.end(), c.get<std::string>()) != out.choices.end())
        return Problem(where, N_("the choice \"{0}\" is there twice"), {c.get<std::string>()});
      out.choices.push_back(c);
    }
    if (q.contains("choices_ko")) {
      const Json& ko = q["choices_ko"];
      if (!ko.is_array() || ko.size() != out.choices.size() ||
          std::any_of(ko.begin(), ko.end(), [](const Json& c) { return !c.is_string() || c.get<std::string>().empty(); }))
        return Problem(where, N_("\"choices_ko\" must be a list of texts, one for each choice, in the same order"));
      for (const auto& c : ko) out.choices_ko.push_back(c);
    }
    if (q.contains("answer")) {
      const auto it = q["answer"].is_string() ? std::find(out.choices.begin(), out.choices.end(), q["answer"].get<std::string>()) : out.choices.end();
      if (it == out.choices.end()) return Problem(where, N_("\"answer\" must be one of the choices, as written"));
      out.right = static_cast<int>(it - out.choices.begin());
    } else if (out.kind == Question::Kind::kChoice) {
      return Problem(where, N_("a choice question needs \"answer\": the right choice, as written"));
    }
    if (q.contains("run")) {
      settings::Settings after = replay;  // checked as it will apply; the next step sets what it needs
      if (Status st = ReadSettings(q["run"], where, "run", after, out.run); !st) return R::Error(st.message());
    }
  }
  for (const auto& [key, _] : q.items())
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return Problem(where, N_("unknown field \"{0}\" for a {1} question"), {key, kind});
  return out;
}

// One step, read on top of `replay`; the first problem in it, if any.
Status ReadStep(const Json& s, const std::string& where, settings::Settings& replay, LessonStep& step) {
  if (!s.is_object()) return Problem(where, N_("a step is an object with \"text\" and \"open\""));
  for (const auto& [key, _] : s.items())
    if (key != "text" && key != "open" && key != "highlight" && key != "question" && key != "text_ko" && key != "highlight_ko")
      return Problem(where, N_("unknown field \"{0}\" (a step has text, open, highlight and question, and text_ko, highlight_ko)"), {key});
  if (!s.contains("text") || !s["text"].is_string() || s["text"].get<std::string>().empty())
    return Problem(where, N_("the step needs a \"text\""));
  step.text = s["text"];
  if (s.contains("highlight")) {
    if (!s["highlight"].is_string()) return Problem(where, N_("\"highlight\" must be text"));
    step.highlight = s["highlight"];
  }
  if (Status st = ReadKorean(s, "text", where, step.text_ko); !st) return st;
  if (Status st = ReadKorean(s, "highlight", where, step.highlight_ko); !st) return st;
  if (s.contains("open"))
    if (Status st = ReadSettings(s["open"], where, "open", replay, step.open); !st) return st;
  if (s.contains("question")) {
    auto question = ReadQuestion(s["question"], where, replay);
    if (!question) return Status::Error(question.error());
    step.question = std::move(*question);
  }
  return Status();
}

}  // namespace

std::string Question::Prompt() const { return i18n::InSpokenLanguage(prompt, prompt_ko); }
std::string Question::Hint() const { return i18n::InSpokenLanguage(hint, hint_ko); }
std::string Question::Explanation() const { return i18n::InSpokenLanguage(explanation, explanation_ko); }
std::string Question::Choice(size_t i) const {
  return i18n::InSpokenLanguage(choices.at(i), i < choices_ko.size() ? choices_ko[i] : std::string());
}
std::string LessonStep::Text() const { return i18n::InSpokenLanguage(text, text_ko); }
std::string LessonStep::Highlight() const { return highlight.empty() ? "" : i18n::InSpokenLanguage(highlight, highlight_ko); }
std::string Lesson::Title() const { return i18n::InSpokenLanguage(title, title_ko); }
std::string Lesson::Summary() const { return summary.empty() ? "" : i18n::InSpokenLanguage(summary, summary_ko); }

std::vector<std::string> MissingTranslations(const Lesson& lesson, const std::string& language) {
  std::vector<std::string> missing;
  const std::string suffix = "_" + language;
  auto need = [&](const std::string& where, const std::string& text, const std::string& twin, const char* key) {
    if (!text.empty() && twin.empty()) missing.push_back(lesson.file + ": " + where + "\"" + key + suffix + "\" is missing");
  };
  need("", lesson.title, lesson.title_ko, "title");
  need("", lesson.summary, lesson.summary_ko, "summary");
  for (size_t i = 0; i < lesson.steps.size(); ++i) {
    const LessonStep& s = lesson.steps[i];
    const std::string where = "step " + std::to_string(i + 1) + ": ";
    need(where, s.text, s.text_ko, "text");
    need(where, s.highlight, s.highlight_ko, "highlight");
    if (!s.question) continue;
    const Question& q = *s.question;
    need(where + "question: ", q.prompt, q.prompt_ko, "prompt");
    need(where + "question: ", q.hint, q.hint_ko, "hint");
    need(where + "question: ", q.explanation, q.explanation_ko, "explanation");
    if (!q.choices.empty() && q.choices_ko.empty()) missing.push_back(lesson.file + ": " + where + "question: \"choices" + suffix + "\" is missing");
  }
  return missing;
}

bool Question::IsRight(double typed) const {
  const double allowed = tolerance >= 0 ? tolerance : std::max(0.01, 0.01 * std::fabs(answer));
  return std::isfinite(typed) && std::fabs(typed - answer) <= allowed + 1e-12;
}

Result<Lesson> ParseLesson(const std::string& text, const std::string& file) {
  using R = Result<Lesson>;
  // ordered_json keeps the settings in the order written: "example" before "bp" matters.
  const auto j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) return Problem(file + ": ", N_("not valid JSON"));
  if (!j.is_object()) return Problem(file + ": ", N_("a lesson is a JSON object with a title and steps"));
  Lesson lesson;
  lesson.file = file;
  std::vector<std::string> problems;  // every one, so an author fixes a file in one go
  for (const auto& [key, _] : j.items())
    if (key != "title" && key != "summary" && key != "steps" && key != "title_ko" && key != "summary_ko")
      problems.push_back(Problem(file + ": ", N_("unknown field \"{0}\" (a lesson has title, summary and steps, and title_ko, summary_ko)"), {key}).message());
  if (!j.contains("title") || !j["title"].is_string() || j["title"].get<std::string>().empty())
    problems.push_back(Problem(file + ": ", N_("the lesson needs a \"title\" (text)")).message());
  else
    lesson.title = j["title"];
  if (j.contains("summary")) {
    if (!j["summary"].is_string()) problems.push_back(Problem(file + ": ", N_("\"summary\" must be text")).message());
    else lesson.summary = j["summary"];
  }
  for (auto [key, twin] : {std::pair{"title", &lesson.title_ko}, {"summary", &lesson.summary_ko}})
    if (Status st = ReadKorean(j, key, file + ": ", *twin); !st) problems.push_back(st.message());
  if (!j.contains("steps") || !j["steps"].is_array() || j["steps"].empty()) {
    problems.push_back(Problem(file + ": ", N_("the lesson needs \"steps\", a list of at least one step")).message());
  } else {
    // Each step's settings are checked by the registry as the app will apply them: on top of the
    // steps before it, so an input such as "x" is checked against the expression then in force.
    settings::Settings replay;
    int n = 0;
    for (const auto& s : j["steps"]) {
      LessonStep step;
      if (Status st = ReadStep(s, Fill(tr("{0}, step {1}: "), {file, std::to_string(++n)}), replay, step); !st) problems.push_back(st.message());
      lesson.steps.push_back(std::move(step));
    }
  }
  if (problems.empty()) return lesson;
  std::string all;
  for (const std::string& p : problems) all += (all.empty() ? "" : "\n") + p;
  return R::Error(all);
}

const char* Question::kind_name() const {
  switch (kind) {
    case Kind::kNumber: return "number";
    case Kind::kChoice: return "choice";
    case Kind::kPredict: return "predict";
  }
  return "?";
}

bool LessonOrder(const std::string& a, const std::string& b) {
  // The whole number a name starts with; names without one come after all that have one.
  const auto number = [](const std::string& name) {
    size_t digits = 0;
    while (digits < name.size() && digits < 9 && name[digits] >= '0' && name[digits] <= '9') ++digits;
    return digits ? std::stol(name.substr(0, digits)) : std::numeric_limits<long>::max();
  };
  const long na = number(a), nb = number(b);
  return na != nb ? na < nb : a < b;
}

std::string LessonKey(const std::string& file) {
  size_t digits = 0;
  while (digits < file.size() && file[digits] >= '0' && file[digits] <= '9') ++digits;
  if (digits == 0 || digits + 1 >= file.size() || file[digits] != '-') return file;
  return file.substr(digits + 1);
}

LessonLibrary LoadLessons(const std::string& dir) {
  LessonLibrary lib;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec) {
    lib.problems.push_back(Fill(tr("no lessons folder at {0}"), {dir}));
    return lib;
  }
  // By the number a name starts with (2-... before 10-...), then by name: LessonOrder in lesson.h.
  std::sort(files.begin(), files.end(), [](const std::filesystem::path& a, const std::filesystem::path& b) {
    return LessonOrder(a.filename().string(), b.filename().string());
  });
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
