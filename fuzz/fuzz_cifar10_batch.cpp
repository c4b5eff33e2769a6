// CIFAR-10 batch bytes: ParseCifarBatch, then the subset and statistics code on what it accepts.
// The first byte picks how many records the caller expects (1-4), so small inputs can be whole
// batches and the label checks and subset copying are reached.
#include "data/cifar10.h"
#include "fuzz_input.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const int records = 1 + data[0] % 4;
  auto batch = data::ParseCifarBatch("fuzz.bin", data + 1, size - 1, records);
  if (!batch) {
    GRADLAB_FUZZ_CHECK(!batch.error().empty());
    return 0;
  }
  data::Dataset d = data::EmptyCifarSet("train", {3, 5, 8});
  std::vector<int> remaining = {2, 2, 2};
  data::AppendSubset(*batch, {3, 5, 8}, remaining, d);
  data::ComputeChannelStats(d);
  GRADLAB_FUZZ_CHECK(d.pixels.size() == d.labels.size() * data::kCifarImageBytes);
  for (float s : d.std) GRADLAB_FUZZ_CHECK(s > 0);
  return 0;
}
