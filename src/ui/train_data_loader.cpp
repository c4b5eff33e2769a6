// The Train tab's data: made (toy points) or fetched (CIFAR-10, in per-class chunks: the
// manifest first, then only the chunks the subset needs) when the data settings change.
#include "ui/train_data_loader.h"

#include <algorithm>
#include <cstdio>
#include <functional>

#include "data/cifar10.h"
#include "data/toy2d.h"
#include "i18n/translate.h"
#include "settings/train_settings.h"
#include "ui/services.h"
#include "ui/train_textures.h"

namespace gradlab::ui {

namespace {

std::string DataKey(const TrainUi& t) {
  char buf[160];
  if (!t.s.cifar) {
    std::snprintf(buf, sizeof buf, "toy:%d:%d:%d:%g:%llu", static_cast<int>(t.s.toy_kind), t.s.toy_classes, t.s.toy_points,
                  t.s.toy_noise, static_cast<unsigned long long>(t.s.seed));
    return buf;
  }
  std::string key = "cifar:";
  for (int c = 0; c < 10; ++c) key += t.s.classes[c] ? '1' : '0';
  return key + ":" + std::to_string(t.s.train_per_class) + ":" + std::to_string(t.s.test);
}


void SetData(TrainUi& t, data::TrainTest tt) {
  t.data.train = std::make_shared<data::Dataset>(std::move(tt.train));
  t.data.test = std::make_shared<data::Dataset>(std::move(tt.test));
  t.data.state = TrainData::State::kReady;
  t.data.message = DataSummary(t.data);
  ClearTextures(t.views.gallery);
  ClearTextures(t.views.augment_preview);
  t.views.augment_preview_key.clear();
  ClearTextures(t.views.test_thumbs);
  t.plan_key.clear();
}

void FailData(TrainUi& t, const std::string& message) {
  t.data.state = TrainData::State::kError;
  t.data.message = message;
  t.data.error_language = i18n::LanguageGeneration();
  t.data.assembler.reset();
  t.start_requested = false;
}

// A CIFAR-10 file from the cache, or fetched (and then kept); `done` runs once it is there.
void FetchCifarFile(TrainUi& t, const std::string& name, std::function<void(Result<std::vector<uint8_t>>)> done) {
  if (auto kept = t.data.fetched.Get(name)) return done(*kept);
  ++t.data.files_fetched;
  services().FetchDataFile("data/cifar10/" + name, [&t, name, done](Result<std::vector<uint8_t>> bytes) {
    if (bytes) t.data.fetched.Put(name, *bytes);
    done(std::move(bytes));
  });
}

// CIFAR-10 arrives as chunks: the manifest first, then only the chunks the subset needs.
void RequestCifar(TrainUi& t) {
  const uint64_t request = t.data.request;
  t.data.state = TrainData::State::kLoading;
  t.data.message = tr("Loading the CIFAR-10 index...");
  t.data.fetches_pending = 1;
  FetchCifarFile(t, "manifest.json", [&t, request](Result<std::vector<uint8_t>> bytes) {
    if (request != t.data.request) return;
    t.data.fetches_pending = 0;
    if (!bytes) {
      FailData(t, Fill(tr("CIFAR-10 is not available here ({0}). Run scripts/fetch-cifar10 and rebuild to add it; toy data works meanwhile."),
                       {bytes.error()}));
      return;
    }
    auto manifest = data::ParseChunkManifest(std::string(bytes->begin(), bytes->end()));
    if (!manifest) {
      t.data.fetched.Drop("manifest.json");  // damaged on the way: fetched again next time
      return FailData(t, manifest.error());
    }
    if (!t.data.thumbnails_requested) {  // the class picker's pictures, once
      t.data.thumbnails_requested = true;
      services().FetchDataFile(std::string("data/cifar10/") + data::kThumbnailFile, [&t](Result<std::vector<uint8_t>> thumbs) {
        if (thumbs && data::ThumbnailImage(*thumbs, 0, 0)) t.data.thumbnail_bytes = std::move(*thumbs);
      });
    }
    t.data.assembler = std::make_unique<data::ChunkAssembler>(settings::ToCifarSubset(t.s), *manifest);
    if (!t.data.assembler->status()) return FailData(t, t.data.assembler->status().message());
    const std::vector<std::string> needed = t.data.assembler->needed();
    for (const std::string& file : needed) {
      ++t.data.fetches_pending;
      FetchCifarFile(t, file, [&t, request, file](Result<std::vector<uint8_t>> chunk) {
        if (request != t.data.request || !t.data.assembler) return;
        --t.data.fetches_pending;
        if (!chunk) return FailData(t, chunk.error());
        if (Status s = t.data.assembler->Add(file, *chunk); !s) {
          t.data.fetched.Drop(file);
          return FailData(t, s.message());
        }
        char buf[96];
        std::snprintf(buf, sizeof buf, tr("Loading CIFAR-10: %d of %zu parts"), t.data.assembler->received(), t.data.assembler->needed().size());
        t.data.message = buf;
        if (t.data.assembler->complete()) {
          auto tt = t.data.assembler->Finish();
          if (!tt) {  // which file is wrong is not known here: all of them are fetched again
            for (const std::string& name : t.data.assembler->needed()) t.data.fetched.Drop(name);
            return FailData(t, tt.error());
          }
          t.data.assembler.reset();
          SetData(t, std::move(*tt));
        }
      });
    }
  });
}

}  // namespace

std::string DataSummary(const TrainData& d) {
  if (!d.train || !d.test) return "";
  // Not the set's name ("CIFAR-10 train (cat, dog)"): the choices just above say it, and in English.
  const std::string train = std::to_string(d.train->size()), test = std::to_string(d.test->size());
  return d.train->is_image() ? Fill(tr("{0} training images, {1} test images"), {train, test})
                             : Fill(tr("{0} training points, {1} test points"), {train, test});
}

void RequestData(TrainUi& t) {
  const std::string key = DataKey(t);
  // A failure is asked for again after a change of language, so that its message is in the new
  // one (and a file that failed to arrive gets another chance).
  const bool error_in_old_language = t.data.state == TrainData::State::kError && t.data.error_language != i18n::LanguageGeneration();
  if (key == t.data.key && !error_in_old_language) return;
  t.data.key = key;
  ++t.data.request;
  t.data.assembler.reset();
  t.data.train.reset();
  t.data.test.reset();
  if (!t.s.cifar) {
    Status s = data::CheckToyParams(t.s.toy_classes, t.s.toy_points, t.s.toy_noise);
    if (!s) return FailData(t, s.message());
    SetData(t, data::MakeToyTrainTest(t.s.toy_kind, t.s.toy_classes, t.s.toy_points, std::max(1, t.s.toy_points / 2),
                                      t.s.toy_noise, t.s.seed));
    return;
  }
  const data::CifarSubset subset = settings::ToCifarSubset(t.s);
  if (Status s = data::CheckCifarSubset(subset); !s) return FailData(t, s.message());
  if (subset.classes.size() < 2) return FailData(t, tr("Pick at least two classes."));
  RequestCifar(t);
}

}  // namespace gradlab::ui
