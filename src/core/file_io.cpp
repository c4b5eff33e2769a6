#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace gradlab {

Result<std::vector<uint8_t>> ReadFileBytes(const std::string& path, size_t max_bytes) {
  using R = Result<std::vector<uint8_t>>;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return R::Error(errno == ENOENT ? path + " not found" : "cannot open " + path + ": " + std::strerror(errno));
  long size = -1;
  if (std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
  std::vector<uint8_t> bytes;
  bool ok = size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok && static_cast<size_t>(size) > max_bytes) {
    std::fclose(f);
    return R::Error(path + " is too large (" + std::to_string(size) + " bytes)");
  }
  if (ok) {
    bytes.resize(static_cast<size_t>(size));
    ok = std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size();
  }
  std::fclose(f);
  if (!ok) return R::Error("cannot read " + path);
  return bytes;
}

Status WriteFileBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::Error("cannot write " + path + ": " + std::strerror(errno));
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) return Status::Error("writing " + path + " failed (disk full?)");
  return Status();
}

}  // namespace gradlab
