// Augmentation specs ("hflip,crop:4,mixup:0.2"): what parses must format to text that parses
// to the same settings, and augmenting one image with them must stay in range.
#include <cmath>

#include "core/rng.h"
#include "data/augment.h"
#include "fuzz_input.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto config = data::ParseAugmentSpec(fuzz::Text(data, size));
  if (!config) {
    GRADLAB_FUZZ_CHECK(!config.error().empty());
    return 0;
  }
  auto again = data::ParseAugmentSpec(data::FormatAugmentSpec(*config));
  GRADLAB_FUZZ_CHECK(again.ok() && *again == *config);
  std::vector<float> image(3 * 8 * 8, 0.5f);
  Rng rng(1);
  data::AugmentImage(*config, rng, 3, 8, 8, image.data());
  for (float v : image) GRADLAB_FUZZ_CHECK(std::isfinite(v));
  return 0;
}
