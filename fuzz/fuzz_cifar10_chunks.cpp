// The web app's CIFAR-10 chunks: a manifest (JSON text up to the first 0 byte) and one chunk
// file (the rest), assembled into a subset of two classes as the page does.
#include <cstring>

#include "data/cifar10_chunks.h"
#include "fuzz_input.h"

using namespace gradlab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const uint8_t* zero = static_cast<const uint8_t*>(std::memchr(data, 0, size));
  const size_t text_size = zero ? static_cast<size_t>(zero - data) : size;
  auto manifest = data::ParseChunkManifest(fuzz::Text(data, text_size));
  const std::vector<uint8_t> chunk = zero ? fuzz::Bytes(zero + 1, size - text_size - 1) : std::vector<uint8_t>();
  data::ThumbnailImage(chunk, data::kCifarClasses - 1, data::kThumbnailsPerClass - 1);
  if (!manifest) return 0;
  data::ChunkAssembler assembler({{3, 5}, 1, 2}, *manifest);
  if (!assembler.status()) return 0;
  for (const std::string& file : assembler.needed()) (void)assembler.Add(file, chunk);  // a bad chunk shows in complete()
  if (!assembler.complete()) return 0;
  auto sets = assembler.Finish();
  GRADLAB_FUZZ_CHECK(sets.ok());
  GRADLAB_FUZZ_CHECK(sets->train.size() == 2 && sets->test.size() == 2);
  return 0;
}
