// Gradients of the scalar graph: every op's backward rule against centred differences, the
// lecture's patterns (add distributes, multiply swaps, max routes, copy adds), the conventions
// at kinks, and NaN/inf with a note instead of a crash.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "graph/gradcheck.h"
#include "graph/notes.h"
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

double Grad(const Stepper& s, const std::string& name) {
  return s.result().node(s.result().FindInput(name)).grad;
}

bool Has(const std::vector<Pattern>& patterns, Pattern p) {
  return std::find(patterns.begin(), patterns.end(), p) != patterns.end();
}

}  // namespace

TEST_CASE("Graph gradients agree with centred differences on expressions away from kinks", "[graph]") {
  struct Case {
    const char* expression;
    InputValues values;
  };
  // Together these use every op, both slots of every two-input op, and variables used twice.
  const Case cases[] = {
      {"f = (x + y) * z", {{"x", -2}, {"y", 5}, {"z", -4}}},
      {"f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))", {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}}},
      {"f = x*x + x", {{"x", 3}}},
      {"f = exp(x) / (1 + exp(x))", {{"x", 0.7}}},
      {"f = log(x^2 + y^2) / sqrt(x*y)", {{"x", 1.5}, {"y", 2}}},
      {"f = tanh(x) * sigmoid(y) - x/y", {{"x", 0.3}, {"y", -1.2}}},
      {"f = x^y", {{"x", 1.7}, {"y", 2.3}}},
      {"f = max(x, y) * min(x, z)", {{"x", 1}, {"y", 2}, {"z", 3}}},
      {"f = relu(x - y) + abs(y - 2*z)", {{"x", 3}, {"y", 1}, {"z", 2}}},
      {"f = -x^3 + 2^x - 1/x", {{"x", 0.8}}},
      {"f = sqrt(abs(x) + 1) * exp(-x^2 / 2)", {{"x", -0.6}}},
      {"L = -log(exp(c) / (exp(c) + exp(a) + exp(g)))", {{"c", 3.2}, {"a", 5.1}, {"g", -1.7}}},
      {"L = (v*relu(w*x + b) - t)^2", {{"v", 2}, {"w", 0.5}, {"x", 2}, {"b", -0.5}, {"t", 0.4}}},
      {"f = (a - b) / (a + b)^2", {{"a", 2}, {"b", 0.5}}},
      {"f = sigmoid(w*x + b) * tanh(-w)", {{"w", 3}, {"x", 2}, {"b", -4}}},
      {"f = min(abs(x), relu(y)) / max(-x, y^2)", {{"x", -1.3}, {"y", 0.9}}},
  };
  for (const Case& c : cases) {
    Stepper s = Make(c.expression, c.values);
    REQUIRE(s.gradcheck().size() == c.values.size());
    for (const GradCheckRow& row : s.gradcheck()) {
      INFO(c.expression << " d/d" << row.input << ": analytic " << row.analytic << ", numerical "
                        << row.numerical << ", relative error " << row.relative_error);
      CHECK(row.relative_error < 1e-6);
      CHECK_FALSE(row.crosses_kink);
      CHECK(row.step == 1e-5 * std::max(1.0, std::fabs(row.value)));
    }
  }
}

TEST_CASE("Graph gradients: copy adds (f = x*x + x has df/dx = 2x + 1)", "[graph]") {
  for (double x : {-2.0, 0.5, 3.0}) {
    Stepper s = Make("f = x*x + x", {{"x", x}});
    CHECK(s.result().node(s.result().output()).value == x * x + x);
    CHECK(Grad(s, "x") == 2 * x + 1);
  }
  Stepper s = Make("f = x*x + x", {{"x", 3}});
  const int x = s.graph().FindInput("x");
  CHECK(s.graph().node(x).uses == 3);
  CHECK(Has(s.graph().Patterns(x), Pattern::kCopyAdds));
  // Stepped, the three contributions arrive one at a time and add up: 1, then 3 + 3.
  s.RunForward();
  std::vector<double> seen;
  while (s.Step())
    for (const EdgeStep& e : s.edges())
      if (e.from == x) {
        CHECK(e.accumulates);
        CHECK(e.term == static_cast<int>(seen.size()) + 1);
        CHECK(e.grad_after == e.grad_before + e.downstream);
        seen.push_back(e.grad_after);
      }
  CHECK(seen == std::vector<double>{1, 4, 7});
}

TEST_CASE("Graph gradients: the lecture's patterns are named where they appear", "[graph]") {
  Stepper s = Make("f = 2 * (x * y + max(z, w)) - relu(x)", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}});
  const Graph& g = s.graph();
  for (int id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    const std::vector<Pattern> p = g.Patterns(id);
    INFO(n.label);
    switch (n.op) {
      case Op::kAdd: CHECK(p == std::vector<Pattern>{Pattern::kDistributes}); break;
      case Op::kMul: CHECK(p == std::vector<Pattern>{Pattern::kSwaps}); break;
      case Op::kMax:
      case Op::kRelu: CHECK(p == std::vector<Pattern>{Pattern::kRoutes}); break;
      case Op::kSub:
      case Op::kConstant: CHECK(p.empty()); break;
      case Op::kInput: CHECK(p == (n.label == "x" ? std::vector<Pattern>{Pattern::kCopyAdds} : std::vector<Pattern>{})); break;
      default: FAIL("unexpected op");
    }
  }
  CHECK(std::string(PatternName(Pattern::kCopyAdds)) == "copy adds");
  CHECK(std::string(PatternExplanation(Pattern::kSwaps, Op::kMul)).find("other input") != std::string::npos);
  // Routing reads differently per op: relu has one input, so there is no "larger input" to go to.
  CHECK(std::string(PatternExplanation(Pattern::kRoutes, Op::kMax)).find("larger input") != std::string::npos);
  CHECK(std::string(PatternExplanation(Pattern::kRoutes, Op::kMin)).find("smaller input") != std::string::npos);
  const std::string relu = PatternExplanation(Pattern::kRoutes, Op::kRelu);
  CHECK(relu.find("where its input is positive") != std::string::npos);
  CHECK(relu.find("larger") == std::string::npos);

  // What the names promise: add hands on the upstream gradient unchanged, multiply gives each
  // input the other's value, max gives everything to the larger input.
  s.RunForward();
  while (s.Step()) {
    const Node& n = g.node(s.current_node());
    for (const EdgeStep& e : s.edges()) {
      if (!e.traced || n.inputs.size() != 2) continue;
      const Node& other = g.node(n.inputs[1 - e.slot]);
      if (n.op == Op::kAdd) CHECK(e.downstream == e.upstream);
      if (n.op == Op::kMul) CHECK(e.local == other.value);
      if (n.op == Op::kMax) CHECK(e.local == (g.node(e.from).value > other.value ? 1 : 0));
    }
  }
}

TEST_CASE("Graph gradients: conventions at ties and kinks, flagged by the gradient check", "[graph]") {
  Stepper tie = Make("f = max(x, y) + min(y, x)", {{"x", 2}, {"y", 2}});
  // At a tie the whole gradient goes to the first argument: x from max, y from min.
  CHECK(Grad(tie, "x") == 1);
  CHECK(Grad(tie, "y") == 1);
  for (const GradCheckRow& row : tie.gradcheck()) CHECK(row.crosses_kink);

  Stepper kinks = Make("f = relu(x) + abs(y)", {{"x", 0}, {"y", 0}});
  CHECK(Grad(kinks, "x") == 0);  // relu'(0) = 0, as PyTorch
  CHECK(Grad(kinks, "y") == 0);  // abs'(0) = 0
  for (const GradCheckRow& row : kinks.gradcheck()) CHECK(row.crosses_kink);
  // The difference quotients straddle the kinks: (h - 0) / 2h and (h - h) / 2h.
  CHECK(kinks.gradcheck()[0].numerical == Approx(0.5));
  CHECK(kinks.gradcheck()[1].numerical == 0);

  Stepper away = Make("f = relu(x) + abs(y)", {{"x", 0.1}, {"y", -0.1}});
  CHECK(Grad(away, "x") == 1);
  CHECK(Grad(away, "y") == -1);
  for (const GradCheckRow& row : away.gradcheck()) CHECK_FALSE(row.crosses_kink);

  // Near the edge of a domain x - h leaves it: log(x - h) is NaN, and the row says so.
  Stepper edge = Make("f = log(x) * y", {{"x", 5e-6}, {"y", 1}});
  REQUIRE(std::isfinite(edge.result().node(edge.result().output()).value));
  CHECK(std::isnan(edge.gradcheck()[0].numerical));
  CHECK(edge.gradcheck()[0].leaves_domain);
  CHECK_FALSE(edge.gradcheck()[0].crosses_kink);
  CHECK_FALSE(edge.gradcheck()[1].leaves_domain);  // y's steps keep log(x) as it is
  CHECK(Make("f = sqrt(x)", {{"x", 0}}).gradcheck()[0].leaves_domain);
  CHECK_FALSE(Make("f = log(x) * y", {{"x", 1}, {"y", 1}}).gradcheck()[0].leaves_domain);
  // Outside the domain already: f itself is NaN, which a note explains; no flag.
  CHECK_FALSE(Make("f = log(x) * y", {{"x", -2}, {"y", 1}}).gradcheck()[0].leaves_domain);

  CHECK(RelativeError(0, 0) == 0);
  CHECK(RelativeError(2, 1) == 0.5);
  CHECK(RelativeError(0, 1e-16) == Approx(1e-8));  // both zero up to rounding: no alarm
  CHECK(std::isnan(RelativeError(NAN, 1)));
}

TEST_CASE("Graph gradients: domain problems give NaN or inf with a note, not a crash", "[graph]") {
  Stepper log = Make("f = log(x) * y", {{"x", -2}, {"y", 3}});
  CHECK(std::isnan(log.result().node(log.result().output()).value));
  REQUIRE(log.notes().size() == 1);
  CHECK_FALSE(log.notes()[0].backward);
  CHECK(log.notes()[0].text == "q = log(x) = log(-2) = NaN: log (natural) needs a number above 0");
  CHECK(std::isnan(log.gradcheck()[0].relative_error));

  Stepper div = Make("f = 1 / x", {{"x", 0}});
  CHECK(std::isinf(div.result().node(div.result().output()).value));
  REQUIRE(div.notes().size() == 1);
  CHECK(div.notes()[0].text.find("division by zero") != std::string::npos);

  // sqrt(0) is 0, but its slope there is infinite: a backward note.
  Stepper sq = Make("f = sqrt(x)", {{"x", 0}});
  CHECK(sq.result().node(sq.result().output()).value == 0);
  REQUIRE(sq.notes().size() == 1);
  CHECK(sq.notes()[0].backward);
  CHECK(sq.notes()[0].text.find("∂f/∂x = 1/(2·√x) = inf") == 0);
  // Notes appear only once the step that meets the problem is taken.
  CHECK(sq.VisibleNotes().empty());
  sq.RunForward();
  CHECK(sq.VisibleNotes().empty());
  sq.RunToEnd();
  CHECK(sq.VisibleNotes().size() == 1);

  // A NaN flowing on from an input is not noted again; overflow is explained too.
  Stepper chain = Make("f = exp(log(x) + 1) * 2", {{"x", -1}});
  CHECK(chain.notes().size() == 1);
  Stepper big = Make("f = exp(x)", {{"x", 1000}});
  REQUIRE(big.notes().size() == 1);
  CHECK(big.notes()[0].text.find("too large") != std::string::npos);

  // The exponent's gradient needs a positive base; a number as exponent needs none.
  Stepper pw = Make("f = x^2 + x^y", {{"x", -2}, {"y", 3}});
  CHECK(Grad(pw, "x") == 2 * -2 + 3 * 4);
  CHECK(std::isnan(Grad(pw, "y")));
}
