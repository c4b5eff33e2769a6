// `gradlab-cli export`: a saved model as a NumPy .npz that PyTorch can load (see README).
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "io/file_io.h"
#include "train/model_file.h"
#include "train/torch_export.h"

namespace gradlab::cli {

int RunExport(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"model", "PATH", "a model saved by 'train --save'", ""},
      {"out", "PATH", "where to write the .npz", ""},
  };
  CommandLine cmd("export", "--model PATH --out PATH.npz",
                  "Writes the weights named as in torch.nn.Sequential's state_dict, the architecture as JSON,\n"
                  "and the input mean and std. README.md shows the Python that loads it.",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  if (args.get("model").empty() || args.get("out").empty()) return cmd.UsageError("--model PATH and --out PATH are required");
  auto saved = train::LoadModelFile(args.get("model"));
  if (!saved) return cmd.Failure(saved.error());
  auto bytes = train::ExportTorchNpz(*saved->model, saved->class_names, saved->mean, saved->std);
  if (Status s = WriteFileBytes(args.get("out"), bytes); !s) return cmd.Failure(s.message());
  std::cout << "exported " << args.get("out") << "\n";
  return kExitOk;
}

}  // namespace gradlab::cli
