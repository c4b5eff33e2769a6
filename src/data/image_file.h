// Decoding a user's own image (PNG, JPEG, BMP, GIF or TGA, through stb_image) into the
// 3x32x32 bytes the models take. The only place that includes stb_image's implementation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab::data {

struct DecodedImage {
  int original_width = 0, original_height = 0;
  std::vector<uint8_t> chw;  // 3 x size x size, like a CIFAR-10 record
};

// Decodes `bytes` and resizes to size x size (area averaging when shrinking, bilinear when
// growing); greyscale and alpha are converted to RGB. `name` is used in messages.
// Images over `max_pixels` (40 megapixels unless a caller, like the fuzzer, wants less) are
// refused from their header, before anything is decoded.
inline constexpr long long kMaxImagePixels = 40'000'000;
// The messages speak the student's language (tr()), so call it where tr() may be called: the UI's
// thread or the CLI's (i18n/translate.h), not a worker.
Result<DecodedImage> DecodeImage(const std::vector<uint8_t>& bytes, const std::string& name, int size = 32,
                                 long long max_pixels = kMaxImagePixels);

}  // namespace gradlab::data
