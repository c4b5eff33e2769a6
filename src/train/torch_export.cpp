#include "train/torch_export.h"

#include "core/npz.h"
#include "nn/batchnorm.h"

namespace gradlab::train {

std::vector<uint8_t> ExportTorchNpz(nn::Model& model, const std::vector<std::string>& class_names,
                                    const std::vector<float>& mean, const std::vector<float>& std) {
  NpzWriter npz;
  nlohmann::json modules = nlohmann::json::array();
  for (int i = 0; i < model.num_layers(); ++i) {
    nn::LayerT<float>& layer = model.layer(i);
    modules.push_back(layer.torch_module());
    const std::string prefix = std::to_string(i) + ".";
    for (nn::ParamT<float>* p : layer.params()) npz.AddFloat32(prefix + p->name, p->value.shape, p->value.ptr());
    for (auto& [name, buffer] : layer.buffers()) npz.AddFloat32(prefix + name, buffer->shape, buffer->ptr());
    if (auto* bn = dynamic_cast<nn::BatchNormT<float>*>(&layer))
      npz.AddInt64(prefix + "num_batches_tracked", bn->batches_tracked());
  }
  const nlohmann::json architecture = {
      {"format", "gradlab-torch-export"},
      {"version", 1},
      {"spec", model.spec()},
      {"input_shape", model.input_shape()},
      {"classes", class_names},
      {"modules", modules},
  };
  npz.AddBytes("architecture", architecture.dump());
  npz.AddFloat32("mean", {static_cast<int>(mean.size())}, mean.data());
  npz.AddFloat32("std", {static_cast<int>(std.size())}, std.data());
  return npz.Finish();
}

}  // namespace gradlab::train
