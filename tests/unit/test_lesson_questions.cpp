// Lesson questions (issue 12): numbers computed by the engine from the step's own settings,
// choices and predictions, and every problem of a file reported with its file, step and key.
#include <catch2/catch.hpp>

#include <cmath>

#include "lessons/answers.h"
#include "lessons/lesson.h"
#include "settings/registry.h"

using namespace gradlab;
using namespace gradlab::lessons;

namespace {

settings::Settings With(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  settings::Settings s;
  for (const auto& [k, v] : pairs) REQUIRE(settings::Set(s, k, v).ok());
  return s;
}

std::string Problem(const std::string& steps) {
  auto lesson = ParseLesson(R"({"title": "t", "steps": [)" + steps + "]}", "q.json");
  return lesson ? std::string("(accepted)") : lesson.error();
}

}  // namespace

TEST_CASE("Computed answers are the lecture's numbers", "[lessons][questions]") {
  // f = (x + y) z at x = -2, y = 5, z = -4: q = 3, f = -12, df/dx = df/dy = -4, df/dz = 3.
  const auto add_mul = With({{"example", "add-mul"}});
  CHECK(*ComputeAnswer("value f", add_mul) == -12);
  CHECK(*ComputeAnswer("value q", add_mul) == 3);
  CHECK(*ComputeAnswer("gradient x", add_mul) == -4);
  CHECK(*ComputeAnswer("gradient z", add_mul) == 3);
  CHECK(*ComputeAnswer("gradient x", With({{"example", "add-mul"}, {"x", "1"}})) == -4);  // a new x: the same slope
  // The sigmoid neuron: dw0 = -0.2 (-0.1966...), dx0 = 0.39.
  const auto neuron = With({{"example", "neuron"}});
  CHECK(std::fabs(*ComputeAnswer("gradient w0", neuron) + 0.1966) < 1e-3);
  CHECK(std::fabs(*ComputeAnswer("gradient x0", neuron) - 0.3932) < 1e-3);
  // The losses of the cat column: SVM 2.9, softmax 2.04 (natural log), 0.89 (base 10), p(cat) 0.13.
  const settings::Settings defaults;
  CHECK(std::fabs(*ComputeAnswer("svm_loss", defaults) - 2.9) < 1e-9);
  CHECK(std::fabs(*ComputeAnswer("softmax_loss", defaults) - 2.04) < 0.01);
  CHECK(std::fabs(*ComputeAnswer("softmax_loss_log10", defaults) - 0.89) < 0.01);
  CHECK(std::fabs(*ComputeAnswer("probability 0", defaults) - 0.13) < 0.01);
  // 7x7 input, 3x3 filter: stride 1 gives 5, stride 2 gives 3, stride 3 does not fit.
  CHECK(*ComputeAnswer("conv_output", defaults) == 5);
  CHECK(*ComputeAnswer("conv_output", With({{"conv_s", "2"}})) == 3);
  CHECK(ComputeAnswer("conv_output", With({{"conv_s", "3"}})).error().find("does not fit") != std::string::npos);
  CHECK(*ComputeAnswer("receptive_field", With({{"conv_layers", "3"}, {"conv_f", "3"}})) == 7);
  CHECK(*ComputeAnswer("conv_parameters", With({{"conv_f", "5"}, {"conv_c", "3"}, {"conv_k", "10"}})) == 760);
  // 2x2 max pooling of the lecture's grid: 6 8 3 4.
  for (int k = 0; k < 4; ++k) CHECK(*ComputeAnswer("pooled " + std::to_string(k), defaults) == std::array<int, 4>{6, 8, 3, 4}[k]);
  CHECK(std::fabs(*ComputeAnswer("lr cosine 50", defaults) - 0.05) < 1e-12);
  CHECK(std::fabs(*ComputeAnswer("penalty l2", defaults) - 0.1 * (0.64 + 0.25 + 0.01 + 1.44)) < 1e-12);
}

TEST_CASE("What cannot be computed is said, with the names that can", "[lessons][questions]") {
  const settings::Settings defaults;
  CHECK(ComputeAnswer("gradient w", defaults).error().find("has no node 'w' (it has x, y, q, z, f)") != std::string::npos);
  CHECK(ComputeAnswer("gradient", defaults).error().find("takes a node") != std::string::npos);
  CHECK(ComputeAnswer("probability 3", defaults).error().find("0, 1 or 2") != std::string::npos);
  CHECK(ComputeAnswer("pooled -1", defaults).error().find("0 to 3") != std::string::npos);
  CHECK(ComputeAnswer("lr cosine 500", defaults).error().find("not from 0") != std::string::npos);
  CHECK(ComputeAnswer("penalty none", defaults).error().find("l2, l1 or elastic") != std::string::npos);
  CHECK(ComputeAnswer("accuracy", defaults).error().find("cannot compute 'accuracy'") == 0);
  CHECK(ComputeAnswer("value f", With({{"expr", "f = log(x)"}, {"x", "-1"}})).error().find("not a finite number") != std::string::npos);
}

TEST_CASE("A numeric question's answer comes from its step's settings, within a tolerance", "[lessons][questions]") {
  auto lesson = ParseLesson(R"({"title": "t", "steps": [
      {"text": "a", "open": {"tab": "backprop", "example": "add-mul"}},
      {"text": "b", "open": {"z": 2},
       "question": {"kind": "number", "prompt": "df/dx?", "compute": "gradient x", "hint": "h", "explanation": "e"}},
      {"text": "c", "question": {"kind": "number", "prompt": "p", "answer": 0.39, "tolerance": 0, "hint": "h", "explanation": "e"}}]})",
                            "n.json");
  REQUIRE(lesson.ok());
  const Question& q = *lesson->steps[1].question;
  CHECK(q.answer == 2);  // z = 2 at this step: the steps before it are replayed
  CHECK(q.IsRight(2));
  CHECK(q.IsRight(2.01));
  CHECK_FALSE(q.IsRight(2.05));
  CHECK_FALSE(q.IsRight(NAN));
  CHECK(lesson->steps[2].question->IsRight(0.39));
  CHECK_FALSE(lesson->steps[2].question->IsRight(0.391));
  CHECK(lesson->steps[0].question == std::nullopt);
}

TEST_CASE("Choices and predictions name their right answer as written", "[lessons][questions]") {
  auto lesson = ParseLesson(R"({"title": "t", "steps": [
      {"text": "a", "question": {"kind": "choice", "prompt": "p", "choices": ["blue", "red"], "answer": "red", "hint": "h", "explanation": "e"}},
      {"text": "b", "question": {"kind": "predict", "prompt": "p", "choices": ["up", "down"], "run": {"train": "1"}, "explanation": "e"}}]})",
                            "c.json");
  REQUIRE(lesson.ok());
  CHECK(lesson->steps[0].question->right == 1);
  CHECK(lesson->steps[0].question->scored());
  CHECK(lesson->steps[1].question->right == -1);
  CHECK_FALSE(lesson->steps[1].question->scored());
  CHECK(lesson->steps[1].question->run == SettingList{{"train", "1"}});
}

TEST_CASE("Every problem of a lesson file is reported with its file, step and key", "[lessons][questions]") {
  const std::string q = R"("prompt": "p", "hint": "h", "explanation": "e")";
  CHECK(Problem(R"({"text": "a", "question": {"kind": "essay", "prompt": "p"}})") ==
        "q.json, step 1: question: \"kind\" must be number, choice or predict");
  CHECK(Problem(R"({"text": "a", "question": {"kind": "number", "compute": "gradient w", )" + q + "}}")
            .find("q.json, step 1: question: \"compute\": the graph of f = (x + y) * z has no node 'w'") == 0);
  CHECK(Problem(R"({"text": "a", "question": {"kind": "number", "answer": 1, "compute": "value f", )" + q + "}}")
            .find("either \"answer\"") != std::string::npos);
  CHECK(Problem(R"({"text": "a", "question": {"kind": "number", "answer": 1, "prompt": "p", "explanation": "e"}})") ==
        "q.json, step 1: question: the question needs \"hint\" (text)");
  CHECK(Problem(R"({"text": "a", "question": {"kind": "choice", "choices": ["a", "b"], "answer": "c", )" + q + "}}")
            .find("\"answer\" must be one of the choices") != std::string::npos);
  CHECK(Problem(R"({"text": "a", "question": {"kind": "choice", "choices": ["a", "a"], "answer": "a", )" + q + "}}")
            .find("there twice") != std::string::npos);
  CHECK(Problem(R"({"text": "a", "question": {"kind": "predict", "choices": ["a", "b"], "run": {"lr": -1}, )" + q + "}}")
            .find("q.json, step 1: question: setting lr") == 0);
  CHECK(Problem(R"({"text": "a", "question": {"kind": "number", "answer": 1, "choices": ["a"], )" + q + "}}")
            .find("unknown field \"choices\" for a number question") != std::string::npos);
  // Three broken steps, three lines: an author fixes the file in one go.
  const std::string all = Problem(R"({"open": {}}, {"text": "b", "open": {"lr": -1}}, {"text": "c"}, {"text": "d", "hilite": 1})");
  CHECK(std::count(all.begin(), all.end(), '\n') == 2);
  CHECK(all.find("q.json, step 1: the step needs a \"text\"") == 0);
  CHECK(all.find("q.json, step 2: setting lr") != std::string::npos);
  CHECK(all.find("q.json, step 4: unknown field \"hilite\"") != std::string::npos);
}
