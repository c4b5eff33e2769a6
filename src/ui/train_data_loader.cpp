// The Train tab's data: made (toy points) or fetched (CIFAR-10, in per-class chunks: the
// manifest first, then only the chunks the subset needs) when the data settings change.
#include "ui/train_data_loader.h"

#include <algorithm>
#include <cstdio>

#include "data/cifar10.h"
#include "data/toy2d.h"
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
  t.train_data = std::make_shared<data::Dataset>(std::move(tt.train));
  t.test_data = std::make_shared<data::Dataset>(std::move(tt.test));
  t.data_state = TrainUi::DataState::kReady;
  t.data_message = t.train_data->name + ": " + std::to_string(t.train_data->size()) + " training, " +
                   std::to_string(t.test_data->size()) + " test";
  ClearTextures(t.gallery);
  ClearTextures(t.augment_preview);
  t.augment_preview_key.clear();
  ClearTextures(t.test_thumbs);
  t.plan_key.clear();
}

void FailData(TrainUi& t, const std::string& message) {
  t.data_state = TrainUi::DataState::kError;
  t.data_message = message;
  t.assembler.reset();
  t.start_requested = false;
}

// CIFAR-10 arrives as chunks: the manifest first, then only the chunks the subset needs.
void RequestCifar(TrainUi& t) {
  const uint64_t request = t.data_request;
  t.data_state = TrainUi::DataState::kLoading;
  t.data_message = "Loading the CIFAR-10 index...";
  t.fetches_pending = 1;
  services().FetchDataFile("data/cifar10/manifest.json", [&t, request](Result<std::vector<uint8_t>> bytes) {
    if (request != t.data_request) return;
    t.fetches_pending = 0;
    if (!bytes) {
      FailData(t, "CIFAR-10 is not available here (" + bytes.error() +
                      "). Run scripts/fetch-cifar10 and rebuild to add it; toy data works meanwhile.");
      return;
    }
    auto manifest = data::ParseChunkManifest(std::string(bytes->begin(), bytes->end()));
    if (!manifest) return FailData(t, manifest.error());
    if (!t.thumbnails_requested) {  // the class picker's pictures, once
      t.thumbnails_requested = true;
      services().FetchDataFile(std::string("data/cifar10/") + data::kThumbnailFile, [&t](Result<std::vector<uint8_t>> thumbs) {
        if (thumbs && data::ThumbnailImage(*thumbs, 0, 0)) t.thumbnail_bytes = std::move(*thumbs);
      });
    }
    t.assembler = std::make_unique<data::ChunkAssembler>(settings::ToCifarSubset(t.s), *manifest);
    if (!t.assembler->status()) return FailData(t, t.assembler->status().message());
    for (const std::string& file : t.assembler->needed()) {
      ++t.fetches_pending;
      services().FetchDataFile("data/cifar10/" + file, [&t, request, file](Result<std::vector<uint8_t>> chunk) {
        if (request != t.data_request || !t.assembler) return;
        --t.fetches_pending;
        if (!chunk) return FailData(t, chunk.error());
        if (Status s = t.assembler->Add(file, *chunk); !s) return FailData(t, s.message());
        char buf[96];
        std::snprintf(buf, sizeof buf, "Loading CIFAR-10: %d of %zu parts", t.assembler->received(), t.assembler->needed().size());
        t.data_message = buf;
        if (t.assembler->complete()) {
          auto tt = t.assembler->Finish();
          t.assembler.reset();
          if (!tt) return FailData(t, tt.error());
          SetData(t, std::move(*tt));
        }
      });
    }
  });
}

}  // namespace

void RequestData(TrainUi& t) {
  const std::string key = DataKey(t);
  if (key == t.data_key) return;
  t.data_key = key;
  ++t.data_request;
  t.assembler.reset();
  t.train_data.reset();
  t.test_data.reset();
  if (!t.s.cifar) {
    Status s = data::CheckToyParams(t.s.toy_classes, t.s.toy_points, t.s.toy_noise);
    if (!s) return FailData(t, s.message());
    SetData(t, data::MakeToyTrainTest(t.s.toy_kind, t.s.toy_classes, t.s.toy_points, std::max(1, t.s.toy_points / 2),
                                      t.s.toy_noise, t.s.seed));
    return;
  }
  const data::CifarSubset subset = settings::ToCifarSubset(t.s);
  if (Status s = data::CheckCifarSubset(subset); !s) return FailData(t, s.message());
  if (subset.classes.size() < 2) return FailData(t, "Pick at least two classes.");
  RequestCifar(t);
}

}  // namespace gradlab::ui
