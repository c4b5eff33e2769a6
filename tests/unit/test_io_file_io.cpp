// The file edge with things that are not files (issue 15, findings 5 and 11): a folder, a
// symbolic-link loop and a FIFO give one clear message each; nothing throws and nothing hangs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <sys/stat.h>

#include "io/file_io.h"
#include "data/cifar10.h"

using namespace gradlab;
namespace fs = std::filesystem;

namespace {

// A fresh, empty folder for one test case.
fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("gradlab-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("Finding 11: a folder is 'a folder', not a file of 2^63 bytes", "[core][files][hostile]") {
  const fs::path dir = TempDir("folder");
  auto r = ReadFileBytes(dir.string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == dir.string() + " is a folder, not a file");
  CHECK(ReadFileBytes((dir / "missing.bin").string()).error() == (dir / "missing.bin").string() + " not found");
}

TEST_CASE("A file over the caller's limit names the limit", "[core][files]") {
  const fs::path dir = TempDir("limit");
  REQUIRE(WriteFileBytes((dir / "ten.bin").string(), std::vector<uint8_t>(10, 1)).ok());
  CHECK_THAT(ReadFileBytes((dir / "ten.bin").string(), 4).error(), Catch::Contains("is too large (10 bytes; the limit is 4)"));
  CHECK(ReadFileBytes((dir / "ten.bin").string(), 10)->size() == 10);
}

// The page has neither links nor FIFOs (its files are uploaded bytes); Node's file system
// under WebAssembly does not make FIFOs.
#ifndef __EMSCRIPTEN__
TEST_CASE("Finding 5: a symbolic-link loop is an error, also as a CIFAR-10 batch file", "[core][files][hostile]") {
  const fs::path dir = TempDir("loop");
  fs::create_symlink("data_batch_1.bin", dir / "data_batch_1.bin");  // points at itself
  CHECK_THAT(ReadFileBytes((dir / "data_batch_1.bin").string()).error(),
             Catch::Contains("cannot be read: a symbolic link on its path leads back to itself (a loop)"));
  auto loaded = data::LoadCifar10(dir.string(), {{3, 5}, 10, 10});
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.error(), Catch::Contains("data_batch_1.bin cannot be read: a symbolic link on its path leads back"));
  // The folder itself as a loop: the batch file inside it cannot be reached.
  const fs::path parent = TempDir("loop-dir");
  fs::create_symlink("cifar", parent / "cifar");
  auto via_dir = data::LoadCifar10((parent / "cifar").string(), {{3, 5}, 10, 10});
  REQUIRE_FALSE(via_dir.ok());
  CHECK_THAT(via_dir.error(), Catch::Contains("cifar/data_batch_1.bin cannot be read: a symbolic link"));
}

TEST_CASE("Finding 5: a FIFO as a batch file is refused at once instead of waiting for a writer", "[core][files][hostile]") {
  const fs::path dir = TempDir("fifo");
  REQUIRE(mkfifo((dir / "data_batch_1.bin").c_str(), 0600) == 0);
  auto loaded = data::LoadCifar10(dir.string(), {{3, 5}, 10, 10});
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.error(), Catch::Contains("data_batch_1.bin is not a regular file (a pipe, socket or device)"));
}
#endif
