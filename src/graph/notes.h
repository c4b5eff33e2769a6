// Notes for a student when a value or a local gradient stops being a real number: where it
// happens first (log of a negative number, division by zero, sqrt's slope at 0), with the
// numbers and the reason. The engine keeps IEEE results (NaN, inf) and carries on; these notes
// are how the UI and the CLI explain them. A NaN that merely flows on from an input is not noted
// again.
//
// Deliberately not here: deciding what is visible at a step (the stepper filters by node).
#pragma once
#include <string>
#include <vector>

#include "graph/graph.h"

namespace gradlab::graph {

struct Note {
  int node = -1;          // where it happens
  bool backward = false;  // a local gradient (backward pass) rather than the value (forward)
  std::string text;       // "q = log(x) = log(-2) = NaN: log (natural) needs a number above 0"
};

// `graph` after Forward and Backward.
std::vector<Note> FindNotes(const Graph& graph);

}  // namespace gradlab::graph
