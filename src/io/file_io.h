// Whole-file reads and writes: the one file edge of the engine, the CLI and the desktop app.
// Messages name the file and the problem ("model.gradlab not found", "cannot write out.npz:
// Permission denied"), in the spoken language (tr(): call these on the UI thread, or in the CLI).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab {

Result<std::vector<uint8_t>> ReadFileBytes(const std::string& path, size_t max_bytes = size_t(1) << 31);
Status WriteFileBytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace gradlab
