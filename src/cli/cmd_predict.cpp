// `gradlab-cli predict`: class probabilities and logits of a saved model for CIFAR-10 test
// images (by index in the model's test subset), an image file, or toy points.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "io/file_io.h"
#include "core/text.h"
#include "cli/data_options.h"
#include "data/batch.h"
#include "data/image_file.h"
#include "nn/loss.h"
#include "train/model_file.h"

namespace gradlab::cli {

namespace {

Result<std::vector<int>> ParseIndices(const std::string& text, int limit) {
  std::vector<int> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    char* end = nullptr;
    const long v = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || v < 0 || v >= limit)
      return Result<std::vector<int>>::Error("test image index '" + item + "' is not in 0.." + std::to_string(limit - 1));
    out.push_back(static_cast<int>(v));
  }
  if (out.empty()) return Result<std::vector<int>>::Error("--test-index needs indices, e.g. 0,1,2");
  return out;
}

}  // namespace

int RunPredict(const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = {
      {"model", "PATH", "a model saved by 'train --save'", ""},
      {"test-index", "LIST", "indices of test images (or points) of the model's data, e.g. 0,1,2", ""},
      {"image", "PATH", "an image file (PNG, JPEG, ...), resized to the model's input", ""},
  };
  for (const auto& s : DataOptionSpecs()) specs.push_back(s);
  specs.push_back({"json", "", "print one JSON object per input instead of text", ""});
  CommandLine cmd("predict", "--model PATH (--test-index LIST | --image PATH) [--json]",
                  "Prints each input's class probabilities and logits.",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  if (args.get("model").empty()) return cmd.UsageError("--model PATH is required");
  if (args.get("test-index").empty() == args.get("image").empty())
    return cmd.UsageError("give either --test-index LIST or --image PATH");

  auto saved = train::LoadModelFile(args.get("model"));
  if (!saved) return cmd.Failure(saved.error());
  // The inputs, as a small dataset normalised like the model's training data.
  data::Dataset inputs;
  std::vector<std::string> names;
  if (!args.get("image").empty()) {
    if (saved->model->input_shape() != Shape{3, 32, 32}) return cmd.UsageError("this model does not take 32x32 colour images");
    auto bytes = ReadFileBytes(args.get("image"), 64u << 20);
    if (!bytes) return cmd.Failure(bytes.error());
    auto image = data::DecodeImage(*bytes, args.get("image"));
    if (!image) return cmd.Failure(image.error());
    inputs.sample_shape = {3, 32, 32};
    inputs.pixels = image->chw;
    inputs.labels = {0};
    names.push_back(args.get("image"));
  } else {
    if (auto missing = DataMissingFor(args, saved->model->input_shape(), saved->dataset)) return cmd.UsageError(*missing);
    auto data = LoadDataFromArgs(args, saved->config.seed, saved->class_names);
    if (!data) return cmd.Problem(data.error());
    auto indices = ParseIndices(args.get("test-index"), data->test->size());
    if (!indices) return cmd.UsageError(indices.error());
    inputs.sample_shape = data->test->sample_shape;
    const size_t n = inputs.sample_size();
    for (int i : *indices) {
      if (data->test->is_image())
        inputs.pixels.insert(inputs.pixels.end(), data->test->pixels.begin() + i * n, data->test->pixels.begin() + (i + 1) * n);
      else
        inputs.features.insert(inputs.features.end(), data->test->features.begin() + i * n, data->test->features.begin() + (i + 1) * n);
      inputs.labels.push_back(data->test->labels[i]);
      names.push_back("test image " + std::to_string(i) + " (" + data->test->class_names[data->test->labels[i]] + ")");
    }
  }
  if (inputs.sample_shape != saved->model->input_shape())
    return cmd.UsageError("the model takes " + ShapeToString(saved->model->input_shape()) + " inputs, not " +
                       ShapeToString(inputs.sample_shape));
  inputs.class_names = saved->class_names;
  inputs.mean = saved->mean;
  inputs.std = saved->std;

  std::vector<int> all(inputs.size());
  for (int i = 0; i < inputs.size(); ++i) all[i] = i;
  Tensor x, probs;
  std::vector<int> labels;
  data::FillBatch(inputs, all.data(), inputs.size(), x, labels);
  const Tensor& logits = saved->model->Forward(x, nn::Mode::kEval);
  nn::Softmax(logits, probs);
  const int k = logits.dim(1);
  // Weights that overflow give NaN scores: no class can be named from them (and a NaN is no bar length).
  for (float v : probs.data)
    if (!std::isfinite(v))
      return cmd.Failure("the model's outputs are not numbers (NaN or infinite): its weights are too large or damaged");
  for (int i = 0; i < inputs.size(); ++i) {
    std::vector<float> l(logits.ptr() + i * k, logits.ptr() + (i + 1) * k), p(probs.ptr() + i * k, probs.ptr() + (i + 1) * k);
    const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    if (args.flag("json")) {
      std::cout << nlohmann::json{{"input", names[i]}, {"predicted", inputs.class_names[best]}, {"classes", inputs.class_names},
                                  {"probabilities", p}, {"logits", l}}.dump()
                << "\n";
      continue;
    }
    std::printf("%s: %s\n", names[i].c_str(), inputs.class_names[best].c_str());
    for (int c = 0; c < k; ++c)
      std::printf("  %-12s %6s  %-25s logit %8.3f\n", inputs.class_names[c].c_str(), FormatPercent(p[c], 1).c_str(),
                  std::string(static_cast<size_t>(p[c] * 25 + 0.5), '#').c_str(), l[c]);
  }
  return kExitOk;
}

}  // namespace gradlab::cli
