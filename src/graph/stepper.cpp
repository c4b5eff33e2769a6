// Stepping: one step forward applies one node; one step back replays from the start.
#include "graph/stepper.h"

#include <algorithm>
#include <cmath>

#include "graph/formulas.h"
#include "graph/parser.h"
#include "i18n/translate.h"

namespace gradlab::graph {

Stepper::Stepper(Graph graph) : graph_(std::move(graph)) {
  forward_index_.assign(graph_.size(), -1);
  backward_index_.assign(graph_.size(), -1);
  // The graph's own order (column by column), so stepping to the end adds every gradient up in
  // the same order as Graph::Backward: result() and the stepped graph agree to the last bit.
  const std::vector<int> ops = graph_.OpOrder();
  for (int id : ops) {
    forward_index_[id] = forward_steps();
    forward_order_.push_back(id);
  }
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (!graph_.node(*it).needs_grad) continue;
    backward_index_[*it] = backward_steps();
    backward_order_.push_back(*it);
  }
  backward_edges_.resize(backward_order_.size());
  Recompute();
  Replay(0);
}

// ---- moving ----------------------------------------------------------------------------------------

void Stepper::Apply(int step) {
  if (step < forward_steps()) {
    const int id = forward_order_[step];
    graph_.ForwardNode(id);
    formula_ = ForwardFormula(graph_, id);
    if (step + 1 == forward_steps()) graph_.SeedGrad();  // the forward pass is complete
  } else {
    formula_.clear();
    const int k = step - forward_steps();
    graph_.BackwardNode(backward_order_[k], &backward_edges_[k]);
  }
}

void Stepper::Replay(int position) {
  for (int id : forward_order_) graph_.SetValue(id, std::nan(""));  // not computed yet
  graph_.ZeroGrad();
  if (forward_order_.empty()) graph_.SeedGrad();  // the output is a leaf: nothing to compute
  formula_.clear();
  for (auto& edges : backward_edges_) edges.clear();
  for (int step = 0; step < position; ++step) Apply(step);
  position_ = position;
}

bool Stepper::Step() {
  if (at_end()) return false;
  Apply(position_++);
  return true;
}

bool Stepper::StepBack() {
  if (position_ == 0) return false;
  Replay(position_ - 1);
  return true;
}

void Stepper::Seek(int position) {
  position = std::clamp(position, 0, total_steps());
  if (position < position_) Replay(position);
  while (position_ < position) Step();
}

void Stepper::RunToEnd() { Seek(total_steps()); }
void Stepper::RunForward() { Seek(forward_steps()); }
void Stepper::Reset() { Replay(0); }

Status Stepper::SetInput(std::string_view name, double value) {
  const int id = graph_.FindInput(name);
  if (id < 0) return AssignInputs(graph_, {{std::string(name), value}}, false);  // its message
  graph_.SetValue(id, value);
  Recompute();
  Replay(position_);
  return {};
}

void Stepper::Recompute() {
  result_ = graph_;
  result_.Forward();
  result_.Backward();
  gradcheck_ = GradCheck(result_);
  notes_ = FindNotes(result_);
}

// ---- where we are and what is known ---------------------------------------------------------------

Phase Stepper::phase() const {
  if (position_ == 0) return Phase::kStart;
  return position_ <= forward_steps() ? Phase::kForward : Phase::kBackward;
}

int Stepper::StepNode(int step) const {
  if (step < 0 || step >= total_steps()) return -1;
  return step < forward_steps() ? forward_order_[step] : backward_order_[step - forward_steps()];
}

const std::vector<EdgeStep>& Stepper::edges() const {
  static const std::vector<EdgeStep> kNone;
  return phase() == Phase::kBackward ? backward_edges_[position_ - 1 - forward_steps()] : kNone;
}

const std::vector<EdgeStep>* Stepper::EdgesInto(int node) const {
  const int k = backward_index_[node];
  return k >= 0 && forward_steps() + k < position_ ? &backward_edges_[k] : nullptr;
}

bool Stepper::value_known(int id) const {
  return forward_index_[id] < 0 || forward_index_[id] < position_;
}

GradState Stepper::grad_state(int id) const {
  const Node& n = graph_.node(id);
  if (id == graph_.output()) return position_ >= forward_steps() ? GradState::kComplete : GradState::kUnknown;
  if (!n.needs_grad) return GradState::kNone;
  if (n.grad_terms == 0) return GradState::kUnknown;
  return n.grad_terms < n.uses ? GradState::kPartial : GradState::kComplete;
}

std::vector<Note> Stepper::VisibleNotes() const {
  std::vector<Note> visible;
  for (const Note& note : notes_) {
    const bool shown = note.backward ? backward_index_[note.node] >= 0 &&
                                           forward_steps() + backward_index_[note.node] < position_
                                     : value_known(note.node);
    if (shown) visible.push_back(note);
  }
  return visible;
}

// ---- helpers ---------------------------------------------------------------------------------------

Result<Stepper> MakeStepper(std::string_view expression, const InputValues& values,
                            const std::vector<std::string>& labels) {
  Result<Graph> graph = ParseExpression(expression);
  if (!graph) return graph.status();
  if (Status s = AssignInputs(*graph, values, true); !s) return s;
  if (Status s = graph->SetLabels(labels); !s) return s;
  return Stepper(std::move(*graph));
}

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kStart: return N_("start");  // N_: translated where it is shown
    case Phase::kForward: return N_("forward");
    case Phase::kBackward: return N_("backward");
  }
  return "";
}

const char* GradStateName(GradState state) {
  switch (state) {
    case GradState::kNone: return "none";
    case GradState::kUnknown: return "unknown";
    case GradState::kPartial: return "partial";
    case GradState::kComplete: return "complete";
  }
  return "";
}

}  // namespace gradlab::graph
