// Deterministic image transforms. See image_ops.h for what this does and does not do.
#include "data/image_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gradlab::data {
namespace {

float Clamp01(float v) { return v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v); }

size_t Plane(int h, int w) { return static_cast<size_t>(h) * w; }

// The luma (RGB) or the channel mean (other counts) of every pixel, into grey (H x W).
void GreyPlane(int c, int h, int w, const float* image, float* grey) {
  const size_t n = Plane(h, w);
  if (c == 3) {
    for (size_t i = 0; i < n; ++i) grey[i] = Luma(image[i], image[n + i], image[2 * n + i]);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    float s = 0.0f;
    for (int ch = 0; ch < c; ++ch) s += image[ch * n + i];
    grey[i] = s / c;
  }
}

}  // namespace

// ---- geometry ------------------------------------------------------------------------------------

void FlipHorizontal(int c, int h, int w, float* image) {
  for (int row = 0; row < c * h; ++row) std::reverse(image + row * w, image + row * w + w);
}

void PadCrop(int c, int h, int w, const float* src, int padding, int dy, int dx, float* dst) {
  const int sy0 = dy - padding, sx0 = dx - padding;  // where dst's (0, 0) comes from in src
  for (int ch = 0; ch < c; ++ch) {
    for (int y = 0; y < h; ++y) {
      float* out = dst + (static_cast<size_t>(ch) * h + y) * w;
      const int sy = y + sy0;
      if (sy < 0 || sy >= h) {
        std::fill(out, out + w, 0.0f);
        continue;
      }
      const float* in = src + (static_cast<size_t>(ch) * h + sy) * w;
      for (int x = 0; x < w; ++x) {
        const int sx = x + sx0;
        out[x] = (sx >= 0 && sx < w) ? in[sx] : 0.0f;
      }
    }
  }
}

void CropResize(int c, int h, int w, const float* src, int top, int left, int crop_h, int crop_w, float* dst) {
  const float scale_y = static_cast<float>(crop_h) / h, scale_x = static_cast<float>(crop_w) / w;
  for (int y = 0; y < h; ++y) {
    // Output pixel centre y + 0.5 maps to crop coordinate (y + 0.5) * scale - 0.5.
    float fy = std::clamp((y + 0.5f) * scale_y - 0.5f, 0.0f, static_cast<float>(crop_h - 1));
    int y0 = static_cast<int>(fy), y1 = std::min(y0 + 1, crop_h - 1);
    float wy = fy - y0;
    for (int x = 0; x < w; ++x) {
      float fx = std::clamp((x + 0.5f) * scale_x - 0.5f, 0.0f, static_cast<float>(crop_w - 1));
      int x0 = static_cast<int>(fx), x1 = std::min(x0 + 1, crop_w - 1);
      float wx = fx - x0;
      for (int ch = 0; ch < c; ++ch) {
        const float* in = src + static_cast<size_t>(ch) * h * w;
        const float* r0 = in + static_cast<size_t>(top + y0) * w + left;
        const float* r1 = in + static_cast<size_t>(top + y1) * w + left;
        float a = r0[x0] + (r0[x1] - r0[x0]) * wx;
        float b = r1[x0] + (r1[x1] - r1[x0]) * wx;
        dst[(static_cast<size_t>(ch) * h + y) * w + x] = a + (b - a) * wy;
      }
    }
  }
}

void Rotate90(int c, int h, int w, const float* src, int quarter_turns, float* dst) {
  const int turns = ((quarter_turns % 4) + 4) % 4;
  for (int ch = 0; ch < c; ++ch) {
    const float* in = src + static_cast<size_t>(ch) * h * w;
    float* out = dst + static_cast<size_t>(ch) * h * w;
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        const float v = in[y * w + x];
        // Where src pixel (y, x) lands; for odd turns the output is w rows of h.
        switch (turns) {
          case 0: out[y * w + x] = v; break;
          case 1: out[(w - 1 - x) * h + y] = v; break;
          case 2: out[(h - 1 - y) * w + (w - 1 - x)] = v; break;
          default: out[x * h + (h - 1 - y)] = v; break;
        }
      }
    }
  }
}

// ---- colour --------------------------------------------------------------------------------------

void ToGrey(int c, int h, int w, float* image) {
  if (c != 3) return;
  const size_t n = Plane(h, w);
  for (size_t i = 0; i < n; ++i) {
    float g = Luma(image[i], image[n + i], image[2 * n + i]);
    image[i] = image[n + i] = image[2 * n + i] = g;
  }
}

void AdjustBrightness(int c, int h, int w, float* image, float factor) {
  const size_t n = static_cast<size_t>(c) * Plane(h, w);
  for (size_t i = 0; i < n; ++i) image[i] = Clamp01(image[i] * factor);
}

void AdjustContrast(int c, int h, int w, float* image, float factor) {
  const size_t plane = Plane(h, w), n = static_cast<size_t>(c) * plane;
  double sum = 0.0;  // double: the mean of 3072 floats, summed in a fixed order
  if (c == 3) {
    for (size_t i = 0; i < plane; ++i) sum += Luma(image[i], image[plane + i], image[2 * plane + i]);
    sum /= static_cast<double>(plane);
  } else {
    for (size_t i = 0; i < n; ++i) sum += image[i];
    sum /= static_cast<double>(n);
  }
  const float mean = static_cast<float>(sum);
  for (size_t i = 0; i < n; ++i) image[i] = Clamp01(factor * image[i] + (1.0f - factor) * mean);
}

void AdjustSaturation(int c, int h, int w, float* image, float factor) {
  if (c != 3) return;
  const size_t n = Plane(h, w);
  for (size_t i = 0; i < n; ++i) {
    float g = Luma(image[i], image[n + i], image[2 * n + i]);
    for (int ch = 0; ch < 3; ++ch) {
      float& v = image[ch * n + i];
      v = Clamp01(factor * v + (1.0f - factor) * g);
    }
  }
}

// ---- filters -------------------------------------------------------------------------------------

void GaussianBlur(int c, int h, int w, float* image, float sigma, float* scratch) {
  if (!(sigma > 0.0f)) return;
  const int radius = std::min(kMaxBlurRadius, static_cast<int>(std::ceil(3.0f * sigma)));
  float kernel[2 * kMaxBlurRadius + 1];
  float total = 0.0f;
  for (int i = -radius; i <= radius; ++i) {
    kernel[i + radius] = std::exp(-(i * i) / (2.0f * sigma * sigma));
    total += kernel[i + radius];
  }
  for (int i = 0; i <= 2 * radius; ++i) kernel[i] /= total;

  // Rows: image -> scratch; then columns: scratch -> image.
  for (int ch = 0; ch < c; ++ch) {
    for (int y = 0; y < h; ++y) {
      const float* in = image + (static_cast<size_t>(ch) * h + y) * w;
      float* out = scratch + (static_cast<size_t>(ch) * h + y) * w;
      for (int x = 0; x < w; ++x) {
        float s = 0.0f;
        for (int k = -radius; k <= radius; ++k) s += kernel[k + radius] * in[std::clamp(x + k, 0, w - 1)];
        out[x] = s;
      }
    }
  }
  for (int ch = 0; ch < c; ++ch) {
    const float* in = scratch + static_cast<size_t>(ch) * h * w;
    float* out = image + static_cast<size_t>(ch) * h * w;
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {
        float s = 0.0f;
        for (int k = -radius; k <= radius; ++k) s += kernel[k + radius] * in[std::clamp(y + k, 0, h - 1) * w + x];
        out[y * w + x] = s;
      }
    }
  }
}

void SobelMagnitude(int c, int h, int w, float* image, float* scratch) {
  const size_t n = Plane(h, w);
  float* grey = scratch;
  float* magnitude = scratch + n;
  GreyPlane(c, h, w, image, grey);
  auto at = [&](int y, int x) { return grey[std::clamp(y, 0, h - 1) * w + std::clamp(x, 0, w - 1)]; };
  float max_magnitude = 0.0f;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      // Kernels [-1 0 1; -2 0 2; -1 0 1] and its transpose.
      float gx = (at(y - 1, x + 1) + 2.0f * at(y, x + 1) + at(y + 1, x + 1)) -
                 (at(y - 1, x - 1) + 2.0f * at(y, x - 1) + at(y + 1, x - 1));
      float gy = (at(y + 1, x - 1) + 2.0f * at(y + 1, x) + at(y + 1, x + 1)) -
                 (at(y - 1, x - 1) + 2.0f * at(y - 1, x) + at(y - 1, x + 1));
      float m = std::sqrt(gx * gx + gy * gy);
      magnitude[y * w + x] = m;
      max_magnitude = std::max(max_magnitude, m);
    }
  }
  const float scale = max_magnitude > 0.0f ? 1.0f / max_magnitude : 0.0f;
  for (size_t i = 0; i < n; ++i) magnitude[i] *= scale;
  for (int ch = 0; ch < c; ++ch) std::memcpy(image + ch * n, magnitude, n * sizeof(float));
}

// ---- erasing -------------------------------------------------------------------------------------

void FillRect(int c, int h, int w, float* image, int top, int left, int rect_h, int rect_w, float value) {
  const int y0 = std::max(top, 0), y1 = std::min(top + rect_h, h);
  const int x0 = std::max(left, 0), x1 = std::min(left + rect_w, w);
  if (y0 >= y1 || x0 >= x1) return;
  for (int ch = 0; ch < c; ++ch) {
    for (int y = y0; y < y1; ++y) {
      float* row = image + (static_cast<size_t>(ch) * h + y) * w;
      std::fill(row + x0, row + x1, value);
    }
  }
}

}  // namespace gradlab::data
