// Saved model files. The CRC-32 at the end would stop nearly every mutation at "checksum does
// not match", so when the first byte is even the target frames the rest as a file would be
// ("GRADLABM", version 2, the input, a correct checksum) and the mutations reach the header
// schema, the size checks and the weights. Odd: the raw bytes, framing and checksum included.
// A model that loads must predict finite scores for a zero input.
#include <cmath>

#include "core/npz.h"
#include "fuzz_input.h"
#include "train/model_file.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::vector<uint8_t> file;
  if (data[0] % 2 == 0) {
    const char magic[] = "GRADLABM\x02\0\0\0";
    file.assign(magic, magic + 12);
    file.insert(file.end(), data + 1, data + size);
    const uint32_t crc = Crc32(file.data(), file.size());
    for (int b = 0; b < 4; ++b) file.push_back(static_cast<uint8_t>(crc >> (8 * b)));
  } else {
    file = fuzz::Bytes(data + 1, size - 1);
  }
  auto saved = train::DeserializeModel(file, "fuzz.gradlab");
  if (!saved) {
    GRADLAB_FUZZ_CHECK(!saved.error().empty());
    return 0;
  }
  Shape batch = saved->model->input_shape();
  batch.insert(batch.begin(), 1);
  const Tensor zeros(batch);
  const Tensor& scores = saved->model->Forward(zeros, nn::Mode::kEval);
  GRADLAB_FUZZ_CHECK(scores.size() == saved->class_names.size());
  return 0;
}
