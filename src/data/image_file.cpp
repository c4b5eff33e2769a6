#include "data/image_file.h"

#include <algorithm>
#include <cmath>
#include <string>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO          // bytes come from the caller (a file, or an upload in the browser)
#define STBI_FAILURE_USERMSG
// Only the formats the messages promise: PIC, PSD, HDR and PNM decoders had crashes and
// overflows on mutated files and nobody asked for them.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#define STBI_ONLY_TGA
#include <stb/stb_image.h>

#include "core/text.h"
#include "i18n/translate.h"
#include "data/jpeg_guard.h"

namespace gradlab::data {

namespace {

// Width and height from a PNG's IHDR chunk, which stb will not report for an image it finds
// too large to decode: a 30000x30000 PNG is too large, not "not an image".
bool PngSize(const std::vector<uint8_t>& b, long long& w, long long& h) {
  static const uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (b.size() < 24 || !std::equal(kSignature, kSignature + 8, b.begin()) || std::string(b.begin() + 12, b.begin() + 16) != "IHDR")
    return false;
  const auto be32 = [&](size_t i) { return static_cast<long long>(b[i]) << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3]; };
  w = be32(16);
  h = be32(20);
  return true;
}

std::string TooLarge(const std::string& name, long long w, long long h, long long max_pixels) {
  return Fill(tr("{0} is {1}x{2} pixels, too large: images up to {3} pixels are accepted"),
              {name, std::to_string(w), std::to_string(h), WithCommas(static_cast<uint64_t>(max_pixels))});
}

}  // namespace

Result<DecodedImage> DecodeImage(const std::vector<uint8_t>& bytes, const std::string& name, int size,
                                 long long max_pixels) {
  using R = Result<DecodedImage>;
  if (bytes.empty()) return R::Error(Fill(tr("{0} is empty"), {name}));
  if (bytes.size() > (64u << 20)) return R::Error(Fill(tr("{0} is larger than 64 MB"), {name}));
  // Before stb reads anything: stbi_info already builds the Huffman tables.
  if (!JpegHuffmanTablesFit(bytes.data(), bytes.size()))
    return R::Error(Fill(tr("{0} could not be decoded: it is a damaged JPEG (a Huffman table is too long)"), {name}));
  int w = 0, h = 0, channels = 0;
  // The size first (stbi_info reads only the header), so nothing is decoded into a huge buffer.
  if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels)) {
    long long pw = 0, ph = 0;
    // Each side first: two 32-bit sides can overflow their product even in 64 bits.
    if (PngSize(bytes, pw, ph) && (pw > max_pixels || ph > max_pixels || pw * ph > max_pixels))
      return R::Error(TooLarge(name, pw, ph, max_pixels));
    return R::Error(Fill(tr("{0} is not an image Gradlab can read (PNG, JPEG, BMP, GIF, TGA): {1}"), {name, stbi_failure_reason()}));
  }
  // A top-down BMP stores its height as a negative number; stbi_info passes it on as it is.
  const long long width = w, height = h < 0 ? -static_cast<long long>(h) : h;
  if (width < 1 || height < 1)
    return R::Error(Fill(tr("{0} is {1}x{2} pixels: it has no pixels"), {name, std::to_string(width), std::to_string(height)}));
  if (width * height > max_pixels) return R::Error(TooLarge(name, width, height, max_pixels));
  unsigned char* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 3);
  if (!pixels) return R::Error(Fill(tr("{0} could not be decoded: {1}"), {name, stbi_failure_reason()}));

  DecodedImage out;
  out.original_width = w;
  out.original_height = h;
  out.chw.resize(3 * size * size);
  // Each output pixel averages the source area it covers (or samples bilinearly when the
  // source is smaller than the output).
  for (int oy = 0; oy < size; ++oy)
    for (int ox = 0; ox < size; ++ox) {
      const double y0 = static_cast<double>(oy) * h / size, y1 = static_cast<double>(oy + 1) * h / size;
      const double x0 = static_cast<double>(ox) * w / size, x1 = static_cast<double>(ox + 1) * w / size;
      for (int c = 0; c < 3; ++c) {
        double value;
        if (y1 - y0 >= 1 && x1 - x0 >= 1) {
          double sum = 0;
          int count = 0;
          for (int y = static_cast<int>(y0); y < std::min(h, static_cast<int>(std::ceil(y1))); ++y)
            for (int x = static_cast<int>(x0); x < std::min(w, static_cast<int>(std::ceil(x1))); ++x, ++count)
              sum += pixels[(static_cast<size_t>(y) * w + x) * 3 + c];
          value = count ? sum / count : 0;
        } else {
          const double sy = std::clamp((y0 + y1) / 2 - 0.5, 0.0, h - 1.0), sx = std::clamp((x0 + x1) / 2 - 0.5, 0.0, w - 1.0);
          const int iy = static_cast<int>(sy), ix = static_cast<int>(sx);
          const int iy1 = std::min(iy + 1, h - 1), ix1 = std::min(ix + 1, w - 1);
          const double fy = sy - iy, fx = sx - ix;
          auto at = [&](int y, int x) { return pixels[(static_cast<size_t>(y) * w + x) * 3 + c]; };
          value = (1 - fy) * ((1 - fx) * at(iy, ix) + fx * at(iy, ix1)) + fy * ((1 - fx) * at(iy1, ix) + fx * at(iy1, ix1));
        }
        out.chw[(static_cast<size_t>(c) * size + oy) * size + ox] = static_cast<uint8_t>(std::lround(std::clamp(value, 0.0, 255.0)));
      }
    }
  stbi_image_free(pixels);
  return out;
}

}  // namespace gradlab::data
