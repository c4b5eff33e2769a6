// `gradlab-cli pack-cifar10`: cuts the official CIFAR-10 batch files into the per-class chunks
// the app loads (see src/data/cifar10_chunks.h). The site build runs it.
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "data/cifar10_chunks.h"

namespace gradlab::cli {

int RunPackCifar10(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"cifar-dir", "DIR", "folder with the official .bin files (default: $GRADLAB_CIFAR10_DIR or data/cifar-10-batches-bin)", ""},
      {"out", "DIR", "where to write manifest.json and the chunks (created if missing)", ""},
      {"help", "", "show this help", ""},
  };
  Args args(specs, words);
  auto usage_error = [](const std::string& m) {
    std::cerr << "gradlab-cli pack-cifar10: " << m << "\nTry 'gradlab-cli pack-cifar10 --help'.\n";
    return kExitUsage;
  };
  if (!args.ok()) return usage_error(args.error());
  if (args.flag("help")) {
    std::cout << "Usage: gradlab-cli pack-cifar10 --out DIR [--cifar-dir DIR]\n\n"
                 "Writes CIFAR-10 as per-class chunks of 500 images for the app to load.\n\nOptions:\n"
              << FormatOptions(specs);
    return kExitOk;
  }
  if (!args.positionals().empty()) return usage_error("unexpected argument '" + args.positionals()[0] + "'");
  if (args.get("out").empty()) return usage_error("--out DIR is required");
  std::error_code ec;
  std::filesystem::create_directories(args.get("out"), ec);
  if (ec) {
    std::cerr << "gradlab-cli pack-cifar10: cannot create " << args.get("out") << ": " << ec.message() << "\n";
    return kExitFailure;
  }
  const std::string dir = args.get("cifar-dir").empty() ? data::FindCifar10Dir() : args.get("cifar-dir");
  if (Status s = data::WriteCifarChunks(dir, args.get("out")); !s) {
    std::cerr << "gradlab-cli pack-cifar10: " << s.message() << "\n";
    return kExitFailure;
  }
  std::cout << "wrote CIFAR-10 chunks to " << args.get("out") << "\n";
  return kExitOk;
}

}  // namespace gradlab::cli
