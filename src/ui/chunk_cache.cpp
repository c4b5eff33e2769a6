#include "ui/chunk_cache.h"

#include <algorithm>

namespace gradlab::ui {

std::shared_ptr<const std::vector<uint8_t>> ChunkCache::Get(const std::string& name) {
  const auto it = std::find_if(files_.begin(), files_.end(), [&](const File& f) { return f.name == name; });
  if (it == files_.end()) return nullptr;
  files_.splice(files_.begin(), files_, it);
  return files_.front().bytes;
}

void ChunkCache::Put(const std::string& name, std::vector<uint8_t> bytes) {
  if (Get(name)) return;
  bytes_ += bytes.size();
  files_.push_front({name, std::make_shared<const std::vector<uint8_t>>(std::move(bytes))});
  while (bytes_ > kMaxBytes && files_.size() > 1) {
    bytes_ -= files_.back().bytes->size();
    files_.pop_back();
  }
}

void ChunkCache::Drop(const std::string& name) {
  const auto it = std::find_if(files_.begin(), files_.end(), [&](const File& f) { return f.name == name; });
  if (it == files_.end()) return;
  bytes_ -= it->bytes->size();
  files_.erase(it);
}

}  // namespace gradlab::ui
