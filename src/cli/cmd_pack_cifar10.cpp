// `gradlab-cli pack-cifar10`: cuts the official CIFAR-10 batch files into the per-class chunks
// the app loads (see src/data/cifar10_chunks.h). The site build runs it.
#include <filesystem>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "data/cifar10_chunks.h"

namespace gradlab::cli {

int RunPackCifar10(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"cifar-dir", "DIR", "folder with the official .bin files (default: $GRADLAB_CIFAR10_DIR or data/cifar-10-batches-bin)", ""},
      {"out", "DIR", "where to write manifest.json and the chunks (created if missing)", ""},
  };
  CommandLine cmd("pack-cifar10", "--out DIR [--cifar-dir DIR]",
                  "Writes CIFAR-10 as per-class chunks of 500 images for the app to load.",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  if (args.get("out").empty()) return cmd.UsageError("--out DIR is required");
  std::error_code ec;
  std::filesystem::create_directories(args.get("out"), ec);
  if (ec) return cmd.Failure("cannot create " + args.get("out") + ": " + ec.message());
  const std::string dir = args.get("cifar-dir").empty() ? data::FindCifar10Dir() : args.get("cifar-dir");
  if (Status s = data::WriteCifarChunks(dir, args.get("out")); !s) return cmd.Failure(s.message());
  std::cout << "wrote CIFAR-10 chunks to " << args.get("out") << "\n";
  return kExitOk;
}

}  // namespace gradlab::cli
