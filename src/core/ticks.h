// Where a plot's axis puts its ticks: "nice" round numbers (1, 2 or 5 times a power of ten) that
// cover a range with about as many ticks as asked for, as plotting libraries choose them.
#pragma once
#include <cmath>
#include <vector>

namespace gradlab {

// The ticks in [lo, hi], spaced by one nice step chosen so that there are about `target` of them
// (at least 2 for any range wider than a rounding error). Values that should be 0 come out as 0.
inline std::vector<double> NiceTicks(double lo, double hi, int target) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || target < 1) return ticks;
  const double rough = (hi - lo) / target;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= rough) {
      step = m * power;
      break;
    }
  for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; ++k)
    ticks.push_back(std::fabs(k) < 0.5 ? 0.0 : k * step);
  return ticks;
}

}  // namespace gradlab
