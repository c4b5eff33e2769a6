// A whole session as one file: the link that sets the app up (settings::FormatFragment), the
// trained model (a model file, as SerializeModel writes it, inside) and the progress to go on
// from (history, position in the epoch, optimizer and data-order state). The page keeps one in
// the browser's storage so a reload loses nothing; Save session / Load session move it as a file.
//
//   "GRADLABS" | u32 version | u32 header bytes | header JSON | u32 model bytes | model file |
//   optimizer state, float32 little-endian, in the order and sizes the header lists
//
// Deliberately not here: what the link means (settings/) or how a model file is laid out
// (model_file.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "train/session.h"

namespace gradlab::train {

// 2: the header has "lessons". Version 1 files (without it) are still read.
inline constexpr uint32_t kSessionFormatVersion = 2;

struct SessionFile {
  std::string link;               // "v=1&data=cifar10&..."
  std::vector<uint8_t> model;     // a model file; empty when nothing was trained
  Progress progress;              // meaningful only with a model
  std::string lessons;            // the student's lesson progress as JSON text, written and read
                                  // by ui/lesson_progress; "" for none
};

std::vector<uint8_t> SerializeSession(const SessionFile& session);
// `name` is used in messages. Every size is checked before anything is allocated from it.
// The messages speak the student's language (tr()), so call it where tr() may be called: the UI's
// thread or the CLI's (i18n/translate.h), not a worker.
Result<SessionFile> DeserializeSession(const std::vector<uint8_t>& bytes, const std::string& name);

}  // namespace gradlab::train
