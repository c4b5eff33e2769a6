// The whole state of a Stepper as one JSON object: for the page's test hook
// (window.gradlab.state()), for `gradlab-cli graph --json`, and for tests. Shape:
//
//   { "expression": "f = (x + y) * z", "output": "f", "output_node": 4,
//     "position": 2, "steps": {"forward": 2, "backward": 2, "total": 4},
//     "phase": "forward" | "backward" | "start", "at_end": false,
//     "current_node": 4, "next_node": 4,               (-1 when there is none)
//     "inputs": [{"name": "x", "node": 0, "value": -2}, ...],
//     "nodes": [{"id": 2, "label": "q", "op": "add", "symbol": "+", "kind": "op" | "input" |
//                "constant", "inputs": [0, 1], "depth": 1, "uses": 1, "output": false,
//                "value": 3 | null (not computed yet), "grad": -4 | null (not reached, or none),
//                "grad_state": "none" | "unknown" | "partial" | "complete",
//                "patterns": ["distributes"]}, ...],
//     "edges": [{"from": 0, "to": 2, "slot": 0, "done": false}, ...,      (every edge; once the
//               {"from": 2, "to": 4, "slot": 0, "done": true, EDGE...}],    backward wave passed it,
//                                                                           its numbers too)
//     "step": null | {"kind": "forward", "node": 2, "formula": "q = x + y = -2 + 5 = 3"}
//                  | {"kind": "backward", "node": 4, "edges": [EDGE, ...]},  (the current step)
//   where EDGE = {"from": 2, "to": 4, "slot": 0, "traced": true, "upstream": 1, "local": -4,
//                 "downstream": -4, "grad_before": 0, "grad_after": -4, "accumulates": false,
//                 "term": 1, "local_formula": "∂f/∂q = z = -4",
//                 "formula": "∂f/∂q = ∂f/∂f · ∂f/∂q = 1 · (-4) = -4"}
//   (an edge from a number has "traced": false, a formula saying it gets no gradient, no numbers)
//     "result": {"value": -12, "grads": {"x": -4, "y": -4, "z": 3}},   (the full passes)
//     "gradcheck": [{"input": "x", "value": -2, "analytic": -4, "numerical": -4.000000000022,
//                    "step": 2e-05, "relative_error": 5.6e-12, "crosses_kink": false,
//                    "leaves_domain": false}, ...],
//     "notes": [{"node": 3, "phase": "forward", "text": "..."}] }      (visible so far)
//
// A partial gradient (a variable with some of its uses done) is given with grad_state
// "partial". Numbers are full doubles; NaN and infinities, which JSON lacks, are the strings
// "NaN", "Infinity" and "-Infinity" (JavaScript's Number() reads them back).
//
// Deliberately not here: anything the Stepper does not already know.
#pragma once
#include <nlohmann/json.hpp>

#include "graph/stepper.h"

namespace gradlab::graph {

nlohmann::json Snapshot(const Stepper& stepper);

// A double as JSON: a number when finite (-0 as 0), else "NaN", "Infinity" or "-Infinity".
nlohmann::json JsonNumber(double value);

}  // namespace gradlab::graph
