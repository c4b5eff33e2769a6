// CIFAR-10 reader for the official binary format, and the subsets the course uses.
//
// A batch file is 10,000 records of 3,073 bytes: one label byte (0-9), then 1024 red, 1024 green
// and 1024 blue bytes of a 32x32 image, row-major. Images stay as bytes in CHW order (exactly the
// file's layout) inside a Dataset; batch.h turns them into normalised floats.
//
// Parsing works on bytes already in memory, so it is tested without files; reading files is a
// thin edge (LoadCifar10). This file does not download anything (scripts/fetch-cifar10 does),
// does not decode other image formats, and does not augment or normalise pixels: it only computes
// the per-channel mean/std that batch.h applies.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "data/dataset.h"

namespace gradlab::data {

inline constexpr int kCifarClasses = 10;
inline constexpr int kCifarChannels = 3;
inline constexpr int kCifarSide = 32;
inline constexpr int kCifarImageBytes = kCifarChannels * kCifarSide * kCifarSide;  // 3072
inline constexpr int kCifarRecordBytes = 1 + kCifarImageBytes;                      // 3073
inline constexpr int kCifarRecordsPerBatch = 10000;
inline constexpr int kCifarTrainBatches = 5;  // data_batch_1.bin .. data_batch_5.bin
inline constexpr int kCifarTrainPerClass = 5000;
inline constexpr int kCifarTestPerClass = 1000;

// "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck".
const std::vector<std::string>& Cifar10ClassNames();

// "cat,dog,ship" -> {3, 5, 8}. Names are case-insensitive, spaces around commas are ignored.
// Unknown or repeated names give a message listing the valid ones.
Result<std::vector<int>> ParseClassList(const std::string& names);

// One batch file, checked and parsed: a view of the caller's bytes (which must outlive it), so
// that picking a few images out of a 30 MB file copies only those images.
struct CifarBatch {
  const uint8_t* bytes = nullptr;
  int records = 0;
  int label(int i) const { return bytes[static_cast<size_t>(i) * kCifarRecordBytes]; }
  // kCifarImageBytes bytes: 1024 red, 1024 green, 1024 blue (CHW).
  const uint8_t* image(int i) const { return bytes + static_cast<size_t>(i) * kCifarRecordBytes + 1; }
};

// Parses the bytes of one batch file. file_name only appears in messages. A real batch has
// exactly kCifarRecordsPerBatch records; tests pass a smaller count to parse tiny batches.
//   "test_batch.bin is 1200 bytes; a CIFAR-10 batch is 30,730,000 (10,000 records of 3,073 bytes)"
//   "data_batch_3.bin: record 17 has label 12; labels are 0-9"   (records count from 0)
Result<CifarBatch> ParseCifarBatch(const std::string& file_name, const uint8_t* bytes, size_t size,
                                   int expected_records = kCifarRecordsPerBatch);

// Appends to `out` the images of `batch` whose label is in `classes`, in file order, while the
// class still has room: remaining[k] counts down the images still wanted from classes[k].
// Labels are remapped to positions in `classes` (classes {3, 5, 8}: cat -> 0, dog -> 1, ship -> 2).
// `out` must be an image Dataset ({3, 32, 32}); its names and stats are left alone.
void AppendSubset(const CifarBatch& batch, const std::vector<int>& classes,
                  std::vector<int>& remaining, Dataset& out);

// Per-channel mean and standard deviation of byte/255 over all images of `d` (population std,
// divide by N), stored in d.mean / d.std. Computed from exact integer sums, so every platform
// gets the same numbers. A channel with std 0 (a constant image set) gets std 1 to stay usable.
void ComputeChannelStats(Dataset& d);

// Which part of CIFAR-10 to load.
struct CifarSubset {
  std::vector<int> classes;  // class indices 0-9 in the order wanted; empty = all ten
  int train_per_class = 0;   // first N training images of each class in file order; 0 = all 5,000
  int test_count = 0;        // test images in total, spread evenly over the classes (the first
                             // classes get one more when it does not divide); 0 = all 1,000 each
};

// Checks a subset against CIFAR-10's sizes (valid, distinct classes; counts in range).
Status CheckCifarSubset(const CifarSubset& subset);

// Loads the subset from dir (which holds data_batch_1.bin .. test_batch.bin), reading only as
// many training batch files as the subset needs. train.mean/std are computed on the training
// subset and copied into test. Errors name the file and the problem, e.g.
//   "data_batch_2.bin not found in DIR (run scripts/fetch-cifar10)".
Result<TrainTest> LoadCifar10(const std::string& dir, const CifarSubset& subset);

// The pieces of a subset, shared with the chunked loader (cifar10_chunks.h) so both pick the
// same images: the class indices (empty = all ten), and how many training and test images of
// each chosen class are wanted.
std::vector<int> ResolvedClasses(const CifarSubset& subset);
std::vector<int> TrainQuota(const CifarSubset& subset);
std::vector<int> TestQuota(const CifarSubset& subset);
// An empty image Dataset for the chosen classes, named "CIFAR-10 train (cat, dog)".
Dataset EmptyCifarSet(const std::string& part, const std::vector<int>& classes);

// Where the data lives: $GRADLAB_CIFAR10_DIR if set, else "data/cifar-10-batches-bin" relative to
// the current directory (the repo root for the CLI, the tests and the desktop app).
// (WebAssembly tools under Node.js see the environment through cmake/node-env.js.)
std::string FindCifar10Dir();

}  // namespace gradlab::data
