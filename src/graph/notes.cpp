// Finds the first non-finite value or local gradient along each path.
#include "graph/notes.h"

#include <cmath>

#include "graph/formulas.h"
#include "i18n/translate.h"

namespace gradlab::graph {

std::vector<Note> FindNotes(const Graph& graph) {
  std::vector<Note> notes;
  for (int id = 0; id < graph.size(); ++id) {
    const Node& n = graph.node(id);
    if (n.is_leaf()) continue;
    bool inputs_finite = true;
    for (int in : n.inputs) inputs_finite = inputs_finite && std::isfinite(graph.node(in).value);
    if (!inputs_finite) continue;
    if (!std::isfinite(n.value)) {
      const std::string why = *Rule(n.op).domain ? tr(Rule(n.op).domain) : tr("the result is too large for a double");
      notes.push_back({id, false, ForwardFormula(graph, id) + ": " + why});
      continue;
    }
    if (!n.needs_grad) continue;
    for (int slot = 0; slot < static_cast<int>(n.inputs.size()); ++slot) {
      if (!graph.node(n.inputs[slot]).needs_grad) continue;
      if (std::isfinite(graph.LocalGrad(id, slot))) continue;
      notes.push_back({id, true, Fill(tr("{0}: the local gradient is not a finite number here"), {LocalFormula(graph, id, slot)})});
    }
  }
  return notes;
}

}  // namespace gradlab::graph
