// Saving and loading a trained model: its spec, weights, batch-norm statistics, the input
// normalisation, class names and the training settings, in one versioned file:
//   "GRADLABM" | u32 format version | u32 header length | header (JSON) | float32 data (LE) | u32 CRC-32
// The header lists every tensor with its name and shape; loading rebuilds the model from the
// spec and checks each tensor against it, so a damaged or foreign file fails with a message.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nn/model.h"
#include "train/config.h"

namespace gradlab::train {

// 2: a CRC-32 of everything before it ends the file, and the header has every key (no defaults).
constexpr uint32_t kModelFormatVersion = 2;

struct SavedModel {
  std::unique_ptr<nn::Model> model;
  std::vector<std::string> class_names;
  std::vector<float> mean, std;  // per input channel (images); empty for toy data
  TrainConfig config;
  std::string dataset;           // what it was trained on, for people
};

std::vector<uint8_t> SerializeModel(nn::Model& model, const std::vector<std::string>& class_names,
                                    const std::vector<float>& mean, const std::vector<float>& std,
                                    const TrainConfig& config, const std::string& dataset);
// `name` is used in messages ("model.gradlab is not a Gradlab model file ...").
// The messages speak the student's language (tr()), so call it where tr() may be called: the UI's
// thread or the CLI's (i18n/translate.h), not a worker.
Result<SavedModel> DeserializeModel(const std::vector<uint8_t>& bytes, const std::string& name);

Result<SavedModel> LoadModelFile(const std::string& path);

}  // namespace gradlab::train
