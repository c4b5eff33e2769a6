// The Train tab's files: save, load and export a model (a download/upload in the browser, a
// path on the desktop), and score an image of the student's own.
#include <cstdio>

#include "data/image_file.h"
#include "i18n/translate.h"
#include "settings/train_settings.h"
#include "train/model_file.h"
#include "train/torch_export.h"
#include "ui/services.h"
#include "ui/train_controller.h"
#include "ui/train_data_loader.h"
#include "ui/train_textures.h"

namespace gradlab::ui {

void LoadOwnImage(TrainUi& t) {
  services().OpenUserFile(".png,.jpg,.jpeg,.bmp,.gif", t.views.own_image_name, [&t](std::string name, Result<std::vector<uint8_t>> bytes) {
    t.views.own_image_name = name;
    t.views.own_image_probs.clear();
    if (!bytes) {
      t.views.own_image_message = bytes.error();
      return;
    }
    auto image = data::DecodeImage(*bytes, name);
    if (!image) {
      t.views.own_image_message = image.error();
      return;
    }
    if (!t.session || t.session->model().input_shape() != Shape{3, 32, 32}) {
      t.views.own_image_message = tr("Train a CIFAR-10 model first: it scores 32x32 colour images.");
      return;
    }
    data::Dataset one;  // one image, normalised like the training data
    one.sample_shape = {3, 32, 32};
    one.class_names = t.data.train->class_names;
    one.mean = t.data.train->mean;
    one.std = t.data.train->std;
    one.pixels = image->chw;
    one.labels = {0};
    t.views.own_image_probs = train::ClassProbabilities(t.session->model(), one, {0});
    const auto rgba = train::ImageFromChw(image->chw.data(), 32, 32);
    t.views.own_image.id = services().UploadTexture(t.views.own_image.id, rgba);
    t.views.own_image.width = t.views.own_image.height = 32;
    t.views.own_image_message = Fill(tr("{0} ({1}x{2}, shown at 32x32)"),
                                     {name, std::to_string(image->original_width), std::to_string(image->original_height)});
  });
}

void SaveModel(TrainUi& t, const std::string& path) {
  if (!t.session) return;
  const auto& d = t.session->train_data();
  auto bytes = train::SerializeModel(t.session->model(), d.class_names, d.mean, d.std, t.session->config(),
                                   data::DescribeData(d, t.session->test_data()));
  Status s = services().SaveUserFile(path, bytes);
  t.notice = s ? Fill(tr("Saved {0}."), {path}) : s.message();
}

void ExportModel(TrainUi& t, const std::string& path) {
  if (!t.session) return;
  const auto& d = t.session->train_data();
  Status s = services().SaveUserFile(path, train::ExportTorchNpz(t.session->model(), d.class_names, d.mean, d.std));
  t.notice = s ? Fill(tr("Exported {0} (see the README for loading it in PyTorch)."), {path}) : s.message();
}

void LoadModel(TrainUi& t, const std::string& path) {
  services().OpenUserFile(".gradlab", path, [&t](std::string name, Result<std::vector<uint8_t>> bytes) {
    if (!bytes) {
      t.notice = bytes.error();
      return;
    }
    auto saved = train::DeserializeModel(*bytes, name);
    if (!saved) {
      t.notice = saved.error();
      return;
    }
    // Its settings come back; its weights go into a new session when the data fits the model.
    settings::SetFromConfig(t.s, saved->config);
    RequestData(t);  // its data settings (a toy set's seed, say) may name other data
    UpdateTrainSettings(t);
    if (!t.data.train || t.data.train->class_names != saved->class_names ||
        t.data.train->sample_shape != saved->model->input_shape()) {
      t.notice = Fill(tr("{0} was trained on {1}: choose that data (the same classes), then load it again."), {name, saved->dataset});
      return;
    }
    StartTraining(t);
    if (!t.session) return;
    if (Status s = t.session->LoadWeights(*saved->model); !s) {
      t.notice = name + ": " + s.message();
      ResetTraining(t);
      return;
    }
    t.playing = false;
    HandToTrainer(t);  // the thread trains the loaded weights, not the ones it started with
    RefreshTextures(t, true);
    t.notice = Fill(tr("Loaded {0}: its weights are in the model. Press Resume to train it further."), {name});
  });
}

}  // namespace gradlab::ui
