// `gradlab-cli eval`: scores a saved model on a data subset: accuracy, per-class accuracy and
// the confusion matrix.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/data_options.h"
#include "train/evaluate.h"
#include "train/model_file.h"

namespace gradlab::cli {

int RunEval(const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = {{"model", "PATH", "a model saved by 'train --save'", ""}};
  for (const auto& s : DataOptionSpecs()) specs.push_back(s);
  specs.push_back({"json", "", "print one JSON object instead of text", ""});
  specs.push_back({"help", "", "show this help", ""});
  Args args(specs, words);
  auto usage_error = [](const std::string& m) {
    std::cerr << "gradlab-cli eval: " << m << "\nTry 'gradlab-cli eval --help'.\n";
    return kExitUsage;
  };
  if (!args.ok()) return usage_error(args.error());
  if (args.flag("help")) {
    std::cout << "Usage: gradlab-cli eval --model PATH [data options] [--json]\n\n"
                 "Scores a saved model on the test images of its classes (or the toy data given).\n\nOptions:\n"
              << FormatOptions(specs);
    return kExitOk;
  }
  if (!args.positionals().empty()) return usage_error("unexpected argument '" + args.positionals()[0] + "'");
  if (args.get("model").empty()) return usage_error("--model PATH is required");

  auto saved = train::LoadModelFile(args.get("model"));
  if (!saved) {
    std::cerr << "gradlab-cli eval: " << saved.error() << "\n";
    return kExitFailure;
  }
  auto data = LoadDataFromArgs(args, saved->config.seed, saved->class_names);
  if (!data) {
    std::cerr << "gradlab-cli eval: " << data.error() << "\n";
    return kExitFailure;
  }
  data::Dataset& test = *data->test;
  if (test.class_names != saved->class_names) {
    std::cerr << "gradlab-cli eval: the model knows " << saved->class_names.size() << " classes but the data has "
              << test.class_names.size() << " (or in another order)\n";
    return kExitFailure;
  }
  if (test.sample_shape != saved->model->input_shape()) {
    std::cerr << "gradlab-cli eval: the model takes " << ShapeToString(saved->model->input_shape())
              << " inputs but the data is " << ShapeToString(test.sample_shape) << "\n";
    return kExitFailure;
  }
  // Normalise with the statistics the model was trained with, not the evaluation subset's.
  if (!saved->mean.empty()) {
    test.mean = saved->mean;
    test.std = saved->std;
  }
  const train::Evaluation e = train::Evaluate(*saved->model, test, saved->config.loss);
  const auto per_class = e.per_class_accuracy();
  if (args.flag("json")) {
    std::cout << nlohmann::json{{"images", e.count}, {"accuracy", e.accuracy()}, {"loss", e.mean_loss()},
                                {"classes", test.class_names}, {"per_class_accuracy", per_class},
                                {"confusion", e.confusion}}.dump()
              << "\n";
    return kExitOk;
  }
  std::printf("%s on %d test samples: accuracy %.1f%%, mean loss %.4f\n\n", args.get("model").c_str(), e.count,
              100 * e.accuracy(), e.mean_loss());
  std::printf("%-12s %8s   confusion (rows: true class, columns: predicted)\n", "class", "accuracy");
  for (size_t i = 0; i < per_class.size(); ++i) {
    std::printf("%-12s %7.1f%%  ", test.class_names[i].c_str(), 100 * per_class[i]);
    for (int v : e.confusion[i]) std::printf(" %5d", v);
    std::printf("\n");
  }
  return kExitOk;
}

}  // namespace gradlab::cli
