// The examples, with where their numbers come from.
#include "graph/examples.h"

#include "i18n/translate.h"  // N_: the descriptions are translated where they are shown

namespace gradlab::graph {

const std::vector<Example>& Examples() {
  static const std::vector<Example> examples = {
      // The lecture's first backprop example: q = x + y, f = q z.
      {"add-mul", "f = (x + y) * z", {{"x", -2}, {"y", 5}, {"z", -4}},
       N_("the lecture's first example: q = x + y, f = q z; f = -12, df/dx = df/dy = -4, df/dz = 3"), {}},
      // CS231n's sigmoid neuron (the lecture shows the same gate, without numbers):
      // w0 x0 + w1 x1 + w2 = 1, f = sigmoid(1) = 0.73.
      {"neuron", "f = 1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))",
       {{"w0", 2}, {"x0", -1}, {"w1", -3}, {"x1", -2}, {"w2", -3}},
       N_("a two-input sigmoid neuron, gate by gate: f = 0.73; df/dw0 = -0.20, df/dx0 = 0.39, "
          "df/dw1 = -0.39, df/dx1 = -0.59, df/dw2 = 0.20"), {}},
      // CS231n's gradient-router example: add distributes, multiply swaps, max routes.
      {"max-gate", "f = 2 * (x * y + max(z, w))", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}},
       N_("add distributes, multiply swaps, max routes: f = -20; df/dx = -8, df/dy = 6, df/dz = 2, "
          "df/dw = 0"), {}},
      // The lecture's softmax slide: scores cat 3.2, car 5.1, frog -1.7 for a cat image.
      {"softmax", "L = -log(exp(cat) / (exp(cat) + exp(car) + exp(frog)))",
       {{"cat", 3.2}, {"car", 5.1}, {"frog", -1.7}},
       N_("softmax loss of the scores cat 3.2, car 5.1, frog -1.7, label cat: L = -ln 0.13 = 2.04; "
          "dL/dscore = probability - 1 for cat, the probability for the others"), {}},
      // One input x, two ReLU hidden units (one active, one not), a linear output, squared error.
      {"two-layer", "L = (v1*relu(w1*x + b1) + v2*relu(w2*x + b2) + c - t)^2",
       {{"v1", 2}, {"w1", 0.5}, {"x", 2}, {"b1", -0.5}, {"v2", -1}, {"w2", -1}, {"b2", 1}, {"c", 0.5}, {"t", 1}},
       N_("a 2-layer network on one input: h1 = relu(0.5) = 0.5, h2 = relu(-1) = 0, y = 1.5, "
          "L = (y - t)^2 = 0.25; the inactive ReLU blocks its gradient (dL/dw2 = 0)"),
       {"p1", "p2", "z1", "z2", "h1", "h2", "o1", "o2", "s", "y", "e"}},  // layer by layer
  };
  return examples;
}

const Example* FindExample(std::string_view name) {
  for (const Example& e : Examples())
    if (e.name == name) return &e;
  return nullptr;
}

std::string ExampleNames() {
  std::string names;
  for (const Example& e : Examples()) names += (names.empty() ? "" : ", ") + e.name;
  return names;
}

Result<Stepper> MakeExampleStepper(const Example& example, const InputValues& overrides) {
  InputValues values = example.inputs;
  for (const auto& [name, value] : overrides) {
    bool found = false;
    for (auto& [n, v] : values)
      if (n == name) v = value, found = true;
    if (!found) values.emplace_back(name, value);  // MakeStepper names the unknown variable
  }
  return MakeStepper(example.expression, values, example.labels);
}

}  // namespace gradlab::graph
