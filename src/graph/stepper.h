// Steps through a graph the way the lecture does on the blackboard: forward one node at a time
// (each step fills in one node's value), then backward one node at a time from the output (each
// step hands one node's gradient to its inputs, edge by edge). Any step can be undone; an input
// can change at any point and everything recomputes at the same position.
//
// Positions run from 0 (only the inputs and numbers are known) to total_steps(): first
// forward_steps() forward steps (one per operation node, column by column from the left: by
// depth, then id), then backward_steps() backward steps (one per operation node that needs a
// gradient, in the exact reverse order: the output first).
// When the forward pass is complete the output's gradient is known: ∂f/∂f = 1.
//
// Built for a UI that reads it every frame: every getter is a lookup. Moving forward applies one
// step; moving back replays from the start, which costs one pass over a graph of at most a few
// hundred nodes and gives back bit for bit the numbers seen before (same operations, same order).
//
// Deliberately not here: drawing, layout, JSON (snapshot.h), parsing (parser.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/gradcheck.h"
#include "graph/graph.h"
#include "graph/notes.h"

namespace gradlab::graph {

enum class Phase {
  kStart,     // no step taken: the inputs are known
  kForward,   // the last step computed a value
  kBackward,  // the last step propagated a gradient
};

enum class GradState {
  kNone,      // gets no gradient (a number, or computed from numbers only)
  kUnknown,   // not reached yet
  kPartial,   // some of its uses have sent their share (a variable used twice, half way)
  kComplete,
};

class Stepper {
 public:
  explicit Stepper(Graph graph);  // the graph's inputs must be set; starts at position 0

  // ---- moving ------------------------------------------------------------------------------------
  bool Step();                    // one step on; false at the end
  bool StepBack();                // undo the last step; false at the start
  void RunToEnd();
  void RunForward();              // to the end of the forward pass (or back to it)
  void Reset();                   // to position 0
  void Seek(int position);        // clamped to [0, total_steps()]
  // Changes a variable, recomputes everything and stays at the same position.
  Status SetInput(std::string_view name, double value);

  // ---- where we are --------------------------------------------------------------------------------
  int position() const { return position_; }
  int forward_steps() const { return static_cast<int>(forward_order_.size()); }
  int backward_steps() const { return static_cast<int>(backward_order_.size()); }
  int total_steps() const { return forward_steps() + backward_steps(); }
  bool at_end() const { return position_ == total_steps(); }
  Phase phase() const;
  int StepNode(int step) const;   // the node step `step` (0-based) acts on
  int current_node() const { return position_ > 0 ? StepNode(position_ - 1) : -1; }
  int next_node() const { return at_end() ? -1 : StepNode(position_); }

  // ---- what is known at this position ------------------------------------------------------------
  const Graph& graph() const { return graph_; }  // unknown values are NaN, unknown gradients 0
  bool value_known(int id) const;
  GradState grad_state(int id) const;
  const std::string& forward_formula() const { return formula_; }  // current forward step, or ""
  const std::vector<EdgeStep>& edges() const;  // the current backward step's edges, or none
  // The edges into `node` as its backward step left them (one per input), or nullptr if that
  // step is not taken yet: a UI can label every edge the backward wave has passed.
  const std::vector<EdgeStep>* EdgesInto(int node) const;
  std::vector<Note> VisibleNotes() const;

  // ---- the whole answer, whatever the position ----------------------------------------------------
  const Graph& result() const { return result_; }  // after a full forward and backward pass
  const std::vector<GradCheckRow>& gradcheck() const { return gradcheck_; }
  const std::vector<Note>& notes() const { return notes_; }

 private:
  void Apply(int step);
  void Replay(int position);
  void Recompute();

  Graph graph_;
  Graph result_;
  std::vector<int> forward_order_, backward_order_;
  std::vector<int> forward_index_, backward_index_;  // per node: its step in each pass, or -1
  int position_ = 0;
  std::string formula_;
  std::vector<std::vector<EdgeStep>> backward_edges_;  // per backward step, once taken
  std::vector<GradCheckRow> gradcheck_;
  std::vector<Note> notes_;
};

// Parses `expression`, gives every variable its value (all are required; unknown names are
// refused), applies the lecture's `labels` if any, and returns a stepper at position 0.
Result<Stepper> MakeStepper(std::string_view expression, const InputValues& values,
                            const std::vector<std::string>& labels = {});

const char* PhaseName(Phase phase);          // "start", "forward", "backward"
const char* GradStateName(GradState state);  // "none", "unknown", "partial", "complete"

}  // namespace gradlab::graph
