// Building the graph, and the forward and backward passes one node at a time.
#include "graph/no_fma.h"

#include "graph/graph.h"

#include <algorithm>

#include "graph/formulas.h"

namespace gradlab::graph {

// ---- building ------------------------------------------------------------------------------------

int Graph::AddInput(std::string_view name) {
  if (int id = FindInput(name); id >= 0) return id;  // one node per variable: reuse = copy
  Node n;
  n.op = Op::kInput;
  n.label = std::string(name);
  n.needs_grad = true;
  nodes_.push_back(std::move(n));
  inputs_.push_back(size() - 1);
  return size() - 1;
}

int Graph::AddConstant(double value, std::string text) {
  Node n;
  n.op = Op::kConstant;
  n.value = value;
  n.label = std::move(text);
  nodes_.push_back(std::move(n));
  return size() - 1;
}

int Graph::AddOp(Op op, int a, int b) {
  Node n;
  n.op = op;
  n.inputs.push_back(a);
  if (Rule(op).arity == 2) n.inputs.push_back(b);
  for (int in : n.inputs) {
    nodes_[in].uses++;
    n.needs_grad = n.needs_grad || nodes_[in].needs_grad;
    n.depth = std::max(n.depth, nodes_[in].depth + 1);
  }
  nodes_.push_back(std::move(n));
  return size() - 1;
}

bool Graph::LabelTaken(std::string_view label, int except) const {
  if (label == output_name_) return true;
  for (int i = 0; i < size(); ++i)
    if (i != except && nodes_[i].op != Op::kConstant && nodes_[i].label == label) return true;
  return false;
}

// q, r, s, ... as in the lecture (q = x + y), then more letters, then q1, q2, ...
std::string Graph::FreshLabel(size_t& next) const {
  static const char* const kNames[] = {"q", "r", "s", "t", "u", "v", "w", "a", "b", "c",
                                       "d", "e", "g", "h", "k", "m", "n", "p"};
  constexpr size_t kCount = sizeof(kNames) / sizeof(kNames[0]);
  for (;; ++next) {
    std::string label = next < kCount ? kNames[next] : "q" + std::to_string(next - kCount + 1);
    if (!LabelTaken(label, -1)) {
      ++next;
      return label;
    }
  }
}

void Graph::Finish(std::string output_name, std::string text) {
  output_ = size() - 1;
  output_name_ = std::move(output_name);
  text_ = std::move(text);
  for (Node& n : nodes_)
    if (!n.is_leaf()) n.label.clear();
  // Letters in the order the steps visit the nodes: q is computed first, then r, ...
  if (!nodes_[output_].is_leaf()) nodes_[output_].label = output_name_;
  size_t next = 0;
  for (int id : OpOrder())
    if (id != output_) nodes_[id].label = FreshLabel(next);
}

Status Graph::SetLabels(const std::vector<std::string>& labels) {
  std::vector<int> intermediates;
  for (int id : OpOrder())
    if (id != output_) intermediates.push_back(id);
  if (labels.size() > intermediates.size())
    return Status::Error(std::to_string(labels.size()) + " labels for " +
                         std::to_string(intermediates.size()) + " intermediate nodes");
  for (size_t k = 0; k < labels.size(); ++k) {
    if (labels[k].empty()) continue;
    if (LabelTaken(labels[k], intermediates[k]))
      return Status::Error("the label '" + labels[k] + "' is already taken");
    nodes_[intermediates[k]].label = labels[k];
  }
  return {};
}

// ---- reading -------------------------------------------------------------------------------------

int Graph::FindInput(std::string_view name) const {
  for (int id : inputs_)
    if (nodes_[id].label == name) return id;
  return -1;
}

std::vector<Pattern> Graph::Patterns(int id) const {
  std::vector<Pattern> out;
  if (Pattern p = Rule(nodes_[id].op).pattern; p != Pattern::kNone) out.push_back(p);
  if (nodes_[id].uses > 1 && nodes_[id].needs_grad) out.push_back(Pattern::kCopyAdds);
  return out;
}

std::vector<int> Graph::OpOrder() const {
  std::vector<int> ops;
  for (int id = 0; id < size(); ++id)
    if (!nodes_[id].is_leaf()) ops.push_back(id);
  std::stable_sort(ops.begin(), ops.end(),
                   [&](int a, int b) { return nodes_[a].depth < nodes_[b].depth; });
  return ops;
}

// ---- forward -------------------------------------------------------------------------------------

void Graph::SetValue(int id, double value) { nodes_[id].value = value; }

void Graph::ForwardNode(int id) {
  Node& n = nodes_[id];
  if (n.is_leaf()) return;
  const double a = nodes_[n.inputs[0]].value;
  const double b = n.inputs.size() > 1 ? nodes_[n.inputs[1]].value : 0.0;
  n.value = Rule(n.op).forward(a, b);
}

void Graph::Forward() {
  for (int id : OpOrder()) ForwardNode(id);
}

// ---- backward ------------------------------------------------------------------------------------

void Graph::ZeroGrad() {
  for (Node& n : nodes_) {
    n.grad = 0;
    n.grad_terms = 0;
  }
}

void Graph::SeedGrad() {
  nodes_[output_].grad = 1;
  nodes_[output_].grad_terms = 1;
}

double Graph::LocalGrad(int id, int slot) const {
  const Node& n = nodes_[id];
  const double a = nodes_[n.inputs[0]].value;
  const double b = n.inputs.size() > 1 ? nodes_[n.inputs[1]].value : 0.0;
  const LocalGrads g = Rule(n.op).local(a, b, n.value);
  return slot == 0 ? g.a : g.b;
}

void Graph::BackwardNode(int id, std::vector<EdgeStep>* log) {
  if (log) log->clear();
  const double upstream = nodes_[id].grad;
  for (int slot = 0; slot < static_cast<int>(nodes_[id].inputs.size()); ++slot) {
    const int from = nodes_[id].inputs[slot];
    Node& in = nodes_[from];
    EdgeStep e;
    e.from = from;
    e.to = id;
    e.slot = slot;
    e.traced = in.needs_grad;
    if (e.traced) {
      e.upstream = upstream;
      e.local = LocalGrad(id, slot);
      e.downstream = upstream * e.local;
      e.grad_before = in.grad;
      in.grad += e.downstream;
      e.term = ++in.grad_terms;
      e.grad_after = in.grad;
      e.accumulates = in.uses > 1;
    }
    if (log) {
      FillEdgeFormulas(*this, e);
      log->push_back(std::move(e));
    }
  }
}

void Graph::Backward() {
  ZeroGrad();
  SeedGrad();
  const std::vector<int> order = OpOrder();
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (nodes_[*it].needs_grad) BackwardNode(*it);
}

// ---- inputs by name ------------------------------------------------------------------------------

namespace {
std::string VariableList(const Graph& g) {
  if (g.inputs().empty()) return "it has none";
  std::string s = "its variables: ";
  for (size_t k = 0; k < g.inputs().size(); ++k)
    s += (k ? ", " : "") + g.node(g.inputs()[k]).label;
  return s;
}
}  // namespace

Status AssignInputs(Graph& graph, const InputValues& values, bool require_all) {
  std::vector<bool> given(graph.size(), false);
  for (const auto& [name, value] : values) {
    const int id = graph.FindInput(name);
    if (id < 0)
      return Status::Error("'" + name + "' is not a variable of this expression (" +
                           VariableList(graph) + ")");
    graph.SetValue(id, value);
    given[id] = true;
  }
  if (require_all) {
    std::string missing, first;
    for (int id : graph.inputs()) {
      if (given[id]) continue;
      if (first.empty()) first = graph.node(id).label;
      missing += (missing.empty() ? "" : ", ") + graph.node(id).label;
    }
    if (!missing.empty())
      return Status::Error("no value for " + missing + ": give every variable a value, e.g. " +
                           first + "=1");
  }
  return {};
}

}  // namespace gradlab::graph
