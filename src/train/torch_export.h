// Export for PyTorch: a NumPy .npz whose arrays are named and laid out like the state_dict of
// the equivalent torch.nn.Sequential (Linear weight [out, in], Conv2d weight [out, in, kh, kw],
// BatchNorm weight, bias, running_mean, running_var, num_batches_tracked), plus
//   "architecture": JSON {"modules": [{"type": "Conv2d", "in_channels": 3, ...}, ...], ...}
//   "mean", "std":  the per-channel input normalisation (empty for toy data)
// README.md shows the Python that rebuilds the model and gets the same logits.
#pragma once
#include <string>
#include <vector>

#include "nn/model.h"

namespace gradlab::train {

std::vector<uint8_t> ExportTorchNpz(nn::Model& model, const std::vector<std::string>& class_names,
                                    const std::vector<float>& mean, const std::vector<float>& std);

}  // namespace gradlab::train
