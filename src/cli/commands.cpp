#include "cli/commands.h"

namespace gradlab::cli {

int RunInfo(const std::vector<std::string>& args);

const std::vector<Command>& AllCommands() {
  static const std::vector<Command> commands = {
      {"info", "print what this build is (version, target, SIMD) as text or JSON", RunInfo},
  };
  return commands;
}

}  // namespace gradlab::cli
