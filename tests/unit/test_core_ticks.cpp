// Plot axes (ui/plot.cpp) tick at round numbers.
#include <catch2/catch.hpp>

#include "core/ticks.h"

using gradlab::NiceTicks;

static bool Near(const std::vector<double>& got, const std::vector<double>& want) {
  if (got.size() != want.size()) return false;
  for (size_t i = 0; i < got.size(); ++i)
    if (got[i] != Approx(want[i]).margin(1e-12)) return false;
  return true;
}

TEST_CASE("Axis ticks fall on 1, 2 or 5 times a power of ten", "[core]") {
  CHECK(Near(NiceTicks(0, 1, 5), {0, 0.2, 0.4, 0.6, 0.8, 1}));
  CHECK(Near(NiceTicks(0, 2.3, 4), {0, 1, 2}));  // a step of 0.5 would give 5 ticks: the next nice step up
  CHECK(Near(NiceTicks(0, 470, 5), {0, 100, 200, 300, 400}));
  CHECK(Near(NiceTicks(-3, 1, 4), {-3, -2, -1, 0, 1}));
  CHECK(Near(NiceTicks(0.4187, 1.84, 4), {0.5, 1, 1.5}));
  CHECK(NiceTicks(-1, 1, 4)[2] == 0.0);  // not -1e-17: a tick at 0 reads "0"
}

TEST_CASE("Axis ticks: an empty or wild range has none", "[core]") {
  CHECK(NiceTicks(1, 1, 5).empty());
  CHECK(NiceTicks(2, 1, 5).empty());
  CHECK(NiceTicks(0, INFINITY, 5).empty());
  CHECK(NiceTicks(NAN, 1, 5).empty());
  CHECK(NiceTicks(0, 1, 0).empty());
  CHECK(NiceTicks(0, 1e-300, 4).size() >= 2);
}
