#include "cli/train_options.h"

#include <sstream>

#include "nn/model_spec.h"
#include "nn/optimizer.h"
#include "nn/schedule.h"

namespace gradlab::cli {

std::vector<OptionSpec> TrainOptionSpecs() {
  return {
      {"model", "SPEC", "model spec, e.g. linear, 'mlp:100 relu', 'conv16k5p2 relu pool2 fc' (see README)", "linear"},
      {"loss", "NAME", "softmax or svm", "softmax"},
      {"optimizer", "NAME", "sgd, momentum, nesterov, adagrad, rmsprop, adam", "sgd"},
      {"lr", "RATE", "learning rate (default: the optimizer's usual, 0.01 or 0.001 for adam/rmsprop)", ""},
      {"momentum", "MU", "momentum and Nesterov's mu", "0.9"},
      {"rho", "R", "RMSProp's decay", "0.9"},
      {"beta1", "B", "Adam's beta1", "0.9"},
      {"beta2", "B", "Adam's beta2", "0.999"},
      {"schedule", "SPEC", "constant, step:30,60,90[:gamma=0.1], cosine, linear, invsqrt", "constant"},
      {"warmup", "W", std::string(nn::kWarmupHelp) + " (steps with --schedule-per-step)", "0"},
      {"schedule-per-step", "", "count the schedule (and warm-up) in steps instead of epochs", ""},
      {"batch", "N", "mini-batch size; 0 = full batch", "32"},
      {"micro-batch", "N", "images per forward/backward chunk (0 = up to 256; the app uses 8)", "0"},
      {"epochs", "N", "passes over the training data", "10"},
      {"reg", "NAME", "regularization: none, l2, l1, elastic", "none"},
      {"lambda", "X", "regularization strength", "0"},
      {"beta", "X", "elastic net's weight on the squared term", "1"},
      {"dropout", "P", "add dropout with probability P to the hidden layers", "0"},
      {"augment", "SPEC", "training-time augmentation, e.g. hflip,crop:4 (see README)", ""},
      {"init", "NAME", "weight initialisation: he or xavier", "he"},
      {"seed", "N", "random seed (weights, shuffling, augmentation)", "1"},
      {"eval-limit", "N", "training images scored each epoch for train accuracy (0 = all)", "2000"},
  };
}

std::string AddDropoutToSpec(const std::string& spec, double p) {
  // The spec's own spelling ("dropout0.00001"): %g would write dropout1e-05, which is no word.
  nn::ParsedLayer layer{nn::LayerWord::kDropout};
  layer.value = p;
  const std::string word = nn::FormatLayerWord(layer);
  if (spec.rfind("mlp:", 0) == 0) return spec + " " + word;
  std::istringstream in(spec);
  std::string w, out;
  bool first = true;
  while (in >> w) {
    if (!first && w.rfind("fc", 0) == 0) out += word + " ";
    out += w + " ";
    first = false;
  }
  if (!out.empty()) out.pop_back();
  return out;
}

Result<train::TrainConfig> TrainConfigFromArgs(Args& args) {
  using R = Result<train::TrainConfig>;
  nlohmann::json j = {
      {"model", args.get("model")},
      {"loss", args.get("loss")},
      {"optimizer", args.get("optimizer")},
      {"momentum", args.get_double("momentum")},
      {"rho", args.get_double("rho")},
      {"beta1", args.get_double("beta1")},
      {"beta2", args.get_double("beta2")},
      {"schedule", args.get("schedule")},
      {"warmup", args.get_double("warmup")},
      {"schedule_per_step", args.flag("schedule-per-step")},
      {"batch_size", args.get_int("batch", 0, 100000)},
      {"micro_batch", args.get_int("micro-batch", 0, 100000)},
      {"epochs", args.get_int("epochs", 1, 100000)},
      {"reg", args.get("reg")},
      {"reg_lambda", args.get_double("lambda")},
      {"reg_beta", args.get_double("beta")},
      {"augment", args.get("augment")},
      {"init", args.get("init")},
      {"seed", args.get_int("seed", 0, 2147483647)},
      {"train_eval_limit", args.get_int("eval-limit", 0, 1000000)},
  };
  const double dropout = args.get_double("dropout");
  if (!args.ok()) return R::Error(args.error());
  auto opt = nn::ParseOptimizerKind(args.get("optimizer"));
  if (!opt) return R::Error(opt.error());
  j["lr"] = args.get("lr").empty() ? nn::DefaultLearningRate(*opt) : args.get_double("lr");
  if (!args.ok()) return R::Error(args.error());
  if (!(dropout >= 0 && dropout < 1)) return R::Error("--dropout must be in [0, 1)");
  if (dropout > 0) j["model"] = AddDropoutToSpec(args.get("model"), dropout);
  return train::ConfigFromJson(j);
}

}  // namespace gradlab::cli
