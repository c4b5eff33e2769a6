#include "cli/command_line.h"

#include <iostream>

#include "cli/commands.h"

namespace gradlab::cli {

namespace {
std::vector<OptionSpec> WithHelp(std::vector<OptionSpec> specs) {
  specs.push_back({"help", "", "show this help", ""});
  return specs;
}
}  // namespace

CommandLine::CommandLine(std::string name, std::string usage, std::string about, std::vector<OptionSpec> specs,
                         const std::vector<std::string>& words)
    : name_(std::move(name)), usage_(std::move(usage)), about_(std::move(about)), specs_(WithHelp(std::move(specs))),
      args_(specs_, words) {}

std::optional<int> CommandLine::Start(bool positionals) {
  if (!args_.ok()) return UsageError(args_.error());
  if (args_.flag("help")) {
    std::cout << "Usage: gradlab-cli " << name_ << " " << usage_ << "\n\n" << about_ << "\n\nOptions:\n"
              << FormatOptions(specs_);
    return kExitOk;
  }
  if (!positionals && !args_.positionals().empty()) return UsageError("unexpected argument '" + args_.positionals()[0] + "'");
  return std::nullopt;
}

int CommandLine::UsageError(const std::string& problem) const {
  std::cerr << "gradlab-cli " << name_ << ": " << problem << "\nTry 'gradlab-cli " << name_ << " --help'.\n";
  return kExitUsage;
}

int CommandLine::Failure(const std::string& problem) const {
  std::cerr << "gradlab-cli " << name_ << ": " << problem << "\n";
  return kExitFailure;
}

}  // namespace gradlab::cli
