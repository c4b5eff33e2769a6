// The scalar computational graph of the backprop lessons. Nodes are stored in topological order
// (every input has a smaller id than the node that uses it), and each node remembers its op,
// its inputs, its value, its gradient and a label, so a UI can draw the graph and every number
// on it without recomputing anything (micrograd's habit).
//
//   Graph g = ...ParseExpression("f = (x + y) * z")...;    // parser.h builds it
//   AssignInputs(g, {{"x", -2}, {"y", 5}, {"z", -4}}, true);
//   g.Forward();  g.Backward();                              // f = -12, ∂f/∂x = -4 ...
//
// One node per distinct variable: a variable used twice is one leaf with two outgoing edges, and
// its gradient is their sum ("copy adds"). Numbers are leaves too, one per occurrence; they get
// no gradient (nor does anything computed only from numbers), as in PyTorch. Subtraction,
// division and negation are nodes of their own rather than a + (-1 * b): the graph then shows
// exactly what the student typed, one box per symbol, at the cost of three more backward rules,
// each checked against finite differences in the tests.
//
// Deliberately not here: parsing (parser.h), stepping one node at a time and what is "known" at
// a step (stepper.h), numerical checks (gradcheck.h), text of formulas (formulas.h).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "graph/ops.h"

namespace gradlab::graph {

struct Node {
  Op op = Op::kConstant;
  std::vector<int> inputs;  // ids of earlier nodes; a node may use the same input twice (x * x)
  double value = 0;
  double grad = 0;          // ∂output/∂node, accumulated with += by BackwardNode of its users
  int grad_terms = 0;       // how many of those contributions have arrived since ZeroGrad
  std::string label;        // "x", "q", "2", "f": the name used in formulas
  bool needs_grad = false;  // depends on a variable; false for numbers and number-only parts
  int uses = 0;             // outgoing edges (x * x counts 2): a variable with 2+ "copy adds"
  int depth = 0;            // longest path from a leaf: the column of a left-to-right layout

  bool is_leaf() const { return inputs.empty(); }
};

// What one edge (input -> node) carried in a backward step.
struct EdgeStep {
  int from = -1;            // the input node
  int to = -1;              // the node whose gradient was propagated
  int slot = 0;             // which input of `to` (0 = a, 1 = b)
  bool traced = false;      // false when `from` gets no gradient (a number): the rest is unset
  double upstream = 0;      // ∂out/∂to
  double local = 0;         // ∂to/∂from
  double downstream = 0;    // upstream * local, added to from's gradient
  double grad_before = 0;   // from's gradient before and after this edge's contribution
  double grad_after = 0;
  bool accumulates = false; // `from` has several uses: its gradient is a sum ("copy adds")
  int term = 0;             // which contribution to from's gradient this is: 1, 2, ... of uses
  std::string local_formula;  // "∂q/∂x = 1"
  std::string formula;        // "∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4"
};

using InputValues = std::vector<std::pair<std::string, double>>;

class Graph {
 public:
  // ---- building: each call adds one node (or finds the variable) and returns its id ----------
  int AddInput(std::string_view name);
  int AddConstant(double value, std::string text);
  int AddOp(Op op, int a, int b = -1);
  // Marks the last node as the output and gives every intermediate node a label: q, r, s, ...
  // in OpOrder (skipping the names of variables). `text` is the expression as typed.
  void Finish(std::string output_name, std::string text);
  // The lecture's names for the intermediate nodes (operations other than the output), in
  // OpOrder; an empty string keeps the default. Refused if there are more names than nodes or a
  // name is already taken.
  Status SetLabels(const std::vector<std::string>& labels);

  // ---- reading ---------------------------------------------------------------------------------
  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& node(int id) const { return nodes_[id]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  int output() const { return output_; }
  const std::string& output_name() const { return output_name_; }  // "f" in ∂f/∂x
  const std::string& text() const { return text_; }
  const std::vector<int>& inputs() const { return inputs_; }  // variables, as they first appear
  int FindInput(std::string_view name) const;                 // -1 if not a variable
  std::vector<Pattern> Patterns(int id) const;                // the lecture's names for a node
  // The operation nodes column by column, as the graph is drawn left to right: by depth, then id.
  // A node is deeper than its inputs, so this is a topological order; the backward pass runs it
  // in reverse, and the stepper uses the same order so both add gradients up identically.
  std::vector<int> OpOrder() const;

  // ---- forward ---------------------------------------------------------------------------------
  void SetValue(int id, double value);  // an input's value (the stepper also clears others)
  void ForwardNode(int id);  // value = op(inputs' values); the inputs must be computed
  void Forward();            // every node, in order

  // ---- backward --------------------------------------------------------------------------------
  void ZeroGrad();           // every gradient (and its term count) back to 0
  void SeedGrad();           // ∂out/∂out = 1
  double LocalGrad(int id, int slot) const;  // ∂node/∂input `slot`, from current values
  // Adds node `id`'s gradient times each local gradient to its inputs (those that need one). The
  // node's own gradient must be complete; `log`, if given, receives one EdgeStep per input.
  void BackwardNode(int id, std::vector<EdgeStep>* log = nullptr);
  void Backward();           // ZeroGrad, SeedGrad, then BackwardNode over OpOrder() reversed

 private:
  std::string FreshLabel(size_t& next) const;
  bool LabelTaken(std::string_view label, int except) const;

  std::vector<Node> nodes_;
  std::vector<int> inputs_;
  int output_ = -1;
  std::string output_name_ = "f";
  std::string text_;
};

// Sets the variables' values by name. A name that is not a variable of the graph is refused;
// with `require_all`, so is a variable left without a value. Messages list the variables.
Status AssignInputs(Graph& graph, const InputValues& values, bool require_all);

}  // namespace gradlab::graph
