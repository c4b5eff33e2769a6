// The 2x2/stride-2 max-pool fast path against the general reference loop, over odd and even
// plane sizes (odd ones fall back to the reference), with ties (many equal values) so that the
// winner's position must match too. Both make the same comparisons, so results are bit-equal.
#include <catch2/catch.hpp>

#include <vector>

#include "core/rng.h"
#include "kernels/maxpool.h"

using namespace gradlab;
using namespace gradlab::kernels;

TEST_CASE("fast max pooling equals the reference", "[kernels]") {
  Rng rng(5);
  int checked = 0;
  for (const auto& [kernel, stride] : std::vector<std::pair<int, int>>{{2, 2}, {3, 2}, {2, 1}, {3, 3}})
    for (const auto& [h, w] : std::vector<std::pair<int, int>>{{2, 2}, {4, 6}, {5, 7}, {8, 8}, {32, 32}, {3, 2}, {7, 4}})
      for (int planes : {1, 3, 10}) {
        const PoolGeometry g{planes, h, w, kernel, stride};
        if (h < kernel || w < kernel) continue;
        INFO("planes=" << planes << " H=" << h << " W=" << w << " K=" << kernel << " S=" << stride);
        const size_t in_size = static_cast<size_t>(planes) * h * w, out_size = static_cast<size_t>(planes) * g.out_height() * g.out_width();
        std::vector<float> x(in_size);
        for (float& v : x) v = static_cast<float>(rng.Below(4)) - 1.5f;  // few values: many ties
        std::vector<float> y(out_size, 9), want_y(out_size, -9);
        std::vector<int> arg(out_size, -1), want_arg(out_size, -2);
        MaxPool(g, x.data(), y.data(), arg.data());
        MaxPoolReference(g, x.data(), want_y.data(), want_arg.data());
        CHECK(y == want_y);
        CHECK(arg == want_arg);

        std::vector<float> dy(out_size), dx(in_size, 5), want_dx(in_size, -5);
        for (float& v : dy) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
        MaxPoolBackward(g, dy.data(), arg.data(), dx.data());
        MaxPoolBackwardReference(g, dy.data(), want_arg.data(), want_dx.data());
        CHECK(dx == want_dx);
        ++checked;
      }
  CHECK(checked > 60);
}
