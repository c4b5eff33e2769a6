// CIFAR-10 cut into small per-class chunks, so the web app downloads only what a subset needs
// (500 cats are 1.5 MB, not the whole 170 MB archive) and shows progress chunk by chunk.
// The desktop app reads the same chunks from disk, so both assemble subsets the same way.
//
// Layout of a chunk folder (written by `gradlab-cli pack-cifar10`):
//   thumbnails.bin             a few images per class for the class picker (below)
//   manifest.json              {"format": "gradlab-cifar10-chunks", "version": 1, "chunk_images": 500,
//                               "classes": [...], "train_per_class": [...], "test_per_class": [...]}
//   train-<class>-<k>.bin      images k*500 .. of that class in file order; each image is a
//   test-<class>-<k>.bin       4-byte little-endian position in the official files, then 3072
//                              bytes (CHW), so the subset is put back in the official file order
// A subset assembled from chunks is byte-for-byte the one LoadCifar10 reads from the batch files
// (same images, same order, same mean/std), so the app and the CLI train on the same data.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "data/cifar10.h"

namespace gradlab::data {

inline constexpr int kChunkImages = 500;
inline constexpr int kChunkRecordBytes = 4 + kCifarImageBytes;

struct ChunkManifest {
  int chunk_images = kChunkImages;
  std::vector<int> train_per_class, test_per_class;  // images available, per CIFAR-10 class
};

// thumbnails.bin: the first kThumbnailsPerClass training images of each class, class by class,
// 3072 bytes each (CHW): the class picker's pictures in one small download (90 KB).
inline constexpr int kThumbnailsPerClass = 3;
inline constexpr const char* kThumbnailFile = "thumbnails.bin";
// The image k of class c, or nullptr when the file does not have the size it must have.
const uint8_t* ThumbnailImage(const std::vector<uint8_t>& thumbnails, int cifar_class, int k);

Result<ChunkManifest> ParseChunkManifest(const std::string& json_text);
std::string ChunkFileName(bool train, int cifar_class, int chunk);  // "train-3-0.bin"

// Reads the official batch files in `cifar_dir` and writes the chunk folder `out_dir`.
Status WriteCifarChunks(const std::string& cifar_dir, const std::string& out_dir);

// Collects the chunks a subset needs and assembles the datasets.
class ChunkAssembler {
 public:
  ChunkAssembler(const CifarSubset& subset, const ChunkManifest& manifest);
  const Status& status() const { return status_; }            // subset not available, ...
  const std::vector<std::string>& needed() const { return needed_; }  // file names, in order
  // Takes the bytes of one needed file (any order). A wrong size is an error naming the file.
  Status Add(const std::string& file_name, const std::vector<uint8_t>& bytes);
  int received() const { return received_; }
  bool complete() const { return status_.ok() && received_ == static_cast<int>(needed_.size()); }
  double progress() const { return needed_.empty() ? 1 : static_cast<double>(received_) / needed_.size(); }
  Result<TrainTest> Finish();

 private:
  struct Piece {
    std::string file;
    bool train;
    int position;  // index into the chosen classes
    int count;     // images wanted from this chunk
    std::vector<uint8_t> bytes;
  };
  CifarSubset subset_;
  std::vector<int> classes_;
  std::vector<Piece> pieces_;
  std::vector<std::string> needed_;
  int received_ = 0;
  Status status_;
};

}  // namespace gradlab::data
