// A user's image file: DecodeImage (stb_image with only PNG, JPEG, BMP, GIF and TGA, sizes
// checked first, the JPEG Huffman guard). Runs under AddressSanitizer like every target.
// Images are capped at 1 megapixel here: at the app's 40, mutated headers made the fuzzer
// decode multi-megapixel images and run at 7 inputs a second; every decoder path is the same.
#include "data/image_file.h"
#include "fuzz_input.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto image = data::DecodeImage(fuzz::Bytes(data, size), "fuzz.img", 8, 1'000'000);
  if (!image) {
    GRADLAB_FUZZ_CHECK(!image.error().empty());
    return 0;
  }
  GRADLAB_FUZZ_CHECK(image->chw.size() == 3 * 8 * 8);
  GRADLAB_FUZZ_CHECK(image->original_width > 0 && image->original_height > 0);
  return 0;
}
