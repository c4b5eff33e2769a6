// The text of the chain rule as a student reads it on the blackboard, built from a graph's
// labels and current numbers:
//   forward:  "q = x + y = -2 + 5 = 3"
//   local:    "∂f/∂q = z = -4"
//   edge:     "∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4"   (with "+=" when a variable is used twice)
// Numbers in formulas have 4 significant digits; tables use 6. Neither is used for arithmetic.
//
// Deliberately not here: any computation (the numbers come from graph.h and ops.h).
#pragma once
#include <string>

#include "graph/graph.h"

namespace gradlab::graph {

// "-4", "0.7311", "1.2e-7", "NaN", "inf", "-inf"; -0 prints as "0".
std::string FormatNumber(double value, int significant_digits = 4);

// How node `id` gets its value: "q = x + y = -2 + 5 = 3"; a leaf gives "x = -2".
std::string ForwardFormula(const Graph& graph, int id);

// The local gradient of node `id` with respect to its input `slot`: "∂f/∂q = z = -4".
std::string LocalFormula(const Graph& graph, int id, int slot);

// Fills e.local_formula and e.formula from the numbers already in `e` (graph.cpp calls it).
void FillEdgeFormulas(const Graph& graph, EdgeStep& e);

}  // namespace gradlab::graph
