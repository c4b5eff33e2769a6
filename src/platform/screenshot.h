// Reads back the frame just rendered, for --screenshot and the smoke tests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace gradlab::platform {

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // top row first
};

// Reads the current framebuffer (call after rendering, before swapping buffers).
Image ReadFramebuffer(int width, int height);

// Number of distinct colours: a blank or failed frame has one or two.
int CountDistinctColours(const Image& image);

// Writes a PNG; returns an error message, or "" on success.
std::string WritePng(const Image& image, const std::string& path);

}  // namespace gradlab::platform
