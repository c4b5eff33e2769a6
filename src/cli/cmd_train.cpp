// `gradlab-cli train`: trains a model on a CIFAR-10 subset or toy data, printing per-epoch
// metrics (or one JSON object per line with --json), and saves or exports the result.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "io/file_io.h"
#include "cli/data_options.h"
#include "cli/train_options.h"
#include "core/npz.h"
#include "train/model_file.h"
#include "kernels/parallel.h"
#include "train/session.h"
#include "train/torch_export.h"

namespace gradlab::cli {

namespace {

std::vector<OptionSpec> Specs() {
  std::vector<OptionSpec> specs = DataOptionSpecs();
  for (const auto& s : TrainOptionSpecs()) specs.push_back(s);
  specs.push_back({"save", "PATH", "save the trained model (spec, weights, settings) here", ""});
  specs.push_back({"export", "PATH", "export for PyTorch as a NumPy .npz file here", ""});
  specs.push_back({"max-steps", "N", "stop after N steps (0 = train all epochs)", "0"});
  specs.push_back({"threads", "N", "threads that train, 1 to 8: the same losses whatever the number", "1"});
  specs.push_back({"log-steps", "", "print every step's loss (with --json: one object per step)", ""});
  specs.push_back({"json", "", "print one JSON object per line instead of text", ""});
  return specs;
}

void PrintProgress(const train::Session& s) {
  const int width = 30;
  const double p = s.epoch_progress();
  const int filled = static_cast<int>(p * width);
  std::fprintf(stderr, "\r  epoch %d/%d [%s%s] %3.0f%%  loss %.4f  %.0f img/s ", s.epoch() + 1, s.config().epochs,
               std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), p * 100,
               s.history().step_loss.empty() ? 0.0 : s.history().step_loss.back(), s.images_per_second());
  std::fflush(stderr);
}

}  // namespace

int RunTrain(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = Specs();
  CommandLine cmd("train", "[options]",
                  "Trains a model and reports loss, train and test accuracy per epoch.\n"
                  "Example: gradlab-cli train --classes cat,dog,ship --model 'mlp:100 relu' --epochs 5",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  auto cfg = TrainConfigFromArgs(args);
  if (!cfg) return cmd.UsageError(cfg.error());
  const long max_steps = args.get_int("max-steps", 0, 1000000000L);
  const int threads = static_cast<int>(args.get_int("threads", 1, 8));
  if (threads > 1 && !kernels::ThreadsAvailable()) return cmd.UsageError("--threads: this build has no threads (use 1)");
  if (!args.ok()) return cmd.UsageError(args.error());
  const bool json = args.flag("json"), log_steps = args.flag("log-steps");

  auto data = LoadDataFromArgs(args, cfg->seed);
  if (!data) return cmd.Problem(data.error());
  auto created = train::Session::Create(*cfg, data->train, data->test);
  if (!created) return cmd.UsageError(created.error());
  train::Session& session = **created;
  nn::Model& model = session.model();
  kernels::ThreadPool pool(threads);  // conv layers split their images over it (kernels/parallel.h)
  kernels::UsePool use_pool(&pool);

  if (json) {
    nlohmann::json layers = nlohmann::json::array();
    for (const auto& l : model.Describe())
      layers.push_back({{"spec", l.spec}, {"kind", l.kind}, {"output", l.output}, {"parameters", l.parameters}});
    std::cout << nlohmann::json{{"event", "start"}, {"data", data->description}, {"model", model.CanonicalSpec()},
                                {"parameters", model.ParameterCount()}, {"layers", layers},
                                {"config", train::ConfigToJson(*cfg)}}.dump()
              << std::endl;
  } else {
    std::cout << "data:   " << data->description << "\nmodel:  " << model.CanonicalSpec() << "  ("
              << model.ParameterCount() << " parameters)\n";
    for (const auto& l : model.Describe())
      std::cout << "          " << l.spec << std::string(l.spec.size() < 14 ? 14 - l.spec.size() : 1, ' ')
                << ShapeToString(l.output) << "  " << l.parameters << " params\n";
  }

  const bool tty = !json && isatty(2);
  size_t printed_epochs = 0, printed_steps = 0;
  while (session.running() && (max_steps == 0 || session.steps() < max_steps)) {
    if (max_steps > 0 || log_steps) session.StepBatches(1);
    else session.Step(0.25);
    const auto& h = session.history();
    if (log_steps)
      for (; printed_steps < h.step_loss.size(); ++printed_steps) {
        if (json)
          std::cout << nlohmann::json{{"event", "step"}, {"step", printed_steps + 1}, {"loss", h.step_loss[printed_steps]},
                                      {"lr", h.step_lr[printed_steps]}}.dump()
                    << "\n";
        else
          std::printf("step %zu  loss %.6f\n", printed_steps + 1, h.step_loss[printed_steps]);
      }
    for (; printed_epochs < h.epochs.size(); ++printed_epochs) {
      const train::EpochRecord& e = h.epochs[printed_epochs];
      if (tty) std::fprintf(stderr, "\r%80s\r", "");
      if (json)
        std::cout << nlohmann::json{{"event", "epoch"}, {"epoch", e.epoch}, {"loss", e.train_loss},
                                    {"train_accuracy", e.train_accuracy}, {"test_accuracy", e.test_accuracy},
                                    {"test_loss", e.test_loss}, {"lr", e.learning_rate},
                                    {"images_per_second", e.images_per_second}}.dump()
                  << std::endl;
      else
        std::printf("epoch %3d  loss %.4f  train acc %5.1f%%  test acc %5.1f%%  lr %.3g  %.0f img/s\n", e.epoch,
                    e.train_loss, 100 * e.train_accuracy, 100 * e.test_accuracy, e.learning_rate, e.images_per_second);
      std::fflush(stdout);
    }
    if (tty && session.phase() == train::Phase::kTraining) PrintProgress(session);
  }
  if (tty) std::fprintf(stderr, "\r%80s\r", "");

  const bool diverged = session.phase() == train::Phase::kDiverged;
  const auto& h = session.history();
  if (json) {
    nlohmann::json done = {{"event", diverged ? "diverged" : "done"}, {"steps", session.steps()},
                           {"epochs", session.epoch()}, {"final_loss", h.step_loss.empty() ? 0.0 : h.step_loss.back()}};
    if (!h.epochs.empty()) done["test_accuracy"] = h.epochs.back().test_accuracy;
    if (diverged) done["message"] = train::DivergenceMessage(session.divergence());
    std::cout << done.dump() << std::endl;
  } else if (diverged) {
    std::cerr << train::DivergenceMessage(session.divergence()) << "\n";
  } else {
    std::printf("done: %ld steps", session.steps());
    if (!h.epochs.empty()) std::printf(", test accuracy %.1f%%", 100 * h.epochs.back().test_accuracy);
    std::printf("\n");
  }

  // Save and export even after divergence: the weights are the last good ones.
  const auto& train_data = session.train_data();
  if (!args.get("save").empty()) {
    auto bytes = train::SerializeModel(model, train_data.class_names, train_data.mean, train_data.std, *cfg, data->description);
    if (Status s = WriteFileBytes(args.get("save"), bytes); !s) return cmd.Failure(s.message());
    if (!json) std::printf("saved %s\n", args.get("save").c_str());
  }
  if (!args.get("export").empty()) {
    auto bytes = train::ExportTorchNpz(model, train_data.class_names, train_data.mean, train_data.std);
    if (Status s = WriteFileBytes(args.get("export"), bytes); !s) return cmd.Failure(s.message());
    if (!json) std::printf("exported %s\n", args.get("export").c_str());
  }
  return diverged ? kExitFailure : kExitOk;
}

}  // namespace gradlab::cli
