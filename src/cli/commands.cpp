#include "cli/commands.h"

namespace gradlab::cli {

int RunInfo(const std::vector<std::string>& args);
int RunTrain(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);
int RunPredict(const std::vector<std::string>& args);
int RunExport(const std::vector<std::string>& args);
int RunGraph(const std::vector<std::string>& args);
int RunPackCifar10(const std::vector<std::string>& args);
int RunBench(const std::vector<std::string>& args);
int RunSettings(const std::vector<std::string>& args);
int RunLesson(const std::vector<std::string>& args);

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {
      {"train", "train a model on CIFAR-10 or toy data; save or export it", RunTrain},
      {"eval", "score a saved model: accuracy, per-class accuracy, confusion matrix", RunEval},
      {"predict", "class probabilities of a saved model for test images or an image file", RunPredict},
      {"export", "export a saved model for PyTorch (.npz)", RunExport},
      {"pack-cifar10", "cut CIFAR-10 into the per-class chunks the app loads", RunPackCifar10},
      {"graph", "a computational graph step by step: values, gradients, gradient check", RunGraph},
      {"bench", "training and inference speed of a model, or GEMM speed (--gemm)", RunBench},
      {"info", "print what this build is (version, target, SIMD) as text or JSON", RunInfo},
      {"lesson", "check lesson files: every problem with its file, step and key (lesson check FILE...)", RunLesson},
      {"settings", "list the settings links, lessons and the app take (--markdown for the README's table)", RunSettings},
  };
  return commands;
}

}  // namespace gradlab::cli
