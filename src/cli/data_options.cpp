#include "cli/data_options.h"

#include "data/cifar10.h"
#include "data/toy2d.h"

namespace gradlab::cli {

std::vector<OptionSpec> DataOptionSpecs() {
  return {
      {"data", "NAME", "cifar10, or toy:KIND with KIND spiral, circles, xor, blobs, linear", "cifar10"},
      {"cifar-dir", "DIR", "folder with the CIFAR-10 .bin files (default: $GRADLAB_CIFAR10_DIR or data/cifar-10-batches-bin)", ""},
      {"classes", "LIST", "CIFAR-10 classes, e.g. cat,dog,ship (default: all ten)", ""},
      {"train-per-class", "N", "CIFAR-10 training images per class (0 = all 5,000)", "500"},
      {"test", "N", "CIFAR-10 test images in total (0 = all)", "1000"},
      {"toy-classes", "K", "toy data: number of classes", "3"},
      {"toy-points", "N", "toy data: training points per class", "200"},
      {"toy-noise", "X", "toy data: noise level", "0.1"},
  };
}

namespace {

// A bad option value: recorded in args, so the command exits with the usage code (2).
Status Refuse(Args& args, const std::string& problem) {
  args.Fail(problem);
  return Status::Error(problem);
}

}  // namespace

std::optional<std::string> DataMissingFor(const Args& args, const Shape& model_input, const std::string& dataset) {
  if (args.has("data") || model_input == Shape{3, 32, 32}) return std::nullopt;
  return "this model was trained on " + (dataset.empty() ? "data that is not CIFAR-10" : dataset) + " and takes " +
         ShapeToString(model_input) + " inputs; give its data with --data (e.g. --data toy:spiral --toy-classes N)";
}

Result<LoadedData> LoadDataFromArgs(Args& args, uint64_t seed, const std::vector<std::string>& class_names) {
  using R = Result<LoadedData>;
  const std::string name = args.get("data");
  LoadedData out;
  if (name == "cifar10") {
    data::CifarSubset subset;
    std::string classes = args.get("classes");
    if (classes.empty() && !class_names.empty())
      for (const auto& c : class_names) classes += (classes.empty() ? "" : ",") + c;
    if (!classes.empty()) {
      auto parsed = data::ParseClassList(classes);
      if (!parsed) return Refuse(args, parsed.error());
      subset.classes = *parsed;
    }
    subset.train_per_class = static_cast<int>(args.get_int("train-per-class", 0, 5000));
    subset.test_count = static_cast<int>(args.get_int("test", 0, 10000));
    if (!args.ok()) return R::Error(args.error());
    if (Status s = data::CheckCifarSubset(subset); !s) return Refuse(args, s.message());
    const std::string dir = args.get("cifar-dir").empty() ? data::FindCifar10Dir() : args.get("cifar-dir");
    auto loaded = data::LoadCifar10(dir, subset);
    if (!loaded) return R::Error(loaded.error());
    out.train = std::make_shared<data::Dataset>(std::move(loaded->train));
    out.test = std::make_shared<data::Dataset>(std::move(loaded->test));
  } else if (name.rfind("toy:", 0) == 0) {
    auto kind = data::ParseToyKind(name.substr(4));
    if (!kind) return Refuse(args, kind.error());
    const int classes = static_cast<int>(args.get_int("toy-classes", 2, 10));
    const int points = static_cast<int>(args.get_int("toy-points", 1, 100000));
    const double noise = args.get_double("toy-noise");
    if (!args.ok()) return R::Error(args.error());
    if (Status s = data::CheckToyParams(classes, points, noise); !s) return Refuse(args, s.message());
    auto tt = data::MakeToyTrainTest(*kind, classes, points, std::max(1, points / 2), noise, seed);
    out.train = std::make_shared<data::Dataset>(std::move(tt.train));
    out.test = std::make_shared<data::Dataset>(std::move(tt.test));
  } else {
    return Refuse(args, "unknown data '" + name + "'; use cifar10 or toy:spiral, toy:circles, toy:xor, toy:blobs, toy:linear");
  }
  out.description = data::DescribeData(*out.train, *out.test);
  return out;
}

}  // namespace gradlab::cli
