#include "io/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "i18n/translate.h"

namespace gradlab {

namespace {

// The system's own words for the cause (strerror, error_code::message) stay as the system says them.
std::string NotFound(const std::string& path) { return Fill(tr("{0} not found"), {path}); }
std::string CannotOpen(const std::string& path, const std::string& cause) { return Fill(tr("cannot open {0}: {1}"), {path, cause}); }

// What is at `path`, asked before opening it: fopen on a FIFO waits for a writer forever, and a
// folder "opens" and then claims a size of 2^63 bytes. Never throws (a symbolic-link loop is
// an error code here, not a filesystem_error).
Status CheckRegularFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) return Status::Error(NotFound(path));
  if (ec) {
    if (ec == std::errc::too_many_symbolic_link_levels)
      return Status::Error(Fill(tr("{0} cannot be read: a symbolic link on its path leads back to itself (a loop)"), {path}));
    return Status::Error(CannotOpen(path, ec.message()));
  }
  if (st.type() == fs::file_type::directory) return Status::Error(Fill(tr("{0} is a folder, not a file"), {path}));
  if (st.type() != fs::file_type::regular)
    return Status::Error(Fill(tr("{0} is not a regular file (a pipe, socket or device); give a file saved on disk"), {path}));
  return Status();
}

}  // namespace

Result<std::vector<uint8_t>> ReadFileBytes(const std::string& path, size_t max_bytes) {
  using R = Result<std::vector<uint8_t>>;
  if (Status s = CheckRegularFile(path); !s) return s;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return R::Error(errno == ENOENT ? NotFound(path) : CannotOpen(path, std::strerror(errno)));
  long size = -1;
  if (std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
  std::vector<uint8_t> bytes;
  bool ok = size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok && static_cast<size_t>(size) > max_bytes) {
    std::fclose(f);
    return R::Error(Fill(tr("{0} is too large ({1} bytes; the limit is {2})"), {path, std::to_string(size), std::to_string(max_bytes)}));
  }
  if (ok) {
    bytes.resize(static_cast<size_t>(size));
    ok = std::fread(bytes.data(), 1, bytes.size(), f) == bytes.size();
  }
  std::fclose(f);
  if (!ok) return R::Error(Fill(tr("cannot read {0}"), {path}));
  return bytes;
}

Status WriteFileBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::Error(Fill(tr("cannot write {0}: {1}"), {path, std::strerror(errno)}));
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed) return Status::Error(Fill(tr("writing {0} failed (disk full?)"), {path}));
  return Status();
}

}  // namespace gradlab
