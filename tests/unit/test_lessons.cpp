// Lesson files: the shipped ones load; malformed ones are refused with the file, step and problem.
#include <catch2/catch.hpp>

#include "graph/stepper.h"
#include "i18n/translate.h"
#include "lessons/lesson.h"
#include "settings/registry.h"

using namespace gradlab::lessons;

TEST_CASE("The shipped lessons load", "[lessons]") {
  const LessonLibrary lib = LoadLessons(std::string(GRADLAB_SOURCE_DIR) + "/assets/lessons");
  INFO((lib.problems.empty() ? "" : lib.problems.front()));
  CHECK(lib.problems.empty());
  REQUIRE(lib.lessons.size() == 16);
  // In the lecture's order: image classification first, backprop after the neural networks.
  CHECK(lib.lessons[0].title == "Image classification and its challenges");
  CHECK(lib.lessons[8].title == "Backprop on f = (x + y) z");
  for (const Lesson& l : lib.lessons) CHECK(l.steps.size() >= 4);
  CHECK(lib.lessons[8].steps[0].open.front() == std::pair<std::string, std::string>{"tab", "backprop"});
}

TEST_CASE("Malformed lessons name the file, the step and the problem", "[lessons]") {
  CHECK(ParseLesson("{", "a.json").error() == "a.json: not valid JSON");
  CHECK(ParseLesson("[]", "a.json").error().find("a JSON object") != std::string::npos);
  CHECK(ParseLesson(R"({"steps": [{"text": "x"}]})", "a.json").error() == "a.json: the lesson needs a \"title\" (text)");
  CHECK(ParseLesson(R"({"title": "t", "steps": []})", "a.json").error().find("at least one step") != std::string::npos);
  CHECK(ParseLesson(R"({"title": "t", "steps": [{"text": "ok"}, {"open": {}}]})", "b.json").error() ==
        "b.json, step 2: the step needs a \"text\"");
  CHECK(ParseLesson(R"({"title": "t", "steps": [{"text": "ok", "open": {"tab": ["x"]}}]})", "c.json").error() ==
        "c.json, step 1: the setting \"tab\" must be text or a number");
  CHECK(ParseLesson(R"({"title": "t", "steps": [{"text": "ok", "open": {"not a key!": 1}}]})", "d.json").error() ==
        "d.json, step 1: unknown setting \"not a key!\" in \"open\" (gradlab-cli settings lists them)");
  CHECK(ParseLesson(R"({"title": "t", "steps": [{"text": "ok", "hilite": "x"}]})", "e.json").error().find("unknown field \"hilite\"") !=
        std::string::npos);
  auto ok = ParseLesson(R"({"title": "t", "steps": [{"text": "ok", "open": {"x": -2, "train": true}}]})", "f.json");
  REQUIRE(ok.ok());
  CHECK(ok->steps[0].open == std::vector<std::pair<std::string, std::string>>{{"x", "-2"}, {"train", "1"}});
  CHECK(LoadLessons("/no/such/folder").problems.front().find("no lessons folder") != std::string::npos);
}

TEST_CASE("Lesson settings are checked against the settings registry", "[lessons][settings]") {
  auto error = [](const char* open_blocks) {
    const std::string text = std::string(R"({"title": "t", "steps": [)") + open_blocks + "]}";
    auto lesson = ParseLesson(text, "q.json");
    return lesson ? std::string("(accepted)") : lesson.error();
  };
  // A misspelt key that looks like a variable is not waved through any more.
  CHECK(error(R"({"text": "a", "open": {"tab": "train", "lern_rate": 0.1}})") ==
        "q.json, step 1: unknown setting \"lern_rate\" in \"open\" (gradlab-cli settings lists them)");
  // Bad values are named with the registry's own words.
  CHECK(error(R"({"text": "a", "open": {"lr": -1}})") == "q.json, step 1: setting lr: must be a number above 0, up to 1000000");
  CHECK(error(R"({"text": "a", "open": {"view": "weight"}})").find("q.json, step 1: setting view: must be one of curves, weights") == 0);
  CHECK(error(R"({"text": "a", "open": {"model": "mlp:8 pool2"}})").find("q.json, step 1: setting model: after mlp:... only an activation") == 0);
  CHECK(error(R"({"text": "a", "open": {"bp": "sideways"}})").find("setting bp: must be one of step, back") != std::string::npos);
  // Inputs are checked against the expression in force at that step, steps building on each other.
  CHECK(error(R"({"text": "a", "open": {"example": "add-mul", "x": 3}})") == "(accepted)");
  CHECK(error(R"({"text": "a", "open": {"expr": "f = a * b"}}, {"text": "b", "open": {"x": 3}})") ==
        "q.json, step 2: unknown setting \"x\" in \"open\" (gradlab-cli settings lists them)");
  CHECK(error(R"({"text": "a", "open": {"expr": "f = a * b"}}, {"text": "b", "open": {"a": 3}})") == "(accepted)");
  CHECK(error(R"({"text": "a", "open": {"lesson": "2"}})").find("cannot open another lesson") != std::string::npos);
  // "v" is every link's version, so a variable named v takes its value through inputs.
  CHECK(error(R"({"text": "a", "open": {"expr": "f = v * 2", "v": 4}})").find("q.json, step 1: setting v: is a link's version") == 0);
  CHECK(error(R"({"text": "a", "open": {"expr": "f = v * 2", "inputs": "v:4"}})") == "(accepted)");
  // Old link keys still work in lessons.
  CHECK(error(R"({"text": "a", "open": {"per_class": 100}})") == "(accepted)");
}

TEST_CASE("Lessons are numbered by the number their file name starts with", "[lessons]") {
  CHECK(LessonOrder("2-b.json", "10-a.json"));
  CHECK_FALSE(LessonOrder("10-a.json", "2-b.json"));
  CHECK(LessonOrder("2-a.json", "2-b.json"));
  CHECK(LessonOrder("99-z.json", "intro.json"));  // a name without a number comes last
  const LessonLibrary lib = LoadLessons(std::string(GRADLAB_SOURCE_DIR) + "/assets/lessons");
  REQUIRE(lib.lessons.size() >= 10);
  CHECK(lib.lessons[1].file == "2-data-driven.json");
  CHECK(lib.lessons[9].file == "10-sigmoid-neuron.json");
}

TEST_CASE("Progress is kept by the file name without its number, so renumbering keeps it", "[lessons]") {
  CHECK(LessonKey("10-sigmoid-neuron.json") == "sigmoid-neuron.json");
  CHECK(LessonKey("2-sigmoid-neuron.json") == LessonKey("10-sigmoid-neuron.json"));
  CHECK(LessonKey("mine.json") == "mine.json");
  CHECK(LessonKey("2024.json") == "2024.json");  // a number alone is the name
  CHECK(LessonKey("7-") == "7-");
  CHECK(LessonKey("https://example.edu/1-a.json") == "https://example.edu/1-a.json");
}

static const Lesson& LessonNamed(const LessonLibrary& lib, const std::string& key) {
  for (const Lesson& l : lib.lessons)
    if (LessonKey(l.file) == key) return l;
  FAIL("no lesson " << key);
  return lib.lessons.front();
}

// Opens a lesson step as the app does (settings/registry.h ApplyLink): the settings of every step
// up to it, in order, with earlier steps' actions left out except bp moves.
static gradlab::settings::Settings OpenStep(const Lesson& lesson, int step) {
  using namespace gradlab::settings;
  Pairs pairs;
  for (int i = 0; i <= step; ++i)
    for (const auto& [key, value] : lesson.steps[i].open) {
      const Entry* e = FindEntry(key);
      if (i < step && e && e->is_action() && e->key != "bp") continue;
      pairs.emplace_back(key, value);
    }
  Settings s;
  const LinkOutcome outcome = ApplyLink(s, pairs);
  INFO((outcome.problems.empty() ? "" : outcome.problems.front()));
  CHECK(outcome.problems.empty());
  return s;
}

TEST_CASE("The sigmoid lesson speaks of f(1 - f) = 0.2 where that gradient is on the screen", "[lessons][graph]") {
  const LessonLibrary lib = LoadLessons(std::string(GRADLAB_SOURCE_DIR) + "/assets/lessons");
  const Lesson& lesson = LessonNamed(lib, "sigmoid-neuron.json");
  REQUIRE(lesson.steps.size() >= 3);
  REQUIRE(lesson.steps[2].text.find("f (1 - f) = 0.73 x 0.27 = 0.2") != std::string::npos);
  const gradlab::settings::Settings s = OpenStep(lesson, 2);
  auto graph = gradlab::settings::ResolveBackprop(s.backprop);
  REQUIRE(graph.ok());
  auto stepper = gradlab::graph::MakeStepper(graph->expression, graph->values, graph->labels);
  REQUIRE(stepper.ok());
  stepper->Seek(s.backprop.step);
  // The step on screen is the backward step of the negation: it hands the weighted sum its
  // gradient, which is the sigmoid's local gradient f (1 - f) (the "/" gate shows -1/w^2 instead).
  REQUIRE(stepper->phase() == gradlab::graph::Phase::kBackward);
  CHECK(stepper->graph().node(stepper->current_node()).op == gradlab::graph::Op::kNeg);
  const double f = stepper->result().node(stepper->result().output()).value;
  REQUIRE(stepper->edges().size() == 1);
  CHECK(stepper->edges()[0].downstream == Approx(f * (1 - f)));
  CHECK(stepper->edges()[0].downstream == Approx(0.2).margin(0.005));
}

TEST_CASE("A lesson's Korean twins are shown when the app speaks Korean, English where one is missing", "[lessons][i18n]") {
  const char* text = R"({"title": "Backprop", "title_ko": "역전파",
    "steps": [{"text": "Step through it.", "text_ko": "한 스텝씩 따라가 보세요.", "highlight": "the + node",
               "question": {"kind": "choice", "prompt": "Which?", "prompt_ko": "어느 것입니까?", "choices": ["add", "max"],
                            "choices_ko": ["덧셈", "최댓값"], "answer": "max", "hint": "Patterns.", "explanation": "max routes."}}]})";
  auto lesson = gradlab::lessons::ParseLesson(text, "twins.json");
  REQUIRE(lesson.ok());
  const auto& step = lesson->steps[0];
  CHECK(step.Text() == "Step through it.");
  CHECK(step.question->Choice(1) == "max");
  gradlab::i18n::Speak(gradlab::i18n::Catalog(), "ko");
  CHECK(lesson->Title() == "역전파");
  CHECK(step.Text() == "한 스텝씩 따라가 보세요.");
  CHECK(step.Highlight() == "the + node");  // no highlight_ko: the English
  CHECK(step.question->Prompt() == "어느 것입니까?");
  CHECK(step.question->Choice(1) == "최댓값");
  CHECK(step.question->right == 1);  // the answer is the choice's place, in either language
  CHECK(step.question->Hint() == "Patterns.");
  gradlab::i18n::SpeakEnglish();
  CHECK(lesson->Title() == "Backprop");
  const auto missing = gradlab::lessons::MissingTranslations(*lesson, "ko");
  REQUIRE(missing.size() == 3);
  CHECK(missing[0] == "twins.json: step 1: \"highlight_ko\" is missing");
}

TEST_CASE("A Korean twin that is empty, alone or the wrong length is refused", "[lessons][i18n]") {
  using gradlab::lessons::ParseLesson;
  auto wrong = ParseLesson(R"({"title": "t", "steps": [{"text": "x", "text_ko": ""}]})", "empty.json");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("\"text_ko\" must be text") != std::string::npos);
  wrong = ParseLesson(R"({"title": "t", "steps": [{"text": "x", "highlight_ko": "여기"}]})", "alone.json");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("\"highlight_ko\" without \"highlight\"") != std::string::npos);
  wrong = ParseLesson(R"({"title": "t", "steps": [{"text": "x", "question": {"kind": "choice", "prompt": "p", "choices": ["a", "b"],
      "choices_ko": ["가"], "answer": "a", "hint": "h", "explanation": "e"}}]})", "short.json");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("one for each choice") != std::string::npos);
  wrong = ParseLesson(R"({"title": "t", "title_ko": 3, "steps": [{"text": "x"}]})", "number.json");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().find("\"title_ko\" must be text") != std::string::npos);
}
