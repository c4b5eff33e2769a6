// The built-in examples give the lecture's numbers, and the same bits natively and in WebAssembly.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "graph/examples.h"
#include "graph/snapshot.h"

using namespace gradlab;
using namespace gradlab::graph;

namespace {

Stepper Run(const std::string& name) {
  const graph::Example* e = FindExample(name);
  INFO(name);
  REQUIRE(e != nullptr);
  Result<Stepper> s = MakeExampleStepper(*e);
  INFO((s ? "" : s.error()));
  REQUIRE(s.ok());
  return std::move(*s);
}

double Value(const Stepper& s) { return s.result().node(s.result().output()).value; }
double Grad(const Stepper& s, const std::string& name) {
  const int id = s.result().FindInput(name);
  REQUIRE(id >= 0);
  return s.result().node(id).grad;
}

}  // namespace

TEST_CASE("Graph examples: f = (x + y) z with x = -2, y = 5, z = -4", "[graph][lecture]") {
  Stepper s = Run("add-mul");
  CHECK(Value(s) == -12);
  CHECK(Grad(s, "x") == -4);
  CHECK(Grad(s, "y") == -4);
  CHECK(Grad(s, "z") == 3);
  CHECK(s.graph().node(2).label == "q");  // the lecture's q = x + y
  CHECK(s.result().node(2).value == 3);
}

TEST_CASE("Graph examples: the sigmoid neuron, f = 0.73 and CS231n's gradients", "[graph][lecture]") {
  Stepper s = Run("neuron");
  // w0 x0 + w1 x1 + w2 = -2 + 6 - 3 = 1; f = sigmoid(1); every gradient is f(1 - f) times a value.
  const double f = 1 / (1 + std::exp(-1.0)), d = f * (1 - f);
  CHECK(Value(s) == Approx(f).epsilon(1e-15));
  CHECK(Value(s) == Approx(0.73).margin(0.005));
  CHECK(Grad(s, "w0") == Approx(-1 * d).epsilon(1e-14));  // x0
  CHECK(Grad(s, "x0") == Approx(2 * d).epsilon(1e-14));   // w0
  CHECK(Grad(s, "w1") == Approx(-2 * d).epsilon(1e-14));  // x1
  CHECK(Grad(s, "x1") == Approx(-3 * d).epsilon(1e-14));  // w1
  CHECK(Grad(s, "w2") == Approx(d).epsilon(1e-14));
  // As the lecture rounds them.
  CHECK(Grad(s, "w0") == Approx(-0.20).margin(0.005));
  CHECK(Grad(s, "x0") == Approx(0.39).margin(0.005));
  CHECK(Grad(s, "w1") == Approx(-0.39).margin(0.005));
  CHECK(Grad(s, "x1") == Approx(-0.59).margin(0.005));
  CHECK(Grad(s, "w2") == Approx(0.20).margin(0.005));
  // The gate-by-gate numbers of CS231n's figure: 1/x gives -0.53, exp gives -0.20.
  const Graph& g = s.result();
  CHECK(g.node(g.output()).op == Op::kDiv);
  CHECK(g.node(g.node(g.output()).inputs[1]).grad == Approx(-0.53).margin(0.005));
}

TEST_CASE("Graph examples: the max gate routes, add distributes, multiply swaps", "[graph][lecture]") {
  Stepper s = Run("max-gate");
  CHECK(Value(s) == -20);
  CHECK(Grad(s, "x") == -8);
  CHECK(Grad(s, "y") == 6);
  CHECK(Grad(s, "z") == 2);
  CHECK(Grad(s, "w") == 0);
}

TEST_CASE("Graph examples: the softmax loss of cat 3.2, car 5.1, frog -1.7 is 2.04", "[graph][lecture]") {
  Stepper s = Run("softmax");
  const double ec = std::exp(3.2), ea = std::exp(5.1), eg = std::exp(-1.7), sum = ec + ea + eg;
  CHECK(Value(s) == Approx(-std::log(ec / sum)).epsilon(1e-14));
  CHECK(Value(s) == Approx(2.04).margin(0.005));
  // dL/ds = p - 1 for the label, p for the others.
  CHECK(Grad(s, "cat") == Approx(ec / sum - 1).epsilon(1e-12));
  CHECK(Grad(s, "car") == Approx(ea / sum).epsilon(1e-12));
  CHECK(Grad(s, "frog") == Approx(eg / sum).epsilon(1e-12));
  CHECK(Grad(s, "cat") == Approx(-0.87).margin(0.005));
  // cat is used twice (numerator and sum): its gradient is the sum of two ("copy adds").
  CHECK(s.graph().node(s.graph().FindInput("cat")).uses == 2);
  // The forward steps go column by column, and the letters follow the steps.
  std::string labels;
  for (int k = 0; k < s.forward_steps(); ++k) labels += s.graph().node(s.StepNode(k)).label + " ";
  CHECK(labels == "q r s t u v w a L ");
  CHECK(s.StepNode(s.forward_steps()) == s.graph().output());  // backward starts at the output
}

TEST_CASE("Graph examples: a 2-layer network with one active and one inactive ReLU", "[graph][lecture]") {
  Stepper s = Run("two-layer");
  CHECK(Value(s) == 0.25);
  const std::pair<const char*, double> expected[] = {
      {"v1", 0.5}, {"w1", 4}, {"x", 1}, {"b1", 2}, {"v2", 0}, {"w2", 0}, {"b2", 0}, {"c", 1}, {"t", -1}};
  for (const auto& [name, grad] : expected) {
    INFO(name);
    CHECK(Grad(s, name) == grad);
  }
  // The lecture's names for the hidden units.
  const Graph& g = s.result();
  int h1 = -1, h2 = -1;
  for (int id = 0; id < g.size(); ++id) {
    if (g.node(id).label == "h1") h1 = id;
    if (g.node(id).label == "h2") h2 = id;
  }
  REQUIRE(h1 >= 0);
  REQUIRE(h2 >= 0);
  CHECK(g.node(h1).op == Op::kRelu);
  CHECK(g.node(h1).value == 0.5);
  CHECK(g.node(h2).value == 0);
}

TEST_CASE("Graph examples: all build, describe themselves and pass the gradient check", "[graph]") {
  REQUIRE(Examples().size() == 5);
  CHECK(ExampleNames() == "add-mul, neuron, max-gate, softmax, two-layer");
  CHECK(FindExample("nonsense") == nullptr);
  for (const graph::Example& e : Examples()) {
    INFO(e.name);
    CHECK_FALSE(e.description.empty());
    Stepper s = Run(e.name);
    CHECK(s.graph().text() == e.expression);
    for (const GradCheckRow& row : s.gradcheck()) {
      INFO(row.input);
      CHECK(row.relative_error < 1e-6);
      CHECK_FALSE(row.crosses_kink);
    }
    // Stepping to the end gives the full passes' numbers.
    s.RunToEnd();
    for (int id = 0; id < s.graph().size(); ++id) {
      CHECK(s.graph().node(id).value == s.result().node(id).value);
      CHECK(s.graph().node(id).grad == s.result().node(id).grad);
    }
  }
  // Overrides replace an example's values; unknown names are refused.
  Result<Stepper> changed = MakeExampleStepper(*FindExample("add-mul"), {{"x", 1}});
  REQUIRE(changed.ok());
  CHECK(changed->result().node(4).value == -24);
  CHECK_FALSE(MakeExampleStepper(*FindExample("add-mul"), {{"k", 1}}).ok());
}
