// The deterministic image transforms behind augmentation, checked pixel by pixel on small images.
#include <catch2/catch.hpp>

#include <vector>

#include "data/image_ops.h"

using namespace gradlab::data;

namespace {

// A C x H x W image whose values are all different: (index + 1) / (size + 1), inside (0, 1).
std::vector<float> Ramp(int c, int h, int w) {
  std::vector<float> v(static_cast<size_t>(c) * h * w);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i + 1) / static_cast<float>(v.size() + 1);
  return v;
}

float At(const std::vector<float>& img, int h, int w, int ch, int y, int x) {
  return img[(static_cast<size_t>(ch) * h + y) * w + x];
}

}  // namespace

TEST_CASE("FlipHorizontal mirrors every row exactly", "[data]") {
  const int c = 3, h = 4, w = 5;
  std::vector<float> img = Ramp(c, h, w), orig = img;
  FlipHorizontal(c, h, w, img.data());
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) REQUIRE(At(img, h, w, ch, y, x) == At(orig, h, w, ch, y, w - 1 - x));
  FlipHorizontal(c, h, w, img.data());
  CHECK(img == orig);
}

TEST_CASE("PadCrop keeps the size and shifts the content, filling with zeros", "[data]") {
  const int c = 2, h = 6, w = 5, pad = 3;
  std::vector<float> src = Ramp(c, h, w), dst(src.size(), -1.0f);
  PadCrop(c, h, w, src.data(), pad, pad, pad, dst.data());
  CHECK(dst == src);  // the centre window is the image

  const int dy = pad + 1, dx = pad - 2;  // content moves up by 1 and right by 2
  PadCrop(c, h, w, src.data(), pad, dy, dx, dst.data());
  for (int ch = 0; ch < c; ++ch) {
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        int sy = y + 1, sx = x - 2;
        float expected = (sy < h && sx >= 0) ? At(src, h, w, ch, sy, sx) : 0.0f;
        REQUIRE(At(dst, h, w, ch, y, x) == expected);
      }
    }
  }
}

TEST_CASE("CropResize: the full window is the identity, a crop is upscaled bilinearly", "[data]") {
  const int c = 3, h = 4, w = 4;
  std::vector<float> src = Ramp(c, h, w), dst(src.size());
  CropResize(c, h, w, src.data(), 0, 0, h, w, dst.data());
  CHECK(dst == src);

  // One channel whose value is the column index: the top-left 2x2 window upscaled to 4x4 samples
  // columns 0, 0.25, 0.75, 1 (pixel centres aligned, clamped at the border), on every row.
  std::vector<float> cols(16), out(16);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) cols[y * 4 + x] = static_cast<float>(x);
  CropResize(1, 4, 4, cols.data(), 0, 0, 2, 2, out.data());
  const float expected[4] = {0.0f, 0.25f, 0.75f, 1.0f};
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) CHECK(out[y * 4 + x] == Approx(expected[x]));
}

TEST_CASE("Rotate90 turns counter-clockwise, four turns give the image back", "[data]") {
  // numpy.rot90([[1, 2, 3], [4, 5, 6]]) == [[3, 6], [2, 5], [1, 4]]
  const std::vector<float> src = {1, 2, 3, 4, 5, 6};
  std::vector<float> dst(6);
  Rotate90(1, 2, 3, src.data(), 1, dst.data());
  CHECK(dst == std::vector<float>{3, 6, 2, 5, 1, 4});
  Rotate90(1, 2, 3, src.data(), 2, dst.data());
  CHECK(dst == std::vector<float>{6, 5, 4, 3, 2, 1});
  Rotate90(1, 2, 3, src.data(), 3, dst.data());
  CHECK(dst == std::vector<float>{4, 1, 5, 2, 6, 3});

  const int c = 3, n = 5;
  std::vector<float> img = Ramp(c, n, n), a(img.size()), b(img.size());
  Rotate90(c, n, n, img.data(), 1, a.data());
  Rotate90(c, n, n, a.data(), 1, b.data());
  Rotate90(c, n, n, b.data(), 1, a.data());
  CHECK(a != img);  // three quarter turns are not the identity
  Rotate90(c, n, n, a.data(), 1, b.data());
  CHECK(b == img);
}

TEST_CASE("colour transforms follow torchvision's definitions", "[data]") {
  const int c = 3, h = 2, w = 3;
  const std::vector<float> orig = Ramp(c, h, w);
  const size_t n = static_cast<size_t>(h) * w;

  std::vector<float> img = orig;
  ToGrey(c, h, w, img.data());
  for (size_t i = 0; i < n; ++i) {
    REQUIRE(img[i] == img[n + i]);
    REQUIRE(img[i] == img[2 * n + i]);
    REQUIRE(img[i] == Approx(0.2989f * orig[i] + 0.587f * orig[n + i] + 0.114f * orig[2 * n + i]));
  }

  img = orig;
  AdjustBrightness(c, h, w, img.data(), 1.0f);
  CHECK(img == orig);
  AdjustBrightness(c, h, w, img.data(), 0.5f);
  for (size_t i = 0; i < img.size(); ++i) REQUIRE(img[i] == Approx(orig[i] * 0.5f));
  img = orig;
  AdjustBrightness(c, h, w, img.data(), 100.0f);
  for (float v : img) REQUIRE(v == 1.0f);  // clamped

  img = orig;
  AdjustContrast(c, h, w, img.data(), 0.0f);  // flat: the mean luma everywhere
  double mean = 0;
  for (size_t i = 0; i < n; ++i) mean += (0.2989 * orig[i] + 0.587 * orig[n + i] + 0.114 * orig[2 * n + i]) / n;
  for (float v : img) REQUIRE(v == Approx(mean));

  img = orig;
  AdjustSaturation(c, h, w, img.data(), 0.0f);  // saturation 0 is greyscale
  std::vector<float> grey = orig;
  ToGrey(c, h, w, grey.data());
  for (size_t i = 0; i < img.size(); ++i) REQUIRE(img[i] == Approx(grey[i]));

  // Not RGB: greyscale and saturation leave the image alone.
  std::vector<float> two = Ramp(2, h, w), copy = two;
  ToGrey(2, h, w, two.data());
  AdjustSaturation(2, h, w, two.data(), 0.0f);
  CHECK(two == copy);
}

TEST_CASE("FillRect (cutout) sets exactly the clipped rectangle", "[data]") {
  const int c = 2, h = 5, w = 5;
  std::vector<float> img(static_cast<size_t>(c) * h * w, 1.0f);
  FillRect(c, h, w, img.data(), -2, 1, 4, 3, 0.0f);  // rows -2..1 -> 0..1, columns 1..3
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        bool inside = y <= 1 && x >= 1 && x <= 3;
        REQUIRE(At(img, h, w, ch, y, x) == (inside ? 0.0f : 1.0f));
      }
  std::vector<float> untouched(img);
  FillRect(c, h, w, img.data(), 10, 10, 3, 3, 0.0f);  // entirely outside: nothing
  CHECK(img == untouched);
}

TEST_CASE("GaussianBlur keeps flat images flat and spreads an impulse symmetrically", "[data]") {
  const int c = 1, h = 9, w = 9;
  std::vector<float> scratch(ImageScratchSize(c, h, w));
  std::vector<float> flat(81, 0.5f);
  GaussianBlur(c, h, w, flat.data(), 1.5f, scratch.data());
  for (float v : flat) REQUIRE(v == Approx(0.5f).margin(1e-6));

  std::vector<float> dot(81, 0.0f);
  dot[4 * 9 + 4] = 1.0f;
  std::vector<float> same = dot;
  GaussianBlur(c, h, w, same.data(), 0.0f, scratch.data());
  CHECK(same == dot);  // sigma 0: no blur
  GaussianBlur(c, h, w, dot.data(), 1.0f, scratch.data());
  double total = 0;
  for (float v : dot) total += v;
  CHECK(total == Approx(1.0).margin(1e-5));          // mass kept (the kernel fits inside)
  CHECK(dot[4 * 9 + 4] < 0.5f);                       // the peak spread out
  CHECK(dot[4 * 9 + 3] == Approx(dot[4 * 9 + 5]));    // left = right
  CHECK(dot[3 * 9 + 4] == Approx(dot[5 * 9 + 4]));    // up = down
  CHECK(dot[3 * 9 + 4] == Approx(dot[4 * 9 + 3]));    // rows = columns
}

TEST_CASE("SobelMagnitude finds a vertical edge and scales it to [0, 1]", "[data]") {
  const int c = 3, h = 4, w = 6;
  std::vector<float> img(static_cast<size_t>(c) * h * w, 0.0f);
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 3; x < w; ++x) img[(static_cast<size_t>(ch) * h + y) * w + x] = 0.8f;
  std::vector<float> scratch(ImageScratchSize(c, h, w));
  SobelMagnitude(c, h, w, img.data(), scratch.data());
  for (int ch = 0; ch < c; ++ch)
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        float expected = (x == 2 || x == 3) ? 1.0f : 0.0f;  // the two columns beside the step
        REQUIRE(At(img, h, w, ch, y, x) == Approx(expected));
      }

  std::vector<float> flat(static_cast<size_t>(c) * h * w, 0.3f);
  SobelMagnitude(c, h, w, flat.data(), scratch.data());
  for (float v : flat) REQUIRE(v == 0.0f);
}
