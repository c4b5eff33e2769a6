#include "platform/screenshot.h"

#include <unordered_set>

#include "platform/gl.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace gradlab::platform {

Image ReadFramebuffer(int width, int height) {
  Image image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // OpenGL's first row is the bottom one.
  const size_t row = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height / 2; ++y)
    std::swap_ranges(image.rgba.begin() + y * row, image.rgba.begin() + (y + 1) * row,
                     image.rgba.begin() + (height - 1 - y) * row);
  return image;
}

int CountDistinctColours(const Image& image) {
  std::unordered_set<uint32_t> colours;
  for (size_t i = 0; i + 3 < image.rgba.size(); i += 4)
    colours.insert(image.rgba[i] | image.rgba[i + 1] << 8 | image.rgba[i + 2] << 16);
  return static_cast<int>(colours.size());
}

std::string WritePng(const Image& image, const std::string& path) {
  if (image.width <= 0 || image.height <= 0) return "empty image";
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4))
    return "could not write " + path;
  return "";
}

}  // namespace gradlab::platform
