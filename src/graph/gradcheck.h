// The numerical gradient check shown next to every analytic gradient: for each input x, the
// centred difference (f(x+h) - f(x-h)) / 2h and the relative error |a - n| / max(|a|, |n|),
// with a floor of 1e-8 on the denominator (an analytic 0 against a numerical 1e-16 is a match,
// not a relative error of 1).
//
// The step is h = 1e-5 · max(1, |x|): small enough that the O(h²) truncation error is far below
// 1e-6 relative for smooth functions, large enough that rounding (about 1e-16 · |f| / h) is too;
// scaled with |x| so large inputs are not stepped by less than their last digits.
// A finite difference is not a derivative across a kink: when x ± h puts a relu, abs, max or min
// on the other side of its kink, the row says so (crosses_kink) instead of failing silently.
// Nor is there one when f(x) is a number but x ± h leaves the domain (log(x) with x < h): the
// numerical gradient is NaN or infinite, and the row says so (leaves_domain).
//
// Deliberately not here: any tolerance or pass/fail verdict (tests and UI choose their own).
#pragma once
#include <string>
#include <vector>

#include "graph/graph.h"

namespace gradlab::graph {

struct GradCheckRow {
  std::string input;      // the variable's name
  int node = -1;
  double value = 0;       // x
  double analytic = 0;    // ∂f/∂x from Backward
  double numerical = 0;   // (f(x+h) - f(x-h)) / 2h
  double step = 0;        // h
  double relative_error = 0;  // NaN when either gradient is not finite
  bool crosses_kink = false;  // the difference straddles a kink: the numerical value is unreliable
  bool leaves_domain = false; // f(x) is finite, f(x + h) or f(x - h) is not: no numerical value
};

double GradCheckStep(double x);
// |a - n| / max(|a|, |n|, 1e-8); NaN when either is not finite.
double RelativeError(double analytic, double numerical);

// One row per variable, in the graph's order. `graph` needs its inputs set; it is not changed.
std::vector<GradCheckRow> GradCheck(const Graph& graph);

}  // namespace gradlab::graph
