// Writes NumPy .npz files (a zip of .npy arrays, stored uncompressed) so that a trained model
// can be loaded with numpy.load and PyTorch. Only what export needs: little-endian float32
// arrays of any shape, and byte strings (for JSON). Reading back is for tests.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab {

class NpzWriter {
 public:
  void AddFloat32(const std::string& name, const std::vector<int>& shape, const float* data);
  void AddInt64(const std::string& name, int64_t value);              // a 0-d '<i8' array
  void AddBytes(const std::string& name, const std::string& bytes);  // a 0-d '|S<n>' array
  std::vector<uint8_t> Finish() const;                                // the .npz file's bytes

 private:
  struct Entry {
    std::string name;  // without ".npy"
    std::vector<uint8_t> npy;
  };
  std::vector<Entry> entries_;
};

// What a test needs to check the file: each array's dtype descr, shape and raw bytes.
struct NpyArray {
  std::string descr;  // "<f4", "|S12"
  std::vector<int> shape;
  std::vector<uint8_t> bytes;
};
Result<std::map<std::string, NpyArray>> ReadNpz(const std::vector<uint8_t>& file);

uint32_t Crc32(const uint8_t* data, size_t size);

}  // namespace gradlab
