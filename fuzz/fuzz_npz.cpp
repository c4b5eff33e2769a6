// NumPy .npz files (a zip of .npy arrays): ReadNpz, which the export tests use to read files back.
#include "core/npz.h"
#include "fuzz_input.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto arrays = ReadNpz(fuzz::Bytes(data, size));
  if (!arrays) GRADLAB_FUZZ_CHECK(!arrays.error().empty());
  return 0;
}
