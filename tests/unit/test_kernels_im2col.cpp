// The fast im2col / col2im against their references (each window position tested on its own)
// over kernel sizes, strides and paddings, including paddings as wide as the kernel and windows
// that do not tile the image exactly. Both copy or add the same values in the same order, so
// the results must be equal bit for bit.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/rng.h"
#include "kernels/im2col.h"

using namespace gradlab;
using namespace gradlab::kernels;

TEST_CASE("fast im2col and col2im equal their references", "[kernels]") {
  Rng rng(11);
  int checked = 0;
  for (int kernel = 1; kernel <= 5; ++kernel)
    for (int stride = 1; stride <= 3; ++stride)
      for (int padding = 0; padding <= kernel; ++padding)
        for (const auto& [h, w] : std::vector<std::pair<int, int>>{{1, 1}, {5, 7}, {8, 8}, {11, 6}, {32, 32}}) {
          const ConvGeometry g{2, h, w, kernel, stride, padding};
          if (h + 2 * padding < kernel || w + 2 * padding < kernel) continue;
          INFO("C=2 H=" << h << " W=" << w << " K=" << kernel << " S=" << stride << " P=" << padding);
          const size_t image_size = static_cast<size_t>(g.channels) * h * w;
          const size_t cols_size = static_cast<size_t>(g.channels) * kernel * kernel * g.out_height() * g.out_width();
          std::vector<float> image(image_size), cols(cols_size, -7.0f), want_cols(cols_size, 3.0f);
          for (float& v : image) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
          Im2Col(g, image.data(), cols.data());
          Im2ColReference(g, image.data(), want_cols.data());
          CHECK(cols == want_cols);

          std::vector<float> back(image_size), want_back(image_size), dcols(cols_size);
          for (float& v : dcols) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
          for (size_t i = 0; i < image_size; ++i) back[i] = want_back[i] = static_cast<float>(i % 5);  // adds to what is there
          Col2Im(g, dcols.data(), back.data());
          Col2ImReference(g, dcols.data(), want_back.data());
          CHECK(back == want_back);
          ++checked;
        }
  CHECK(checked > 200);
}

TEST_CASE("im2col of a 3x3 image with padding 1 is the textbook example", "[kernels]") {
  // 1 channel, image 1..9, 3x3 kernel, stride 1, padding 1: the centre row is the image itself
  // and the top-left row is the image shifted down-right with zeros coming in.
  const ConvGeometry g{1, 3, 3, 3, 1, 1};
  const std::vector<float> image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<float> cols(9 * 9);
  Im2Col(g, image.data(), cols.data());
  const std::vector<float> top_left(cols.begin(), cols.begin() + 9), centre(cols.begin() + 36, cols.begin() + 45);
  CHECK(top_left == std::vector<float>{0, 0, 0, 0, 1, 2, 0, 4, 5});
  CHECK(centre == image);
}
