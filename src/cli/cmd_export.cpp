// `gradlab-cli export`: a saved model as a NumPy .npz that PyTorch can load (see README).
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/file_io.h"
#include "train/model_file.h"
#include "train/torch_export.h"

namespace gradlab::cli {

int RunExport(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"model", "PATH", "a model saved by 'train --save'", ""},
      {"out", "PATH", "where to write the .npz", ""},
      {"help", "", "show this help", ""},
  };
  Args args(specs, words);
  auto usage_error = [](const std::string& m) {
    std::cerr << "gradlab-cli export: " << m << "\nTry 'gradlab-cli export --help'.\n";
    return kExitUsage;
  };
  if (!args.ok()) return usage_error(args.error());
  if (args.flag("help")) {
    std::cout << "Usage: gradlab-cli export --model PATH --out PATH.npz\n\n"
                 "Writes the weights named as in torch.nn.Sequential's state_dict, the architecture as JSON,\n"
                 "and the input mean and std. README.md shows the Python that loads it.\n\nOptions:\n"
              << FormatOptions(specs);
    return kExitOk;
  }
  if (!args.positionals().empty()) return usage_error("unexpected argument '" + args.positionals()[0] + "'");
  if (args.get("model").empty() || args.get("out").empty()) return usage_error("--model PATH and --out PATH are required");
  auto saved = train::LoadModelFile(args.get("model"));
  if (!saved) {
    std::cerr << "gradlab-cli export: " << saved.error() << "\n";
    return kExitFailure;
  }
  auto bytes = train::ExportTorchNpz(*saved->model, saved->class_names, saved->mean, saved->std);
  if (Status s = WriteFileBytes(args.get("out"), bytes); !s) {
    std::cerr << "gradlab-cli export: " << s.message() << "\n";
    return kExitFailure;
  }
  std::cout << "exported " << args.get("out") << "\n";
  return kExitOk;
}

}  // namespace gradlab::cli
