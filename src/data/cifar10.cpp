// CIFAR-10: parsing batch bytes, picking subsets, channel statistics, and the file edge.
// See cifar10.h for what this does and does not do.
#include "data/cifar10.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "io/file_io.h"
#include "core/text.h"
#include "i18n/translate.h"

namespace gradlab::data {
namespace {

std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string ValidClassNames() {
  std::string out;
  for (const std::string& n : Cifar10ClassNames()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string JoinClassNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string JoinPath(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

// The file edge: the whole file as bytes, or a message that names the file, its folder and
// what to run when it is missing.
Result<std::vector<uint8_t>> ReadBatchFile(const std::string& dir, const std::string& name) {
  const std::string path = JoinPath(dir, name);
  std::error_code ec;  // the non-throwing form: a link loop is reported by ReadFileBytes
  if (!std::filesystem::exists(path, ec) && !ec)
    return Result<std::vector<uint8_t>>::Error(Fill(tr("{0} not found in {1} (run scripts/fetch-cifar10)"), {name, dir}));
  return gradlab::ReadFileBytes(path);
}

// Reserves room for `count` more images so appending a subset does not reallocate as it grows.
void Reserve(Dataset& d, int count) {
  d.labels.reserve(d.labels.size() + count);
  d.pixels.reserve(d.pixels.size() + static_cast<size_t>(count) * kCifarImageBytes);
}

int Sum(const std::vector<int>& v) {
  int s = 0;
  for (int x : v) s += x;
  return s;
}

}  // namespace

Dataset EmptyCifarSet(const std::string& part, const std::vector<int>& classes) {
  Dataset d;
  d.sample_shape = {kCifarChannels, kCifarSide, kCifarSide};
  for (int c : classes) d.class_names.push_back(Cifar10ClassNames()[c]);
  d.name = "CIFAR-10 " + part;
  if (static_cast<int>(classes.size()) < kCifarClasses) d.name += " (" + JoinClassNames(d.class_names) + ")";
  return d;
}

std::vector<int> ResolvedClasses(const CifarSubset& subset) {
  std::vector<int> classes = subset.classes;
  if (classes.empty())
    for (int c = 0; c < kCifarClasses; ++c) classes.push_back(c);
  return classes;
}

std::vector<int> TrainQuota(const CifarSubset& subset) {
  const int k = static_cast<int>(ResolvedClasses(subset).size());
  return std::vector<int>(k, subset.train_per_class > 0 ? subset.train_per_class : kCifarTrainPerClass);
}

std::vector<int> TestQuota(const CifarSubset& subset) {
  const int k = static_cast<int>(ResolvedClasses(subset).size());
  std::vector<int> quota(k, kCifarTestPerClass);
  if (subset.test_count > 0)
    for (int i = 0; i < k; ++i) quota[i] = subset.test_count / k + (i < subset.test_count % k ? 1 : 0);
  return quota;
}

const std::vector<std::string>& Cifar10ClassNames() {
  static const std::vector<std::string> names = {"airplane", "automobile", "bird",  "cat",  "deer",
                                                 "dog",      "frog",       "horse", "ship", "truck"};
  return names;
}

Result<std::vector<int>> ParseClassList(const std::string& names) {
  using R = Result<std::vector<int>>;
  std::vector<int> out;
  size_t start = 0;
  while (start <= names.size()) {
    size_t comma = names.find(',', start);
    if (comma == std::string::npos) comma = names.size();
    std::string name = Lower(Trim(names.substr(start, comma - start)));
    start = comma + 1;
    if (name.empty()) {
      return R::Error(Fill(tr("empty class name in '{0}'; the classes are {1}"), {names, ValidClassNames()}));
    }
    int index = -1;
    for (int i = 0; i < kCifarClasses; ++i) {
      if (Cifar10ClassNames()[i] == name) index = i;
    }
    if (index < 0) {
      return R::Error(Fill(tr("unknown CIFAR-10 class '{0}'; the classes are {1}"), {name, ValidClassNames()}));
    }
    for (int c : out) {
      if (c == index) return R::Error(Fill(tr("class '{0}' is listed twice"), {name}));
    }
    out.push_back(index);
  }
  return out;
}

Result<CifarBatch> ParseCifarBatch(const std::string& file_name, const uint8_t* bytes, size_t size,
                                   int expected_records) {
  const size_t expected = static_cast<size_t>(expected_records) * kCifarRecordBytes;
  if (size != expected) {
    return Result<CifarBatch>::Error(
        Fill(tr("{0} is {1} bytes; a CIFAR-10 batch is {2} ({3} records of {4} bytes)"),
             {file_name, std::to_string(size), WithCommas(expected), WithCommas(expected_records), WithCommas(kCifarRecordBytes)}));
  }
  CifarBatch batch{bytes, expected_records};
  for (int i = 0; i < batch.records; ++i) {
    if (batch.label(i) >= kCifarClasses) {
      return Result<CifarBatch>::Error(Fill(tr("{0}: record {1} has label {2}; labels are 0-9"),
                                            {file_name, std::to_string(i), std::to_string(batch.label(i))}));
    }
  }
  return batch;
}

void AppendSubset(const CifarBatch& batch, const std::vector<int>& classes,
                  std::vector<int>& remaining, Dataset& out) {
  // position[label] = where that CIFAR-10 class sits in `classes`, or -1 if it is not wanted.
  int position[kCifarClasses];
  std::fill(position, position + kCifarClasses, -1);
  for (size_t k = 0; k < classes.size(); ++k) position[classes[k]] = static_cast<int>(k);

  for (int i = 0; i < batch.records; ++i) {
    int k = position[batch.label(i)];
    if (k < 0 || remaining[k] <= 0) continue;
    --remaining[k];
    out.labels.push_back(static_cast<uint8_t>(k));
    out.pixels.insert(out.pixels.end(), batch.image(i), batch.image(i) + kCifarImageBytes);
  }
}

void ComputeChannelStats(Dataset& d) {
  const int channels = d.sample_shape.empty() ? 0 : d.sample_shape[0];
  const size_t plane = channels > 0 ? d.sample_size() / channels : 0;
  // Exact integer sums (50,000 images x 1024 pixels x 255^2 fits easily in 64 bits).
  std::vector<uint64_t> sum(channels, 0), sum_sq(channels, 0);
  for (int i = 0; i < d.size(); ++i) {
    const uint8_t* image = d.pixels.data() + static_cast<size_t>(i) * d.sample_size();
    for (int c = 0; c < channels; ++c) {
      uint64_t s = 0, s2 = 0;
      for (size_t p = 0; p < plane; ++p) {
        uint64_t v = image[c * plane + p];
        s += v;
        s2 += v * v;
      }
      sum[c] += s;
      sum_sq[c] += s2;
    }
  }
  d.mean.assign(channels, 0.0f);
  d.std.assign(channels, 1.0f);
  const double n = static_cast<double>(d.size()) * static_cast<double>(plane);
  if (n == 0) return;
  for (int c = 0; c < channels; ++c) {
    double mean = static_cast<double>(sum[c]) / n;  // in byte units
    double var = static_cast<double>(sum_sq[c]) / n - mean * mean;
    double std = std::sqrt(var > 0 ? var : 0.0) / 255.0;
    d.mean[c] = static_cast<float>(mean / 255.0);
    d.std[c] = std > 0 ? static_cast<float>(std) : 1.0f;  // a constant channel: avoid dividing by 0
  }
}

Status CheckCifarSubset(const CifarSubset& subset) {
  for (size_t i = 0; i < subset.classes.size(); ++i) {
    int c = subset.classes[i];
    if (c < 0 || c >= kCifarClasses) {
      return Status::Error(Fill(tr("CIFAR-10 class index {0} is out of range; classes are 0-9 ({1})"), {std::to_string(c), ValidClassNames()}));
    }
    for (size_t j = 0; j < i; ++j) {
      if (subset.classes[j] == c) return Status::Error(Fill(tr("class '{0}' is listed twice"), {Cifar10ClassNames()[c]}));
    }
  }
  if (subset.train_per_class < 0 || subset.train_per_class > kCifarTrainPerClass) {
    return Status::Error(Fill(tr("training images per class must be 0 (all) to {0}, got {1}"),
                              {WithCommas(kCifarTrainPerClass), std::to_string(subset.train_per_class)}));
  }
  const int k = subset.classes.empty() ? kCifarClasses : static_cast<int>(subset.classes.size());
  const int max_test = k * kCifarTestPerClass;
  if (subset.test_count < 0 || subset.test_count > max_test) {
    return Status::Error(Fill(k == 1 ? tr("test images must be 0 (all) to {0} for {1} class, got {2}")
                                     : tr("test images must be 0 (all) to {0} for {1} classes, got {2}"),
                              {WithCommas(max_test), std::to_string(k), std::to_string(subset.test_count)}));
  }
  return Status();
}

Result<TrainTest> LoadCifar10(const std::string& dir, const CifarSubset& subset) {
  using R = Result<TrainTest>;
  if (Status s = CheckCifarSubset(subset); !s.ok()) return s;
  const std::vector<int> classes = ResolvedClasses(subset);
  const int k = static_cast<int>(classes.size());
  TrainTest out{EmptyCifarSet("train", classes), EmptyCifarSet("test", classes)};

  // Training images: batch files in order, stopping as soon as every class has its quota.
  const int per_class = subset.train_per_class > 0 ? subset.train_per_class : kCifarTrainPerClass;
  std::vector<int> remaining = TrainQuota(subset);
  Reserve(out.train, k * per_class);
  for (int b = 1; b <= kCifarTrainBatches && Sum(remaining) > 0; ++b) {
    const std::string name = "data_batch_" + std::to_string(b) + ".bin";
    Result<std::vector<uint8_t>> bytes = ReadBatchFile(dir, name);
    if (!bytes) return bytes.status();
    Result<CifarBatch> batch = ParseCifarBatch(name, bytes->data(), bytes->size());
    if (!batch) return batch.status();
    AppendSubset(*batch, classes, remaining, out.train);
  }
  for (int i = 0; i < k; ++i) {
    // Only a damaged copy of the data gets here: the official files hold 5,000 of each class.
    if (remaining[i] > 0) {
      return R::Error(Fill(tr("the training files in {0} hold only {1} images of class '{2}', {3} wanted"),
                           {dir, std::to_string(per_class - remaining[i]), out.train.class_names[i], std::to_string(per_class)}));
    }
  }

  // Test images: test_count spread evenly, the first classes taking the remainder.
  std::vector<int> test_quota = TestQuota(subset);
  const int test_total = Sum(test_quota);
  {
    const std::string name = "test_batch.bin";
    Result<std::vector<uint8_t>> bytes = ReadBatchFile(dir, name);
    if (!bytes) return bytes.status();
    Result<CifarBatch> batch = ParseCifarBatch(name, bytes->data(), bytes->size());
    if (!batch) return batch.status();
    Reserve(out.test, test_total);
    AppendSubset(*batch, classes, test_quota, out.test);
  }
  if (out.test.size() != test_total) {
    return R::Error(Fill(tr("test_batch.bin in {0} holds fewer test images of the chosen classes than the {1} wanted"),
                         {dir, std::to_string(test_total)}));
  }

  ComputeChannelStats(out.train);
  out.test.mean = out.train.mean;
  out.test.std = out.train.std;
  return out;
}

std::string FindCifar10Dir() {
  const char* env = std::getenv("GRADLAB_CIFAR10_DIR");
  if (env && *env) return env;
  return "data/cifar-10-batches-bin";
}

}  // namespace gradlab::data
