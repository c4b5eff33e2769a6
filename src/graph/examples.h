// The built-in examples of the backprop lessons, with the lecture's numbers: each is a name, an
// expression, input values, a one-line description and, where the lecture names the intermediate
// nodes, those names. The UI lists them; `gradlab-cli graph --example NAME` runs one.
//
// Deliberately not here: the expected answers (they are in the tests, and in the description
// for a student to compare with).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/graph.h"
#include "graph/stepper.h"

namespace gradlab::graph {

struct Example {
  std::string name;         // "add-mul": what --example takes
  std::string expression;   // "f = (x + y) * z"
  InputValues inputs;       // {{"x", -2}, {"y", 5}, {"z", -4}}
  std::string description;  // one line
  std::vector<std::string> labels;  // names of the intermediate nodes in step order; empty: q, r, s, ...
};

const std::vector<Example>& Examples();
const Example* FindExample(std::string_view name);  // nullptr if there is none by that name
std::string ExampleNames();                         // "add-mul, neuron, ..." for messages

// A stepper at position 0 for the example, with `overrides` replacing some of its input values.
Result<Stepper> MakeExampleStepper(const Example& example, const InputValues& overrides = {});

}  // namespace gradlab::graph
