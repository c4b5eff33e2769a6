// Helpers shared by the fuzz targets: each target is one LLVMFuzzerTestOneInput that hands the
// fuzzer's bytes to one engine parser and checks what the parser promises (an error message or
// a usable value; never a crash, a hang, an exception or undefined behaviour).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace gradlab::fuzz {

inline std::string Text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }
inline std::vector<uint8_t> Bytes(const uint8_t* data, size_t size) { return std::vector<uint8_t>(data, data + size); }

// A broken promise: libFuzzer saves the input that caused it.
#define GRADLAB_FUZZ_CHECK(cond)                                                       \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

}  // namespace gradlab::fuzz
