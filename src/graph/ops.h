// The operations a node of the scalar graph can hold. Each op's forward rule and its local
// gradients sit side by side in one row of the table in ops.cpp, so a student (or a reviewer)
// can check a backward rule against its forward rule at a glance.
//
// Deliberately not here: nodes, labels and stepping (graph.h, stepper.h), text (parser.h,
// formulas.h). The rules work on plain doubles and follow IEEE arithmetic: a domain problem
// (log of a negative number, division by zero) gives NaN or inf, never an exception. exp, log,
// tanh and pow come from portable_math.h, so the numbers are the same bits in WebAssembly.
//
// Conventions at kinks (documented, and tested):
//   max(a, b), min(a, b) at a tie: the whole gradient goes to the first argument, a (a router
//     never splits);
//   relu(a) at a = 0 and abs(a) at a = 0: local gradient 0 (as PyTorch does);
//   a^b with respect to b: needs a > 0 (0 when a = 0 and b > 0, the limit; NaN for a < 0).
#pragma once
#include <string_view>

namespace gradlab::graph {

enum class Op {
  kInput,     // a variable: a leaf whose value the user sets
  kConstant,  // a number written in the expression: a leaf that gets no gradient
  kAdd, kSub, kMul, kDiv, kNeg, kPow,
  kExp, kLog, kSqrt, kAbs, kSigmoid, kTanh, kRelu, kMax, kMin,
};

// The lecture's names for how a gate hands the gradient back to its inputs.
enum class Pattern {
  kNone,
  kDistributes,  // add: every input gets the upstream gradient unchanged
  kSwaps,        // multiply: each input's local gradient is the other input's value
  kRoutes,       // max, min: all of it goes to one input; relu = max(0, x): passed or blocked
  kCopyAdds,     // a value used more than once: its gradient is the sum over its uses
};

struct LocalGrads {
  double a = 0;  // ∂out/∂a
  double b = 0;  // ∂out/∂b (unused by one-input ops)
};

struct OpRule {
  Op op;
  const char* name;    // "add", "mul", "exp": JSON and the CLI
  const char* symbol;  // "+", "*", "exp": what a graph box shows
  int arity;           // 0 for leaves, else 1 or 2
  Pattern pattern;
  double (*forward)(double a, double b);
  // `out` is forward(a, b), passed in so exp, sigmoid, tanh and sqrt reuse their value.
  LocalGrads (*local)(double a, double b, double out);
  // The local gradients as written on the blackboard, with {a}, {b} and {out} standing for the
  // labels of the inputs and of the node itself (formulas.h substitutes them).
  const char* local_text[2];
  // Why a value can stop being a real number here, for the notes next to a NaN or inf.
  const char* domain;
};

const OpRule& Rule(Op op);

// The op of a function the parser knows ("exp", "max", ...), or nullptr.
const OpRule* FindFunction(std::string_view name);
// "exp, log, sqrt, abs, sigmoid, tanh, relu, max, min": for error messages.
const char* FunctionList();

const char* PatternName(Pattern pattern);         // "distributes", "swaps", "routes", "copy adds"
// One line for the UI and the CLI; `op` is the node's (routing reads differently for max, min
// and relu, which has one input).
const char* PatternExplanation(Pattern pattern, Op op);

// For ops with a kink (relu, abs, max, min): which side of it the inputs are on (-1 or +1),
// 0 exactly at it; 0 for every other op. The gradient check uses it to flag a step h that
// crosses a kink, where a finite difference is not the derivative.
int KinkSide(Op op, double a, double b);

}  // namespace gradlab::graph
