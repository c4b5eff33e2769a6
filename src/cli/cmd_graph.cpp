// `gradlab-cli graph`: the backprop lesson's computational graph, headless. Prints every node's
// op, value and gradient, every step of the forward and backward passes as a formula, and the
// numerical gradient check; --json gives the same state as the app's test hook (snapshot.h).
//
// Deliberately not here: any graph math (src/graph does it all; this file only reads words and
// prints). A domain problem (log of a negative number, division by zero) is not a failure: the
// values are NaN or inf as IEEE arithmetic gives them, with a note saying where and why, and the
// exit code is 0.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "graph/examples.h"
#include "graph/formulas.h"
#include "graph/snapshot.h"
#include "graph/stepper.h"

namespace gradlab::cli {
namespace {

using graph::InputValues;
using graph::Stepper;

const std::vector<OptionSpec>& Specs() {
  static const std::vector<OptionSpec> specs = {
      {"example", "NAME", "run a built-in example (see --list-examples)", ""},
      {"list-examples", "", "list the built-in examples", ""},
      {"step", "N", "show the state after N steps (0: only the inputs; default: the end)", ""},
      {"json", "", "print one JSON object (the app's state hook) instead of text", ""},
      {"help", "", "show this help", ""},
  };
  return specs;
}

void PrintHelp() {
  std::cout
      << "Usage: gradlab-cli graph \"EXPRESSION\" NAME=VALUE ... [--step N] [--json]\n"
         "       gradlab-cli graph --example NAME [NAME=VALUE ...] [--step N] [--json]\n"
         "       gradlab-cli graph --list-examples [--json]\n\n"
         "Builds the computational graph of EXPRESSION, runs the forward and backward passes one\n"
         "node at a time and prints every node's value and gradient, each step as a formula, and\n"
         "a numerical gradient check per variable: (f(x+h) - f(x-h)) / 2h, h = 1e-5 max(1, |x|).\n\n"
         "  gradlab-cli graph \"f = (x + y) * z\" x=-2 y=5 z=-4\n\n"
         "Expressions: variables, numbers (1e-3, .5), + - * / ^ (power, right-associative;\n"
         "-x^2 = -(x^2)), parentheses, exp log sqrt abs sigmoid tanh relu max(a, b) min(a, b).\n"
         "An optional \"NAME =\" names the output (default f). Every variable needs a value.\n"
         "max/min at a tie route the gradient to their first argument; relu and abs have slope 0\n"
         "at 0. A value that is not a real number (log of a negative number, division by zero)\n"
         "is shown as NaN or inf with a note; that is not an error.\n\n"
         "Exit codes: 0 done; 2 the command line is wrong (a parse error, with its column; a\n"
         "variable without a value, a value for an unknown variable, a malformed NAME=VALUE).\n\n"
         "Options:\n"
      << FormatOptions(Specs());
}

int Usage(const std::string& message) {
  std::cerr << "gradlab-cli graph: " << message << "\nTry 'gradlab-cli graph --help'.\n";
  return kExitUsage;
}

// Options go to Args; everything else is ours. Args would refuse an expression starting with
// "-x" as an unknown option, so positionals are set aside first ("--" ends the options).
void SplitWords(const std::vector<std::string>& words, std::vector<std::string>& options,
                std::vector<std::string>& positionals) {
  bool only_positionals = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!only_positionals && w == "--") {  // before the test below, which "--" would pass
      only_positionals = true;
      continue;
    }
    if (only_positionals || w.size() < 3 || w.compare(0, 2, "--") != 0) {
      positionals.push_back(w);
      continue;
    }
    options.push_back(w);
    const std::string name = w.substr(2);
    const bool takes_value = name == "example" || name == "step";
    if (takes_value && i + 1 < words.size()) options.push_back(words[++i]);
  }
}

// "x=-2" -> ("x", -2), with a message for anything else.
bool ParseAssignment(const std::string& word, InputValues& values, std::string& error) {
  const size_t eq = word.find('=');
  const std::string name = word.substr(0, eq);
  const bool name_ok = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
                       std::all_of(name.begin(), name.end(), [](char c) {
                         return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                       });
  if (eq == std::string::npos || !name_ok) {
    error = "'" + word + "' is not a variable's value: write NAME=VALUE, e.g. x=-2";
    return false;
  }
  const std::string text = word.substr(eq + 1);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v)) {
    error = "'" + word + "': the value of " + name + " must be a finite number, not '" + text + "'";
    return false;
  }
  for (const auto& [n, _] : values) {
    if (n == name) {
      error = name + " is given a value twice";
      return false;
    }
  }
  values.emplace_back(name, v);
  return true;
}

std::string Num(double v) { return graph::FormatNumber(v, 6); }

// A table with left-aligned columns (its cells are ASCII).
void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width;
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c)
      line += row[c] + (c + 1 < row.size() ? std::string(width[c] - row[c].size() + 2, ' ') : "");
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << "  " << line << "\n";
  }
}

void PrintText(const Stepper& at) {
  const graph::Graph& g = at.graph();
  std::cout << g.text() << "\n";
  for (size_t k = 0; k < g.inputs().size(); ++k)
    std::cout << (k ? ", " : "  with ") << g.node(g.inputs()[k]).label << " = " << Num(g.node(g.inputs()[k]).value);
  std::cout << (g.inputs().empty() ? "\n" : "\n\n");

  // Every step up to this position, as the lecture writes it.
  Stepper replay = at;
  replay.Reset();
  std::cout << "steps (" << at.position() << " of " << at.total_steps() << "):\n";
  while (replay.position() < at.position()) {
    replay.Step();
    const std::string head = "  " + std::string(replay.position() < 10 ? " " : "") +
                             std::to_string(replay.position()) + " " +
                             (replay.phase() == graph::Phase::kForward ? "forward " : "backward") + "  ";
    if (replay.phase() == graph::Phase::kForward) {
      std::cout << head << replay.forward_formula() << "\n";
    } else {
      bool first = true;
      for (const graph::EdgeStep& e : replay.edges()) {
        if (!e.traced) continue;  // a number's edge: no gradient to show
        std::cout << (first ? head : std::string(head.size() - 2, ' ') + "  ") << e.formula << "\n";
        first = false;
      }
    }
  }
  std::cout << "\n";

  std::vector<std::vector<std::string>> rows = {{"node", "op", "inputs", "value", "gradient", "pattern"}};
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& n = g.node(id);
    std::string inputs, patterns;
    for (int in : n.inputs) inputs += (inputs.empty() ? "" : ", ") + g.node(in).label;
    for (graph::Pattern p : g.Patterns(id))
      patterns += (patterns.empty() ? "" : ", ") + std::string(graph::PatternName(p));
    const graph::GradState state = at.grad_state(id);
    std::string grad = state == graph::GradState::kNone      ? "-"
                       : state == graph::GradState::kUnknown ? "?"
                                                             : Num(n.grad);
    if (state == graph::GradState::kPartial) grad += " (so far)";
    rows.push_back({n.label + (id == g.output() ? " (output)" : ""), graph::Rule(n.op).name, inputs,
                    at.value_known(id) ? Num(n.value) : "?", grad, patterns});
  }
  PrintTable(rows);
  std::cout << "\n";

  std::cout << "gradient check, centred difference (f(x+h) - f(x-h)) / 2h:\n";
  rows = {{"input", "value", "analytic", "numerical", "h", "relative error"}};
  for (const graph::GradCheckRow& r : at.gradcheck())
    rows.push_back({r.input, Num(r.value), Num(r.analytic), Num(r.numerical), Num(r.step),
                    graph::FormatNumber(r.relative_error, 2) +
                        (r.crosses_kink ? " (x +- h crosses a kink: not reliable here)" : "") +
                        (r.leaves_domain ? " (x +- h leaves the domain: no numerical gradient here)" : "")});
  PrintTable(rows);

  for (const graph::Note& n : at.VisibleNotes()) std::cout << "note: " << n.text << "\n";
}

int ListExamples(bool json) {
  nlohmann::json list = nlohmann::json::array();
  for (const graph::Example& e : graph::Examples()) {
    std::string values;
    nlohmann::json inputs = nlohmann::json::object();
    for (const auto& [name, v] : e.inputs) {
      values += (values.empty() ? "" : " ") + name + "=" + Num(v);
      inputs[name] = v;
    }
    if (json) {
      list.push_back({{"name", e.name}, {"expression", e.expression}, {"inputs", inputs},
                      {"description", e.description}});
    } else {
      std::cout << e.name << "\n  " << e.expression << "\n  " << values << "\n  " << e.description << "\n";
    }
  }
  if (json) std::cout << nlohmann::json{{"examples", list}}.dump() << "\n";
  return kExitOk;
}

}  // namespace

int RunGraph(const std::vector<std::string>& words) {
  std::vector<std::string> option_words, positionals;
  SplitWords(words, option_words, positionals);
  Args args(Specs(), option_words);
  if (!args.ok()) return Usage(args.error());
  if (args.flag("help")) {
    PrintHelp();
    return kExitOk;
  }
  if (args.flag("list-examples")) {
    if (!positionals.empty()) return Usage("--list-examples takes no other arguments");
    return ListExamples(args.flag("json"));
  }

  const graph::Example* example = nullptr;
  if (args.has("example")) {
    example = graph::FindExample(args.get("example"));
    if (!example)
      return Usage("no example called '" + args.get("example") + "' (examples: " + graph::ExampleNames() + ")");
  } else if (positionals.empty()) {
    return Usage("give an expression and its variables' values, e.g. \"f = (x + y) * z\" x=-2 y=5 z=-4, "
                 "or --example NAME");
  }

  // With --example every word is a value; otherwise the first is the expression.
  const size_t first_value = example ? 0 : 1;
  InputValues values;
  std::string error;
  for (size_t i = first_value; i < positionals.size(); ++i)
    if (!ParseAssignment(positionals[i], values, error)) return Usage(error);

  Result<Stepper> made = example ? graph::MakeExampleStepper(*example, values)
                                 : graph::MakeStepper(positionals[0], values);
  if (!made) return Usage(made.error());
  Stepper& stepper = *made;

  int position = stepper.total_steps();
  if (args.has("step")) position = static_cast<int>(args.get_int("step", 0, stepper.total_steps()));
  if (!args.ok()) return Usage(args.error());
  stepper.Seek(position);

  if (args.flag("json")) {
    nlohmann::json j = graph::Snapshot(stepper);
    if (example) j["example"] = example->name;
    std::cout << j.dump() << "\n";
  } else {
    if (example) std::cout << "example " << example->name << ": " << example->description << "\n\n";
    PrintText(stepper);
  }
  return kExitOk;
}

}  // namespace gradlab::cli
