#include "data/cifar10_chunks.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "io/file_io.h"
#include "i18n/translate.h"

namespace gradlab::data {


std::string ChunkFileName(bool train, int cifar_class, int chunk) {
  return std::string(train ? "train-" : "test-") + std::to_string(cifar_class) + "-" + std::to_string(chunk) + ".bin";
}

Result<ChunkManifest> ParseChunkManifest(const std::string& text) {
  using R = Result<ChunkManifest>;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  // Compared as JSON values, not read with value(): that throws when a key has another type.
  if (j.is_discarded() || !j.is_object() || !j.contains("format") || j["format"] != "gradlab-cifar10-chunks")
    return R::Error(tr("manifest.json is not a Gradlab CIFAR-10 chunk manifest"));
  if (!j.contains("version") || j["version"] != 1) return R::Error(tr("manifest.json has an unknown version"));
  ChunkManifest m;
  auto counts = [&](const char* key, std::vector<int>& out) {
    if (!j.contains(key) || !j[key].is_array() || j[key].size() != kCifarClasses) return false;
    for (const auto& v : j[key]) {
      // At most what CIFAR-10 has per class: a huge count would wrap the int.
      if (!v.is_number_unsigned() || v.get<uint64_t>() > static_cast<uint64_t>(kCifarTrainPerClass)) return false;
      out.push_back(static_cast<int>(v.get<uint64_t>()));
    }
    return true;
  };
  if (!j.contains("chunk_images") || j["chunk_images"] != kChunkImages || !counts("train_per_class", m.train_per_class) ||
      !counts("test_per_class", m.test_per_class))
    return R::Error(tr("manifest.json is damaged (chunk size or image counts)"));
  return m;
}

const uint8_t* ThumbnailImage(const std::vector<uint8_t>& thumbnails, int cifar_class, int k) {
  const size_t expected = static_cast<size_t>(kCifarClasses) * kThumbnailsPerClass * kCifarImageBytes;
  if (thumbnails.size() != expected || cifar_class < 0 || cifar_class >= kCifarClasses || k < 0 || k >= kThumbnailsPerClass)
    return nullptr;
  return thumbnails.data() + (static_cast<size_t>(cifar_class) * kThumbnailsPerClass + k) * kCifarImageBytes;
}

Status WriteCifarChunks(const std::string& cifar_dir, const std::string& out_dir) {
  // Per split and class: the records in file order, with their position in the official files.
  std::vector<std::vector<uint8_t>> train(kCifarClasses), test(kCifarClasses);
  auto take = [&](const std::string& name, int first_position, std::vector<std::vector<uint8_t>>& into) -> Status {
    auto bytes = ReadFileBytes(cifar_dir + "/" + name);
    if (!bytes) return bytes.status();
    auto batch = ParseCifarBatch(name, bytes->data(), bytes->size());
    if (!batch) return batch.status();
    for (int i = 0; i < batch->records; ++i) {
      auto& out = into[batch->label(i)];
      const uint32_t pos = static_cast<uint32_t>(first_position + i);
      for (int b = 0; b < 4; ++b) out.push_back((pos >> (8 * b)) & 0xFF);
      out.insert(out.end(), batch->image(i), batch->image(i) + kCifarImageBytes);
    }
    return Status();
  };
  for (int b = 1; b <= kCifarTrainBatches; ++b)
    if (Status s = take("data_batch_" + std::to_string(b) + ".bin", (b - 1) * kCifarRecordsPerBatch, train); !s) return s;
  if (Status s = take("test_batch.bin", 0, test); !s) return s;

  std::vector<uint8_t> thumbnails;
  for (int c = 0; c < kCifarClasses; ++c)
    for (int k = 0; k < kThumbnailsPerClass; ++k) {
      const size_t at = static_cast<size_t>(k) * kChunkRecordBytes;
      if (at + kChunkRecordBytes > train[c].size()) return Status::Error("CIFAR-10 class " + std::to_string(c) + " has too few training images");
      thumbnails.insert(thumbnails.end(), train[c].begin() + static_cast<long>(at) + 4, train[c].begin() + static_cast<long>(at + kChunkRecordBytes));
    }
  if (Status s = WriteFileBytes(out_dir + "/" + kThumbnailFile, thumbnails); !s) return s;

  nlohmann::json manifest = {{"format", "gradlab-cifar10-chunks"}, {"version", 1}, {"chunk_images", kChunkImages},
                             {"classes", Cifar10ClassNames()}};
  for (bool is_train : {true, false}) {
    auto& split = is_train ? train : test;
    std::vector<int> counts;
    for (int c = 0; c < kCifarClasses; ++c) {
      const int images = static_cast<int>(split[c].size() / kChunkRecordBytes);
      counts.push_back(images);
      for (int k = 0; k * kChunkImages < images; ++k) {
        const size_t begin = static_cast<size_t>(k) * kChunkImages * kChunkRecordBytes;
        const size_t end = std::min(split[c].size(), begin + static_cast<size_t>(kChunkImages) * kChunkRecordBytes);
        std::vector<uint8_t> piece(split[c].begin() + begin, split[c].begin() + end);
        if (Status s = WriteFileBytes(out_dir + "/" + ChunkFileName(is_train, c, k), piece); !s) return s;
      }
    }
    manifest[is_train ? "train_per_class" : "test_per_class"] = counts;
  }
  const std::string text = manifest.dump(1);
  return WriteFileBytes(out_dir + "/manifest.json", std::vector<uint8_t>(text.begin(), text.end()));
}

ChunkAssembler::ChunkAssembler(const CifarSubset& subset, const ChunkManifest& manifest) : subset_(subset) {
  if (Status s = CheckCifarSubset(subset); !s) {
    status_ = s;
    return;
  }
  classes_ = ResolvedClasses(subset);
  for (bool train : {true, false}) {
    const std::vector<int> quota = train ? TrainQuota(subset) : TestQuota(subset);
    for (size_t k = 0; k < classes_.size(); ++k) {
      const int c = classes_[k];
      const int available = (train ? manifest.train_per_class : manifest.test_per_class)[c];
      if (quota[k] > available) {
        status_ = Status::Error(Fill(train ? tr("the server has {0} training images of '{1}', {2} wanted")
                                           : tr("the server has {0} test images of '{1}', {2} wanted"),
                                     {std::to_string(available), Cifar10ClassNames()[c], std::to_string(quota[k])}));
        return;
      }
      for (int chunk = 0, left = quota[k]; left > 0; ++chunk, left -= manifest.chunk_images) {
        const int count = std::min(left, manifest.chunk_images);
        pieces_.push_back({ChunkFileName(train, c, chunk), train, static_cast<int>(k), count, {}});
        needed_.push_back(pieces_.back().file);
      }
    }
  }
}

Status ChunkAssembler::Add(const std::string& file_name, const std::vector<uint8_t>& bytes) {
  for (Piece& p : pieces_) {
    if (p.file != file_name) continue;
    if (bytes.size() % kChunkRecordBytes != 0 || bytes.size() / kChunkRecordBytes < static_cast<size_t>(p.count))
      return status_ = Status::Error(Fill(tr("{0} is {1} bytes; at least {2} images of {3} bytes were expected"),
                                          {file_name, std::to_string(bytes.size()), std::to_string(p.count),
                                           std::to_string(kChunkRecordBytes)}));
    if (p.bytes.empty()) ++received_;
    p.bytes = bytes;
    return Status();
  }
  return Status::Error(Fill(tr("{0} is not one of the chunks this subset needs"), {file_name}));
}

Result<TrainTest> ChunkAssembler::Finish() {
  if (!status_) return status_;
  if (!complete()) return Result<TrainTest>::Error(tr("not all chunks have arrived"));
  TrainTest out{EmptyCifarSet("train", classes_), EmptyCifarSet("test", classes_)};
  for (bool train : {true, false}) {
    // (position in the official files, class position, record pointer), sorted by position.
    struct Record {
      uint32_t position;
      int label;
      const uint8_t* image;
    };
    std::vector<Record> records;
    for (const Piece& p : pieces_) {
      if (p.train != train) continue;
      for (int i = 0; i < p.count; ++i) {
        const uint8_t* r = p.bytes.data() + static_cast<size_t>(i) * kChunkRecordBytes;
        const uint32_t position = r[0] | r[1] << 8 | r[2] << 16 | static_cast<uint32_t>(r[3]) << 24;  // 255 << 24 overflows an int
        records.push_back({position, p.position, r + 4});
      }
    }
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.position < b.position; });
    Dataset& d = train ? out.train : out.test;
    d.pixels.reserve(records.size() * kCifarImageBytes);
    for (const Record& r : records) {
      d.labels.push_back(static_cast<uint8_t>(r.label));
      d.pixels.insert(d.pixels.end(), r.image, r.image + kCifarImageBytes);
    }
  }
  ComputeChannelStats(out.train);
  out.test.mean = out.train.mean;
  out.test.std = out.train.std;
  for (Piece& p : pieces_) std::vector<uint8_t>().swap(p.bytes);  // the datasets hold the images now
  received_ = 0;
  return out;
}

}  // namespace gradlab::data
