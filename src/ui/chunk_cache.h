// The CIFAR-10 files the page has fetched (the manifest and the class chunks), kept in memory so
// a change of classes fetches only the chunks it did not have: adding a class costs that class.
// Bounded: past kMaxBytes the files used longest ago are dropped (and fetched again if needed).
#pragma once
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <vector>

namespace gradlab::ui {

class ChunkCache {
 public:
  static constexpr size_t kMaxBytes = size_t{128} << 20;

  // The file's bytes, or nullptr if it is not kept; a hit makes it the most recently used.
  std::shared_ptr<const std::vector<uint8_t>> Get(const std::string& name);
  void Put(const std::string& name, std::vector<uint8_t> bytes);
  // Forgets a file that turned out damaged, so the next request fetches it again.
  void Drop(const std::string& name);
  size_t bytes() const { return bytes_; }

 private:
  struct File {
    std::string name;
    std::shared_ptr<const std::vector<uint8_t>> bytes;
  };
  std::list<File> files_;  // most recently used first
  size_t bytes_ = 0;
};

}  // namespace gradlab::ui
