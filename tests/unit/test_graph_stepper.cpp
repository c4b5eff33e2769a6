// The stepper: forward one node at a time, backward one node at a time from the output, step
// back to exactly the state before, reset, input changes that recompute in place, and the JSON
// snapshot the app's test hook and the CLI print.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "graph/snapshot.h"
#include "graph/stepper.h"

using namespace gradlab;
using namespace gradlab::graph;

namespace {

Stepper Make(const std::string& expression, const InputValues& values) {
  Result<Stepper> s = MakeStepper(expression, values);
  INFO(expression << ": " << (s ? "" : s.error()));
  REQUIRE(s.ok());
  return std::move(*s);
}

Stepper Lecture() { return Make("f = (x + y) * z", {{"x", -2}, {"y", 5}, {"z", -4}}); }

}  // namespace

TEST_CASE("Graph stepper: the lecture's example, one step at a time", "[graph]") {
  Stepper s = Lecture();
  const Graph& g = s.graph();
  const int x = 0, y = 1, q = 2, z = 3, f = 4;
  REQUIRE(g.node(q).label == "q");
  CHECK(s.forward_steps() == 2);
  CHECK(s.backward_steps() == 2);

  // Position 0: the inputs are known, nothing else.
  CHECK(s.phase() == Phase::kStart);
  CHECK(s.current_node() == -1);
  CHECK(s.next_node() == q);
  CHECK(s.value_known(x));
  CHECK(s.value_known(z));
  CHECK_FALSE(s.value_known(q));
  CHECK_FALSE(s.value_known(f));
  for (int id : {x, y, q, z, f}) CHECK(s.grad_state(id) == GradState::kUnknown);

  // Forward: q, then f. With the forward pass complete, ∂f/∂f = 1 is known.
  REQUIRE(s.Step());
  CHECK(s.phase() == Phase::kForward);
  CHECK(s.current_node() == q);
  CHECK(g.node(q).value == 3);
  CHECK(s.forward_formula() == "q = x + y = -2 + 5 = 3");
  CHECK(s.edges().empty());
  CHECK_FALSE(s.value_known(f));
  CHECK(s.grad_state(f) == GradState::kUnknown);
  REQUIRE(s.Step());
  CHECK(s.current_node() == f);
  CHECK(g.node(f).value == -12);
  CHECK(s.forward_formula() == "f = q * z = 3 * (-4) = -12");
  CHECK(s.grad_state(f) == GradState::kComplete);
  CHECK(g.node(f).grad == 1);
  CHECK(s.grad_state(q) == GradState::kUnknown);

  // Backward from the output: f hands its gradient to q and z (multiply swaps).
  REQUIRE(s.Step());
  CHECK(s.phase() == Phase::kBackward);
  CHECK(s.current_node() == f);
  CHECK(s.forward_formula().empty());
  REQUIRE(s.edges().size() == 2);
  const EdgeStep& to_q = s.edges()[0];
  CHECK(to_q.from == q);
  CHECK(to_q.to == f);
  CHECK(to_q.traced);
  CHECK(to_q.upstream == 1);
  CHECK(to_q.local == -4);
  CHECK(to_q.downstream == -4);
  CHECK(to_q.local_formula == "∂f/∂q = z = -4");
  CHECK(to_q.formula == "∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · (-4) = -4");
  CHECK(s.edges()[1].from == z);
  CHECK(s.edges()[1].downstream == 3);
  CHECK(s.grad_state(q) == GradState::kComplete);
  CHECK(s.grad_state(x) == GradState::kUnknown);
  CHECK(g.node(z).grad == 3);

  // Then q hands it to x and y (add distributes): the brief's formula, word for word.
  REQUIRE(s.Step());
  CHECK(s.current_node() == q);
  REQUIRE(s.edges().size() == 2);
  CHECK(s.edges()[0].formula == "∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4");
  CHECK(s.edges()[1].formula == "∂f/∂y = ∂f/∂q · ∂q/∂y = -4 · 1 = -4");
  CHECK(s.at_end());
  CHECK(s.next_node() == -1);
  CHECK(g.node(x).grad == -4);
  CHECK(g.node(y).grad == -4);
  CHECK_FALSE(s.Step());
  CHECK(s.position() == 4);
}

TEST_CASE("Graph stepper: stepping back restores every earlier state exactly", "[graph]") {
  for (const char* expression : {"f = (x + y) * z", "f = x*x + x*y - max(y, z)^2 / sigmoid(x*z) + tanh(x*y*z)"}) {
    Stepper s = Make(expression, {{"x", -2}, {"y", 5}, {"z", -4}});
    std::vector<std::string> seen = {Snapshot(s).dump()};
    while (s.Step()) seen.push_back(Snapshot(s).dump());
    REQUIRE(static_cast<int>(seen.size()) == s.total_steps() + 1);
    // At the end, the stepped graph is the full passes' graph, bit for bit.
    for (int id = 0; id < s.graph().size(); ++id) {
      CHECK(s.graph().node(id).value == s.result().node(id).value);
      CHECK(s.graph().node(id).grad == s.result().node(id).grad);
    }
    for (int p = s.total_steps(); p > 0; --p) {
      INFO(expression << " at " << p);
      CHECK(Snapshot(s).dump() == seen[p]);
      REQUIRE(s.StepBack());
    }
    CHECK(Snapshot(s).dump() == seen[0]);
    CHECK_FALSE(s.StepBack());

    // Any position, in any order, gives the same state.
    s.Seek(3);
    CHECK(Snapshot(s).dump() == seen[3]);
    s.Seek(1);
    CHECK(Snapshot(s).dump() == seen[1]);
    s.RunToEnd();
    CHECK(Snapshot(s).dump() == seen.back());
    s.Reset();
    CHECK(s.position() == 0);
    CHECK(Snapshot(s).dump() == seen[0]);
    s.Seek(1000);
    CHECK(s.at_end());
    s.Seek(-5);
    CHECK(s.position() == 0);
    s.RunForward();
    CHECK(s.position() == s.forward_steps());
    CHECK(Snapshot(s).dump() == seen[s.forward_steps()]);
  }
}

TEST_CASE("Graph stepper: a variable's gradient is partial until all its uses are done", "[graph]") {
  Stepper s = Make("f = x*x + x", {{"x", 3}});
  const int x = s.graph().FindInput("x");
  s.RunForward();
  CHECK(s.grad_state(x) == GradState::kUnknown);
  s.Step();  // the add: one of x's three uses
  CHECK(s.grad_state(x) == GradState::kPartial);
  CHECK(s.graph().node(x).grad == 1);
  s.Step();  // the multiply: the other two
  CHECK(s.grad_state(x) == GradState::kComplete);
  CHECK(s.graph().node(x).grad == 7);
  CHECK(s.edges()[1].formula == "∂f/∂x += ∂f/∂q · ∂q/∂x = 1 · 3 = 3, so ∂f/∂x = 4 + 3 = 7");
}

TEST_CASE("Graph stepper: changing an input recomputes everything at the same position", "[graph]") {
  Stepper s = Lecture();
  s.Seek(3);
  REQUIRE(s.SetInput("x", 1).ok());
  CHECK(s.position() == 3);
  CHECK(s.graph().node(2).value == 6);    // q = 1 + 5
  CHECK(s.graph().node(4).value == -24);  // f = 6 * -4
  CHECK(s.graph().node(3).grad == 6);     // ∂f/∂z = q, already known at this step
  CHECK(s.grad_state(0) == GradState::kUnknown);
  CHECK(s.result().node(3).grad == 6);    // the full answer and the check follow too
  CHECK(s.gradcheck()[2].analytic == 6);

  // The same as starting with x = 1 and stepping to the same place.
  Stepper fresh = Make("f = (x + y) * z", {{"x", 1}, {"y", 5}, {"z", -4}});
  fresh.Seek(3);
  CHECK(Snapshot(s).dump() == Snapshot(fresh).dump());

  const Status bad = s.SetInput("w", 2);
  CHECK_FALSE(bad.ok());
  CHECK(bad.message() == "'w' is not a variable of this expression (its variables: x, y, z)");
}

TEST_CASE("Graph stepper: leaves as outputs, and parts without a gradient", "[graph]") {
  Stepper leaf = Make("f = x", {{"x", 4}});
  CHECK(leaf.total_steps() == 0);
  CHECK(leaf.at_end());
  CHECK(leaf.grad_state(0) == GradState::kComplete);
  CHECK(leaf.graph().node(0).grad == 1);

  Stepper numbers = Make("f = 2 * 3", {});
  CHECK(numbers.forward_steps() == 1);
  CHECK(numbers.backward_steps() == 0);  // nothing in it needs a gradient
  numbers.RunToEnd();
  CHECK(numbers.graph().node(2).value == 6);
  CHECK(numbers.grad_state(0) == GradState::kNone);

  // (2 + 3) is computed from numbers only: no gradient, no backward step, a note on its edge.
  Stepper mixed = Make("f = x * (2 + 3)", {{"x", 1}});
  CHECK(mixed.backward_steps() == 1);
  mixed.RunToEnd();
  CHECK(mixed.graph().node(0).grad == 5);
  CHECK(mixed.grad_state(3) == GradState::kNone);
  REQUIRE(mixed.edges().size() == 2);
  CHECK_FALSE(mixed.edges()[1].traced);
  CHECK(mixed.edges()[1].formula == "q is computed from numbers only: it gets no gradient");
}

TEST_CASE("Graph stepper: the JSON snapshot", "[graph]") {
  Stepper s = Lecture();
  s.Seek(1);
  nlohmann::json j = Snapshot(s);
  CHECK(j["expression"] == "f = (x + y) * z");
  CHECK(j["output"] == "f");
  CHECK(j["output_node"] == 4);
  CHECK(j["position"] == 1);
  CHECK(j["steps"]["total"] == 4);
  CHECK(j["phase"] == "forward");
  CHECK(j["at_end"] == false);
  CHECK(j["current_node"] == 2);
  CHECK(j["next_node"] == 4);
  CHECK(j["inputs"][2] == nlohmann::json({{"name", "z"}, {"node", 3}, {"value", -4.0}}));
  REQUIRE(j["nodes"].size() == 5);
  CHECK(j["nodes"][2]["label"] == "q");
  CHECK(j["nodes"][2]["op"] == "add");
  CHECK(j["nodes"][2]["symbol"] == "+");
  CHECK(j["nodes"][2]["kind"] == "op");
  CHECK(j["nodes"][2]["inputs"] == nlohmann::json({0, 1}));
  CHECK(j["nodes"][2]["value"] == 3.0);
  CHECK(j["nodes"][2]["patterns"] == nlohmann::json({"distributes"}));
  CHECK(j["nodes"][4]["value"].is_null());  // not computed yet
  CHECK(j["nodes"][0]["grad"].is_null());
  CHECK(j["nodes"][0]["grad_state"] == "unknown");
  CHECK(j["step"]["kind"] == "forward");
  CHECK(j["step"]["formula"] == "q = x + y = -2 + 5 = 3");
  CHECK(j["result"]["value"] == -12.0);
  CHECK(j["result"]["grads"] == nlohmann::json({{"x", -4.0}, {"y", -4.0}, {"z", 3.0}}));
  REQUIRE(j["gradcheck"].size() == 3);
  CHECK(j["gradcheck"][0]["input"] == "x");
  CHECK(j["gradcheck"][0]["step"] == 2e-5);
  CHECK(j["gradcheck"][0]["relative_error"].get<double>() < 1e-9);
  CHECK(j["notes"].empty());

  s.Seek(0);
  CHECK(Snapshot(s)["step"].is_null());
  s.Seek(3);
  j = Snapshot(s);
  CHECK(j["step"]["kind"] == "backward");
  CHECK(j["step"]["edges"][0]["downstream"] == -4.0);
  CHECK(j["step"]["edges"][0]["formula"] == "∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · (-4) = -4");
  CHECK(j["nodes"][4]["grad"] == 1.0);
  // Every edge; those the backward wave has passed carry their numbers.
  REQUIRE(j["edges"].size() == 4);
  CHECK(j["edges"][0] == nlohmann::json({{"from", 0}, {"to", 2}, {"slot", 0}, {"done", false}}));
  CHECK(j["edges"][2]["done"] == true);
  CHECK(j["edges"][2]["from"] == 2);
  CHECK(j["edges"][2]["downstream"] == -4.0);
  CHECK(j["edges"][3]["downstream"] == 3.0);
  CHECK(s.EdgesInto(2) == nullptr);
  REQUIRE(s.EdgesInto(4) != nullptr);
  CHECK(s.EdgesInto(4)->at(1).local == 3);
  s.RunToEnd();
  REQUIRE(s.EdgesInto(2) != nullptr);
  CHECK(s.EdgesInto(2)->at(0).formula == "∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4");
  CHECK(s.EdgesInto(4)->at(0).downstream == -4);  // earlier steps' records stay
  CHECK(Snapshot(s)["edges"][0]["downstream"] == -4.0);
  CHECK(s.EdgesInto(0) == nullptr);  // a leaf has no backward step

  // JSON has no NaN or infinity: they are strings JavaScript's Number() reads back.
  CHECK(JsonNumber(std::nan("")) == "NaN");
  CHECK(JsonNumber(HUGE_VAL) == "Infinity");
  CHECK(JsonNumber(-HUGE_VAL) == "-Infinity");
  CHECK(JsonNumber(-0.0).dump() == "0.0");
  Stepper bad = Make("f = log(x)", {{"x", -1}});
  bad.RunToEnd();
  j = Snapshot(bad);
  CHECK(j["result"]["value"] == "NaN");
  REQUIRE(j["notes"].size() == 1);
  CHECK(j["notes"][0]["phase"] == "forward");
}
