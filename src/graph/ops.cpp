// One row per op: forward rule, local gradients, and how they read on the blackboard.
#include "graph/no_fma.h"

#include "graph/ops.h"

#include <cmath>

#include "graph/portable_math.h"
#include "i18n/translate.h"  // N_: the patterns are translated where they are shown

namespace gradlab::graph {
namespace {

double NoForward(double, double) { return 0; }
LocalGrads NoLocal(double, double, double) { return {}; }

// Stable for large |a| in both directions: exp never overflows here.
double Sigmoid(double a) {
  if (a >= 0) return 1 / (1 + Exp(-a));
  const double e = Exp(a);
  return e / (1 + e);
}

// ∂(a^b)/∂b = a^b ln a, with the limit 0 at a = 0 (for b > 0); undefined for a < 0.
double PowExponentGrad(double a, double b, double out) {
  if (a > 0) return out * Log(a);
  if (a == 0 && b > 0) return 0;
  return std::nan("");
}

// ∂(a^b)/∂a = b a^(b-1), written so that b = 0 gives 0 also at a = 0 (not 0 * inf).
double PowBaseGrad(double a, double b) { return b == 0 ? 0 : b * Pow(a, b - 1); }

// clang-format off
const OpRule kRules[] = {
  // op              name       symbol   arity pattern
  //   forward rule                                       local gradients {∂/∂a, ∂/∂b}
  //   local gradients as written                          domain note
  {Op::kInput,      "input",    "",       0, Pattern::kNone, NoForward, NoLocal, {"", ""}, ""},
  {Op::kConstant,   "constant", "",       0, Pattern::kNone, NoForward, NoLocal, {"", ""}, ""},

  {Op::kAdd, "add", "+", 2, Pattern::kDistributes,
    [](double a, double b) { return a + b; },           [](double, double, double) { return LocalGrads{1, 1}; },
    {"1", "1"}, ""},
  {Op::kSub, "sub", "-", 2, Pattern::kNone,
    [](double a, double b) { return a - b; },           [](double, double, double) { return LocalGrads{1, -1}; },
    {"1", "-1"}, ""},
  {Op::kMul, "mul", "*", 2, Pattern::kSwaps,
    [](double a, double b) { return a * b; },           [](double a, double b, double) { return LocalGrads{b, a}; },
    {"{b}", "{a}"}, ""},
  {Op::kDiv, "div", "/", 2, Pattern::kNone,
    [](double a, double b) { return a / b; },           [](double a, double b, double) { return LocalGrads{1 / b, -a / (b * b)}; },
    {"1/{b}", "-{a}/{b}²"}, N_("division by zero has no real value")},
  {Op::kNeg, "neg", "-", 1, Pattern::kNone,
    [](double a, double) { return -a; },                [](double, double, double) { return LocalGrads{-1, 0}; },
    {"-1", ""}, ""},
  {Op::kPow, "pow", "^", 2, Pattern::kNone,
    [](double a, double b) { return Pow(a, b); },  [](double a, double b, double out) { return LocalGrads{PowBaseGrad(a, b), PowExponentGrad(a, b, out)}; },
    {"{b}·{a}^({b}-1)", "{out}·ln {a}"}, N_("a negative number to a fractional power, or 0 to a negative power, is not a real number")},
  {Op::kExp, "exp", "exp", 1, Pattern::kNone,
    [](double a, double) { return Exp(a); },       [](double, double, double out) { return LocalGrads{out, 0}; },
    {"exp({a})", ""}, N_("exp of a number above 709.78 is too large for a double")},
  {Op::kLog, "log", "log", 1, Pattern::kNone,
    [](double a, double) { return Log(a); },       [](double a, double, double) { return LocalGrads{1 / a, 0}; },
    {"1/{a}", ""}, N_("log (natural) needs a number above 0")},
  {Op::kSqrt, "sqrt", "sqrt", 1, Pattern::kNone,
    [](double a, double) { return std::sqrt(a); },      [](double, double, double out) { return LocalGrads{0.5 / out, 0}; },
    {"1/(2·√{a})", ""}, N_("sqrt needs a number of at least 0 (and its slope at 0 is infinite)")},
  {Op::kAbs, "abs", "abs", 1, Pattern::kNone,
    [](double a, double) { return std::fabs(a); },      [](double a, double, double) { return LocalGrads{a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0, 0}; },
    {"sign({a})", ""}, ""},
  {Op::kSigmoid, "sigmoid", "σ", 1, Pattern::kNone,
    [](double a, double) { return Sigmoid(a); },        [](double, double, double out) { return LocalGrads{out * (1 - out), 0}; },
    {"{out}·(1 - {out})", ""}, ""},
  {Op::kTanh, "tanh", "tanh", 1, Pattern::kNone,
    [](double a, double) { return Tanh(a); },      [](double, double, double out) { return LocalGrads{1 - out * out, 0}; },
    {"1 - {out}²", ""}, ""},
  {Op::kRelu, "relu", "relu", 1, Pattern::kRoutes,
    [](double a, double) { return a > 0 ? a : 0.0; },   [](double a, double, double) { return LocalGrads{a > 0 ? 1.0 : 0.0, 0}; },
    {"1 if {a} > 0, else 0", ""}, ""},
  {Op::kMax, "max", "max", 2, Pattern::kRoutes,
    [](double a, double b) { return a >= b ? a : b; },  [](double a, double b, double) { return a >= b ? LocalGrads{1, 0} : LocalGrads{0, 1}; },
    {"1 if {a} ≥ {b}, else 0", "1 if {b} > {a}, else 0"}, ""},
  {Op::kMin, "min", "min", 2, Pattern::kRoutes,
    [](double a, double b) { return a <= b ? a : b; },  [](double a, double b, double) { return a <= b ? LocalGrads{1, 0} : LocalGrads{0, 1}; },
    {"1 if {a} ≤ {b}, else 0", "1 if {b} < {a}, else 0"}, ""},
};
// clang-format on

constexpr int kRuleCount = sizeof(kRules) / sizeof(kRules[0]);
static_assert(kRuleCount == static_cast<int>(Op::kMin) + 1, "one rule per op, in enum order");

}  // namespace

const OpRule& Rule(Op op) { return kRules[static_cast<int>(op)]; }

const OpRule* FindFunction(std::string_view name) {
  for (Op op : {Op::kExp, Op::kLog, Op::kSqrt, Op::kAbs, Op::kSigmoid, Op::kTanh, Op::kRelu,
                Op::kMax, Op::kMin})
    if (name == Rule(op).name) return &Rule(op);
  return nullptr;
}

const char* FunctionList() { return "exp, log, sqrt, abs, sigmoid, tanh, relu, max, min"; }

const char* PatternName(Pattern pattern) {
  switch (pattern) {
    case Pattern::kDistributes: return N_("distributes");
    case Pattern::kSwaps: return N_("swaps");
    case Pattern::kRoutes: return N_("routes");
    case Pattern::kCopyAdds: return N_("copy adds");
    case Pattern::kNone: break;
  }
  return "";
}

const char* PatternExplanation(Pattern pattern, Op op) {
  switch (pattern) {
    case Pattern::kDistributes:
      return N_("add distributes the gradient: each input gets the upstream gradient unchanged");
    case Pattern::kSwaps:
      return N_("multiply swaps the inputs: each input's local gradient is the other input's value");
    case Pattern::kRoutes:
      if (op == Op::kRelu) return N_("relu passes the gradient where its input is positive, and blocks it (0) elsewhere");
      if (op == Op::kMin) return N_("min routes the gradient: all of it goes to the smaller input, the other gets 0");
      return N_("max routes the gradient: all of it goes to the larger input, the other gets 0");
    case Pattern::kCopyAdds:
      return N_("copy adds: a value used more than once gets the sum of the gradients from its uses");
    case Pattern::kNone: break;
  }
  return "";
}

int KinkSide(Op op, double a, double b) {
  auto sign = [](double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; };
  switch (op) {
    case Op::kRelu:
    case Op::kAbs: return sign(a);
    case Op::kMax:
    case Op::kMin: return sign(a - b);
    default: return 0;
  }
}

}  // namespace gradlab::graph
