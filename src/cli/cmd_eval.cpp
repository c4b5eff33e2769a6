// `gradlab-cli eval`: scores a saved model on a data subset: accuracy, per-class accuracy and
// the confusion matrix.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/data_options.h"
#include "train/evaluate.h"
#include "train/model_file.h"

namespace gradlab::cli {

int RunEval(const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = {{"model", "PATH", "a model saved by 'train --save'", ""}};
  for (const auto& s : DataOptionSpecs()) specs.push_back(s);
  specs.push_back({"json", "", "print one JSON object instead of text", ""});
  CommandLine cmd("eval", "--model PATH [data options] [--json]",
                  "Scores a saved model on the test images of its classes (or the toy data given).",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  if (args.get("model").empty()) return cmd.UsageError("--model PATH is required");

  auto saved = train::LoadModelFile(args.get("model"));
  if (!saved) return cmd.Failure(saved.error());
  if (auto missing = DataMissingFor(args, saved->model->input_shape(), saved->dataset)) return cmd.UsageError(*missing);
  auto data = LoadDataFromArgs(args, saved->config.seed, saved->class_names);
  if (!data) return cmd.Problem(data.error());
  data::Dataset& test = *data->test;
  if (test.class_names != saved->class_names)
    return cmd.Failure("the model knows " + std::to_string(saved->class_names.size()) + " classes but the data has " +
                       std::to_string(test.class_names.size()) + " (or in another order)");
  if (test.sample_shape != saved->model->input_shape())
    return cmd.Failure("the model takes " + ShapeToString(saved->model->input_shape()) + " inputs but the data is " +
                       ShapeToString(test.sample_shape));
  // Normalise with the statistics the model was trained with, not the evaluation subset's.
  if (!saved->mean.empty()) {
    test.mean = saved->mean;
    test.std = saved->std;
  }
  const train::Evaluation e = train::Evaluate(*saved->model, test, saved->config.loss);
  if (!std::isfinite(e.mean_loss()))
    return cmd.Failure("the model's loss on this data is not a number (NaN or infinite): its weights are too large or damaged");
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
