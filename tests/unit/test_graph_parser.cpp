// The expression parser: precedence and associativity, number forms, functions, the output's
// name, and errors that point at the right column (never a crash, whatever the input).
#include <catch2/catch.hpp>

#include <string>

#include "graph/parser.h"
#include "graph/stepper.h"

using namespace gradlab;
using namespace gradlab::graph;

namespace {

// The output's value, with the variables given (all of them).
double Eval(const std::string& expression, const InputValues& values = {}) {
  Result<Stepper> s = MakeStepper(expression, values);
  INFO(expression << ": " << (s ? "" : s.error()));
  REQUIRE(s.ok());
  return s->result().node(s->result().output()).value;
}

ParseError ErrorOf(const std::string& expression) {
  ParseError e;
  Result<Graph> g = ParseExpression(expression, &e);
  INFO(expression);
  REQUIRE_FALSE(g.ok());
  return e;
}

}  // namespace

TEST_CASE("Graph parser: precedence and associativity as in maths", "[graph]") {
  CHECK(Eval("2^3^2") == 512);  // right-associative: 2^(3^2)
  CHECK(Eval("-2^2") == -4);    // ^ binds tighter than unary minus
  CHECK(Eval("1-2-3") == -4);   // left-associative
  CHECK(Eval("8/4/2") == 1);
  CHECK(Eval("2 + 3 * 4") == 14);
  CHECK(Eval("(2 + 3) * 4") == 20);
  CHECK(Eval("2 * 3 + 4") == 10);
  CHECK(Eval("2 * 3^2") == 18);
  CHECK(Eval("2^3 * 2") == 16);
  CHECK(Eval("2^-1") == 0.5);
  CHECK(Eval("2 * -3") == -6);
  CHECK(Eval("-(2 + 3)") == -5);
  CHECK(Eval("--2") == 2);
  CHECK(Eval("+2") == 2);
  CHECK(Eval("-x^2", {{"x", 3}}) == -9);
  CHECK(Eval("(-x)^2", {{"x", 3}}) == 9);
  CHECK(Eval("2**3") == 8);
  CHECK(Eval("6 \xC3\xB7 3 \xC3\x97 2 \xE2\x88\x92 1") == 3);  // 6 ÷ 3 × 2 − 1
}

TEST_CASE("Graph parser: numbers and functions", "[graph]") {
  CHECK(Eval("1e-3 * 1000") == Approx(1.0));
  CHECK(Eval(".5 + .5") == 1);
  CHECK(Eval("5. + 1") == 6);
  CHECK(Eval("2.5E+1") == 25);
  CHECK(Eval("max(1, 2)") == 2);
  CHECK(Eval("min(1, 2)") == 1);
  CHECK(Eval("sigmoid(0)") == 0.5);
  CHECK(Eval("relu(-1) + relu(2)") == 2);
  CHECK(Eval("abs(-3)") == 3);
  CHECK(Eval("sqrt(16)") == 4);
  CHECK(Eval("log(exp(2))") == Approx(2.0));
  CHECK(Eval("tanh(0)") == 0);
  CHECK(Eval("max(x, y * 2)", {{"x", 1}, {"y", 3}}) == 6);
}

TEST_CASE("Graph parser: the graph it builds", "[graph]") {
  Result<Graph> g = ParseExpression("f = (x + y) * z");
  REQUIRE(g.ok());
  REQUIRE(g->size() == 5);  // x, y, q, z, f
  CHECK(g->output_name() == "f");
  CHECK(g->output() == 4);
  CHECK(g->node(2).op == Op::kAdd);
  CHECK(g->node(2).label == "q");  // the lecture's q = x + y
  CHECK(g->node(2).inputs == std::vector<int>{0, 1});
  CHECK(g->node(4).op == Op::kMul);
  CHECK(g->node(4).label == "f");
  CHECK(g->node(4).depth == 2);
  CHECK(g->text() == "f = (x + y) * z");

  SECTION("a variable used twice is one node with two edges") {
    Result<Graph> h = ParseExpression("x * x + x");
    REQUIRE(h.ok());
    CHECK(h->inputs().size() == 1);
    CHECK(h->node(h->inputs()[0]).uses == 3);
    CHECK(h->output_name() == "f");  // the default name
  }
  SECTION("a minus on a number is part of the number; on anything else it is a node") {
    Result<Graph> h = ParseExpression("x * -1");
    REQUIRE(h.ok());
    REQUIRE(h->size() == 3);
    CHECK(h->node(1).op == Op::kConstant);
    CHECK(h->node(1).value == -1);
    CHECK(h->node(1).label == "-1");
    Result<Graph> k = ParseExpression("-x");
    REQUIRE(k.ok());
    CHECK(k->node(k->output()).op == Op::kNeg);
  }
  SECTION("a name for the output; default labels skip the variables' names") {
    Result<Graph> h = ParseExpression("loss = (q + r) * s");
    REQUIRE(h.ok());
    CHECK(h->output_name() == "loss");
    CHECK(h->node(h->output()).label == "loss");
    CHECK(h->node(2).label == "t");  // q, r and s are taken
  }
  SECTION("the lecture's names for intermediate nodes") {
    Graph h = *ParseExpression("f = (x + y) * (x - y) * z");
    CHECK(h.SetLabels({"sum", "diff"}).ok());
    CHECK(h.node(2).label == "sum");
    CHECK(h.node(3).label == "diff");
    CHECK_FALSE(h.SetLabels({"a", "b", "c", "d"}).ok());  // 3 intermediate nodes
    CHECK_FALSE(h.SetLabels({"x"}).ok());                 // taken by a variable
  }
}

TEST_CASE("Graph parser: errors name the column and show a caret", "[graph]") {
  // The brief's example: the ')' is the 10th character.
  ParseError e;
  Result<Graph> g = ParseExpression("f = (x + ) * z", &e);
  REQUIRE_FALSE(g.ok());
  CHECK(e.column == 10);
  CHECK(g.error() == "unexpected ')' at column 10\n  f = (x + ) * z\n           ^");

  struct Case {
    const char* expression;
    int column;
    const char* says;
  };
  const Case cases[] = {
      {"x +", 4, "the expression ends too early"},
      {"f =", 4, "the expression ends too early"},
      {"(x + y", 7, "missing ')'"},
      {"x + y)", 6, "unexpected ')'"},
      {"2x", 2, "is an operator (such as *) missing"},
      {"(x y)", 4, "unexpected 'y'"},
      {"x + foo(y)", 5, "unknown function 'foo'"},
      {"exp + 1", 1, "'exp' is a function"},
      {"max(x)", 6, "max takes 2 arguments"},
      {"exp(x, y)", 6, "exp takes 1 argument"},
      {"x # y", 3, "unexpected character '#'"},
      {"x = x + 1", 5, "'x' is the output's name"},
      {"f + 1", 1, "'f' is the output's name"},
      {"f = x = y", 7, "unexpected '='"},
      {"exp = x", 1, "'exp' is a function and cannot name the output"},
      {"1.2.3", 1, "two decimal points"},
      {"1e999 * x", 1, "too large"},
      {"x * * y", 5, "unexpected '*'"},
      {"x \xC3\x97 \xC3\xA9", 5, "unexpected character '\xC3\xA9'"},  // columns count characters
      {"max(x, )", 8, "unexpected ')'"},
      {"()", 2, "unexpected ')'"},
  };
  for (const Case& c : cases) {
    ParseError error = ErrorOf(c.expression);
    INFO(c.expression << " -> " << error.message);
    CHECK(error.column == c.column);
    CHECK(error.message.find(c.says) != std::string::npos);
    CHECK(error.message.find("at column " + std::to_string(c.column)) != std::string::npos);
  }
}

TEST_CASE("Graph parser: a column's byte, for a caret drawn in a proportional font", "[graph]") {
  const std::string text = "x \xC3\x97 \xED\x95\x9C!";  // x, space, ×, space, 한, !
  CHECK(ByteOfColumn(text, 1) == 0);
  CHECK(ByteOfColumn(text, 3) == 2);   // ×: two bytes
  CHECK(ByteOfColumn(text, 4) == 4);
  CHECK(ByteOfColumn(text, 5) == 5);   // 한: three bytes
  CHECK(ByteOfColumn(text, 6) == 8);
  CHECK(ByteOfColumn(text, 7) == text.size());   // just past the end: where "ends too early" points
  CHECK(ByteOfColumn(text, 50) == text.size());
  CHECK(ByteOfColumn(text, 0) == 0);
  ParseError e;
  REQUIRE_FALSE(ParseExpression(text, &e).ok());
  CHECK(e.column == 5);  // × is a product; 한 is not part of an expression
  CHECK(text.substr(ByteOfColumn(text, e.column), 3) == "\xED\x95\x9C");
}

TEST_CASE("Graph parser: absurd inputs get a message, not a crash", "[graph]") {
  CHECK(ErrorOf("").message.find("empty") != std::string::npos);
  CHECK(ErrorOf("   ").column == 0);

  const std::string long_one = "x" + std::string(kMaxLength, '+') ;
  ParseError e = ErrorOf(long_one);
  CHECK(e.column == 0);
  CHECK(e.message == "the expression is 1001 characters long; the limit is 1000");

  // Deep nesting of every kind that recurses: signs, parentheses, functions, powers.
  for (const std::string& deep :
       {std::string(200, '-') + "x", std::string(300, '(') + "x" + std::string(300, ')'),
        [] { std::string s; for (int i = 0; i < 150; ++i) s += "exp("; return s + "x" + std::string(150, ')'); }(),
        [] { std::string s = "x"; for (int i = 0; i < 300; ++i) s += "^x"; return s; }()}) {
    ParseError d = ErrorOf(deep);
    INFO(deep.substr(0, 20));
    CHECK(d.message.find("nests more than 100 levels deep") != std::string::npos);
    CHECK(d.column > 1);
  }
  // Just inside the limit is fine.
  CHECK(Eval(std::string(99, '(') + "2" + std::string(99, ')')) == 2);
}
