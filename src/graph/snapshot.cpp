// Stepper state to JSON.
#include "graph/snapshot.h"

#include <cmath>

namespace gradlab::graph {

nlohmann::json JsonNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return value == 0 ? 0.0 : value;
}

namespace {

const char* Kind(Op op) {
  return op == Op::kInput ? "input" : op == Op::kConstant ? "constant" : "op";
}

nlohmann::json NodeJson(const Stepper& s, int id) {
  const Graph& g = s.graph();
  const Node& n = g.node(id);
  const GradState state = s.grad_state(id);
  nlohmann::json patterns = nlohmann::json::array();
  for (Pattern p : g.Patterns(id)) patterns.push_back(PatternName(p));
  const bool grad_shown = state == GradState::kPartial || state == GradState::kComplete;
  return {{"id", id},
          {"label", n.label},
          {"op", Rule(n.op).name},
          {"symbol", n.is_leaf() ? n.label : Rule(n.op).symbol},
          {"kind", Kind(n.op)},
          {"inputs", n.inputs},
          {"depth", n.depth},
          {"uses", n.uses},
          {"output", id == g.output()},
          {"value", s.value_known(id) ? JsonNumber(n.value) : nlohmann::json(nullptr)},
          {"grad", grad_shown ? JsonNumber(n.grad) : nlohmann::json(nullptr)},
          {"grad_state", GradStateName(state)},
          {"patterns", patterns}};
}

nlohmann::json EdgeJson(const EdgeStep& e) {
  nlohmann::json j = {{"from", e.from}, {"to", e.to}, {"slot", e.slot}, {"traced", e.traced},
                      {"formula", e.formula}};
  if (e.traced) {
    j["upstream"] = JsonNumber(e.upstream);
    j["local"] = JsonNumber(e.local);
    j["downstream"] = JsonNumber(e.downstream);
    j["grad_before"] = JsonNumber(e.grad_before);
    j["grad_after"] = JsonNumber(e.grad_after);
    j["accumulates"] = e.accumulates;
    j["term"] = e.term;
    j["local_formula"] = e.local_formula;
  }
  return j;
}

nlohmann::json StepJson(const Stepper& s) {
  const int node = s.current_node();
  if (node < 0) return nullptr;
  if (s.phase() == Phase::kForward)
    return {{"kind", "forward"}, {"node", node}, {"formula", s.forward_formula()}};
  nlohmann::json edges = nlohmann::json::array();
  for (const EdgeStep& e : s.edges()) edges.push_back(EdgeJson(e));
  return {{"kind", "backward"}, {"node", node}, {"edges", edges}};
}

}  // namespace

nlohmann::json Snapshot(const Stepper& s) {
  const Graph& g = s.graph();
  const Graph& result = s.result();

  nlohmann::json inputs = nlohmann::json::array(), grads = nlohmann::json::object();
  for (int id : g.inputs()) {
    inputs.push_back({{"name", g.node(id).label}, {"node", id}, {"value", JsonNumber(g.node(id).value)}});
    grads[g.node(id).label] = JsonNumber(result.node(id).grad);
  }
  nlohmann::json nodes = nlohmann::json::array();
  for (int id = 0; id < g.size(); ++id) nodes.push_back(NodeJson(s, id));
  nlohmann::json checks = nlohmann::json::array();
  for (const GradCheckRow& r : s.gradcheck())
    checks.push_back({{"input", r.input},
                      {"value", JsonNumber(r.value)},
                      {"analytic", JsonNumber(r.analytic)},
                      {"numerical", JsonNumber(r.numerical)},
                      {"step", JsonNumber(r.step)},
                      {"relative_error", JsonNumber(r.relative_error)},
                      {"crosses_kink", r.crosses_kink},
                      {"leaves_domain", r.leaves_domain}});
  // Every edge, with its numbers once the backward wave has passed it.
  nlohmann::json edges = nlohmann::json::array();
  for (int id = 0; id < g.size(); ++id) {
    const std::vector<EdgeStep>* done = s.EdgesInto(id);
    for (int slot = 0; slot < static_cast<int>(g.node(id).inputs.size()); ++slot) {
      nlohmann::json e = done ? EdgeJson((*done)[slot])
                              : nlohmann::json{{"from", g.node(id).inputs[slot]}, {"to", id}, {"slot", slot}};
      e["done"] = done != nullptr;
      edges.push_back(e);
    }
  }
  nlohmann::json notes = nlohmann::json::array();
  for (const Note& n : s.VisibleNotes())
    notes.push_back({{"node", n.node}, {"phase", n.backward ? "backward" : "forward"}, {"text", n.text}});

  return {{"expression", g.text()},
          {"output", g.output_name()},
          {"output_node", g.output()},
          {"position", s.position()},
          {"steps", {{"forward", s.forward_steps()}, {"backward", s.backward_steps()}, {"total", s.total_steps()}}},
          {"phase", PhaseName(s.phase())},
          {"at_end", s.at_end()},
          {"current_node", s.current_node()},
          {"next_node", s.next_node()},
          {"inputs", inputs},
          {"nodes", nodes},
          {"edges", edges},
          {"step", StepJson(s)},
          {"result", {{"value", JsonNumber(result.node(result.output()).value)}, {"grads", grads}}},
          {"gradcheck", checks},
          {"notes", notes}};
}

}  // namespace gradlab::graph
