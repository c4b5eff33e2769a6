// Centred differences per input, with kink and domain detection.
#include "graph/no_fma.h"

#include "graph/gradcheck.h"

#include <algorithm>
#include <cmath>

namespace gradlab::graph {
namespace {

// Which side of its kink every relu/abs/max/min node is on, after a Forward.
std::vector<int> KinkSides(const Graph& g) {
  std::vector<int> sides;
  for (const Node& n : g.nodes()) {
    if (n.is_leaf()) continue;
    const double a = g.node(n.inputs[0]).value;
    const double b = n.inputs.size() > 1 ? g.node(n.inputs[1]).value : 0.0;
    sides.push_back(KinkSide(n.op, a, b));
  }
  return sides;
}

}  // namespace

double GradCheckStep(double x) { return 1e-5 * std::max(1.0, std::fabs(x)); }

double RelativeError(double analytic, double numerical) {
  if (!std::isfinite(analytic) || !std::isfinite(numerical)) return std::nan("");
  // The floor keeps two gradients that are both zero up to rounding (0 and 1e-16) from
  // showing a relative error of 1; it is the same 1e-8 as the nn tests' check.
  const double scale = std::max({std::fabs(analytic), std::fabs(numerical), 1e-8});
  return std::fabs(analytic - numerical) / scale;
}

std::vector<GradCheckRow> GradCheck(const Graph& graph) {
  Graph g = graph;  // a copy to perturb: the caller's graph and its state stay as they are
  g.Forward();
  g.Backward();
  const std::vector<int> base_sides = KinkSides(g);
  const bool f_finite = std::isfinite(g.node(g.output()).value);
  std::vector<GradCheckRow> rows;
  for (int id : g.inputs()) {
    GradCheckRow row;
    row.input = g.node(id).label;
    row.node = id;
    row.value = g.node(id).value;
    row.analytic = g.node(id).grad;
    row.step = GradCheckStep(row.value);
    const double up = row.value + row.step, down = row.value - row.step;
    g.SetValue(id, up);
    g.Forward();
    const double f_up = g.node(g.output()).value;
    const bool kink_up = KinkSides(g) != base_sides;
    g.SetValue(id, down);
    g.Forward();
    const double f_down = g.node(g.output()).value;
    const bool kink_down = KinkSides(g) != base_sides;
    g.SetValue(id, row.value);
    // Divide by the step actually taken: x + h and x - h are rounded to doubles.
    row.numerical = (f_up - f_down) / (up - down);
    row.relative_error = RelativeError(row.analytic, row.numerical);
    row.crosses_kink = kink_up || kink_down;
    row.leaves_domain = f_finite && !(std::isfinite(f_up) && std::isfinite(f_down));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace gradlab::graph
