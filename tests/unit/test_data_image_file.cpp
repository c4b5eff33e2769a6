// Decoding users' images (issue 15, finding 4): only PNG, JPEG, BMP, GIF and TGA are read;
// sizes are checked before decoding; a top-down BMP is an image; hostile files are refused with
// a message (the fuzzer, fuzz/fuzz_image.cpp, runs the same function under AddressSanitizer).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "io/file_io.h"
#include "data/image_file.h"
#include "data/jpeg_guard.h"

using namespace gradlab;
using namespace gradlab::data;

namespace {

// Byte by byte: GCC 12 misreads vector::insert of a short initializer list (-Warray-bounds).
void PutLe(std::vector<uint8_t>& b, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void Put16(std::vector<uint8_t>& b, uint32_t v) { PutLe(b, v, 2); }
void Put32(std::vector<uint8_t>& b, uint32_t v) { PutLe(b, v, 4); }
void Put32Be(std::vector<uint8_t>& b, uint32_t v) {
  for (int i = 3; i >= 0; --i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

// A 24-bit 2x2 BMP; `top_down` stores the height as -2 (rows from the top), as many tools write.
// Top row red, bottom row blue.
std::vector<uint8_t> Bmp2x2(bool top_down) {
  std::vector<uint8_t> b = {'B', 'M'};
  Put32(b, 14 + 40 + 16);
  Put32(b, 0);
  Put32(b, 14 + 40);
  Put32(b, 40);
  Put32(b, 2);
  Put32(b, top_down ? static_cast<uint32_t>(-2) : 2u);
  Put16(b, 1);
  Put16(b, 24);
  for (int i = 0; i < 6; ++i) Put32(b, 0);  // no compression, sizes and palette left to defaults
  const std::vector<uint8_t> red = {0, 0, 255, 0, 0, 255, 0, 0}, blue = {255, 0, 0, 255, 0, 0, 0, 0};  // BGR + padding
  const auto& first = top_down ? red : blue;
  const auto& second = top_down ? blue : red;
  b.insert(b.end(), first.begin(), first.end());
  b.insert(b.end(), second.begin(), second.end());
  return b;
}

// The start of a PNG: signature and an IHDR chunk (its CRC is not checked by the size probe).
std::vector<uint8_t> PngHeader(uint32_t w, uint32_t h) {
  std::vector<uint8_t> b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  Put32Be(b, 13);
  b.insert(b.end(), {'I', 'H', 'D', 'R'});
  Put32Be(b, w);
  Put32Be(b, h);
  b.insert(b.end(), {8, 2, 0, 0, 0});
  Put32Be(b, 0);
  return b;
}

}  // namespace

TEST_CASE("A PNG made by the project decodes to 3x32x32 bytes", "[data][image]") {
  auto bytes = ReadFileBytes("tests/data/red-square.png");
  REQUIRE(bytes.ok());
  auto image = DecodeImage(*bytes, "red-square.png");
  REQUIRE(image.ok());
  CHECK(image->chw.size() == 3 * 32 * 32);
  CHECK(image->chw[0] > 200);  // red channel, top-left
}

TEST_CASE("Finding 4: a top-down BMP (negative height) is an image, the right way up", "[data][image][hostile]") {
  for (bool top_down : {false, true}) {
    auto image = DecodeImage(Bmp2x2(top_down), "flag.bmp", 2);
    REQUIRE(image.ok());
    CHECK(image->original_width == 2);
    CHECK(image->original_height == 2);
    // CHW: red plane's top row is 255, its bottom row 0.
    CHECK(image->chw[0] == 255);
    CHECK(image->chw[2] == 0);
    CHECK(image->chw[2 * 4 + 2] == 255);  // blue plane, bottom row
  }
}

TEST_CASE("Finding 4: a 30000x30000 PNG is 'too large', a 0x0 one has no pixels", "[data][image][hostile]") {
  CHECK(DecodeImage(PngHeader(30000, 30000), "huge.png").error() ==
        "huge.png is 30000x30000 pixels, too large: images up to 40,000,000 pixels are accepted");
  CHECK_THAT(DecodeImage(PngHeader(7000, 7000), "big.png").error(), Catch::Contains("too large"));
  CHECK_THAT(DecodeImage(PngHeader(2000, 1000), "two.png", 32, 1'000'000).error(),
             Catch::EndsWith("images up to 1,000,000 pixels are accepted"));
  auto empty = DecodeImage(PngHeader(0, 0), "empty.png");
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.error(), Catch::StartsWith("empty.png"));
}

TEST_CASE("Finding 4: formats the app does not promise are not decoded", "[data][image][hostile]") {
  // PIC (the 111-byte truncated file crashed stb's PIC decoder), PNM with a 20-digit width
  // (a signed overflow), PSD and HDR headers: all "not an image Gradlab can read".
  std::vector<uint8_t> pic = {'S', 0x80, 0xF6, '4'};
  pic.resize(111, 0);
  const std::string pict = "PICT";
  std::copy(pict.begin(), pict.end(), pic.begin() + 88);
  const std::string pnm = "P6\n99999999999999999999 1\n255\n", psd("8BPS\0\1", 6), hdr = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 2\n";
  for (const auto& bytes : {pic, std::vector<uint8_t>(pnm.begin(), pnm.end()), std::vector<uint8_t>(psd.begin(), psd.end()),
                            std::vector<uint8_t>(hdr.begin(), hdr.end())})
    CHECK_THAT(DecodeImage(bytes, "x").error(), Catch::StartsWith("x is not an image Gradlab can read (PNG, JPEG, BMP, GIF, TGA)"));
}

TEST_CASE("Finding 4: a JPEG Huffman table longer than 256 symbols is refused before stb reads it", "[data][image][hostile]") {
  std::vector<uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xC4, 0x00, 19, 0x00};
  jpeg.resize(jpeg.size() + 16, 255);  // 4,080 symbols declared (resize: GCC 12 misreads insert here)
  CHECK_FALSE(JpegHuffmanTablesFit(jpeg.data(), jpeg.size()));
  CHECK_THAT(DecodeImage(jpeg, "bad.jpg").error(), Catch::Contains("damaged JPEG (a Huffman table is too long)"));
  // A table of 256 symbols exactly is what the format allows.
  std::vector<uint8_t> fits = {0xFF, 0xD8, 0xFF, 0xC4, 0x01, 0x13, 0x00};
  fits.insert(fits.end(), 15, 0);
  fits.push_back(255);
  CHECK(JpegHuffmanTablesFit(fits.data(), fits.size()));
  CHECK(JpegHuffmanTablesFit(PngHeader(2, 2).data(), 10));  // not a JPEG: nothing to check
}
