// Formula text: labels and numbers put together, nothing computed.
#include "graph/formulas.h"

#include <cmath>
#include <cstdio>

namespace gradlab::graph {
namespace {

// A negative number or label gets parentheses where it follows an operator: "5 * (-4)".
std::string Wrapped(const std::string& s) { return !s.empty() && s[0] == '-' ? "(" + s + ")" : s; }

std::string Partial(const std::string& of, const std::string& by) { return "∂" + of + "/∂" + by; }

// Replaces {a}, {b} and {out} in a rule's text.
std::string Substitute(std::string text, const std::string& a, const std::string& b,
                       const std::string& out) {
  const std::pair<const char*, const std::string*> keys[] = {{"{a}", &a}, {"{b}", &b}, {"{out}", &out}};
  for (const auto& [key, value] : keys) {
    const std::string k = key;
    for (size_t at = text.find(k); at != std::string::npos; at = text.find(k, at + value->size())) {
      // A negative number as a label needs parentheses unless it starts the text.
      const std::string v = at == 0 ? *value : Wrapped(*value);
      text.replace(at, k.size(), v);
      at += v.size() - value->size();
    }
  }
  return text;
}

// "x + y" from two labels or two numbers, in the op's own notation.
std::string Apply(Op op, const std::string& a, const std::string& b) {
  const OpRule& r = Rule(op);
  switch (op) {
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv: return a + " " + r.symbol + " " + Wrapped(b);
    case Op::kPow: return Wrapped(a) + "^" + Wrapped(b);
    case Op::kNeg: return a.find_first_not_of("0123456789.-") == 0 ? "-" + a : "-(" + a + ")";  // -t, -(1)
    case Op::kMax:
    case Op::kMin: return std::string(r.symbol) + "(" + a + ", " + b + ")";
    default: return std::string(r.symbol) + "(" + a + ")";
  }
}

}  // namespace

std::string FormatNumber(double value, int significant_digits) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", significant_digits, value);
  std::string s = buf;
  // "1.2e-07" -> "1.2e-7", "3e+08" -> "3e8"
  if (auto e = s.find('e'); e != std::string::npos) {
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    const bool negative = exponent[0] == '-';
    size_t digits = exponent.find_first_not_of("+-0");
    s = mantissa + "e" + (negative ? "-" : "") + exponent.substr(digits);
  }
  return s;
}

std::string ForwardFormula(const Graph& graph, int id) {
  const Node& n = graph.node(id);
  if (n.op == Op::kConstant) return n.label;
  if (n.is_leaf()) return n.label + " = " + FormatNumber(n.value);
  const Node& a = graph.node(n.inputs[0]);
  const Node* b = n.inputs.size() > 1 ? &graph.node(n.inputs[1]) : nullptr;
  const std::string symbolic = Apply(n.op, a.label, b ? b->label : "");
  const std::string numeric = Apply(n.op, FormatNumber(a.value), b ? FormatNumber(b->value) : "");
  return n.label + " = " + symbolic + " = " + numeric + " = " + FormatNumber(n.value);
}

std::string LocalFormula(const Graph& graph, int id, int slot) {
  const Node& n = graph.node(id);
  const Node& in = graph.node(n.inputs[slot]);
  const std::string a = graph.node(n.inputs[0]).label;
  const std::string b = n.inputs.size() > 1 ? graph.node(n.inputs[1]).label : "";
  const std::string rule = Substitute(Rule(n.op).local_text[slot], a, b, n.label);
  const std::string value = FormatNumber(graph.LocalGrad(id, slot));
  std::string s = Partial(n.label, in.label) + " = " + rule;
  if (rule != value) s += " = " + value;
  return s;
}

void FillEdgeFormulas(const Graph& graph, EdgeStep& e) {
  const Node& from = graph.node(e.from);
  const Node& to = graph.node(e.to);
  if (!e.traced) {
    e.local_formula.clear();
    e.formula = from.op == Op::kConstant
                    ? from.label + " is a number: it gets no gradient"
                    : from.label + " is computed from numbers only: it gets no gradient";
    return;
  }
  const std::string& f = graph.output_name();
  e.local_formula = LocalFormula(graph, e.to, e.slot);
  e.formula = Partial(f, from.label) + (e.accumulates ? " += " : " = ") + Partial(f, to.label) +
              " · " + Partial(to.label, from.label) + " = " + FormatNumber(e.upstream) + " · " +
              Wrapped(FormatNumber(e.local)) + " = " + FormatNumber(e.downstream);
  if (e.term > 1)
    e.formula += ", so " + Partial(f, from.label) + " = " + FormatNumber(e.grad_before) + " + " +
                 Wrapped(FormatNumber(e.downstream)) + " = " + FormatNumber(e.grad_after);
}

}  // namespace gradlab::graph
