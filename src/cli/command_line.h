// What every gradlab-cli command does around its own work: parse the declared options (plus
// --help), print the help, refuse stray arguments, and word its messages the same way:
//   gradlab-cli NAME: <problem>                                  (failure: exit 1)
//   gradlab-cli NAME: <problem>\nTry 'gradlab-cli NAME --help'.  (usage: exit 2)
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/args.h"

namespace gradlab::cli {

class CommandLine {
 public:
  // `usage` follows "Usage: gradlab-cli NAME "; `about` is the help's description.
  CommandLine(std::string name, std::string usage, std::string about, std::vector<OptionSpec> specs,
              const std::vector<std::string>& words);

  // Set when the command should return at once: 0 after printing --help, 2 after a usage
  // error (an unknown option, a malformed value, an unexpected argument). A command that takes
  // words besides its options (file names) allows them with `positionals` and reads args().positionals().
  std::optional<int> Start(bool positionals = false);

  Args& args() { return args_; }
  int UsageError(const std::string& problem) const;  // prints and returns kExitUsage
  int Failure(const std::string& problem) const;     // prints and returns kExitFailure
  // A usage error when the options recorded one (Args::Fail, a malformed value), else a failure.
  int Problem(const std::string& problem) const { return args_.ok() ? Failure(problem) : UsageError(problem); }

 private:
  std::string name_, usage_, about_;
  std::vector<OptionSpec> specs_;
  Args args_;
};

}  // namespace gradlab::cli
