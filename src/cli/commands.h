// The table of gradlab-cli commands. Each command lives in its own cmd_*.cpp file and
// registers itself here; main.cpp only dispatches.
#pragma once
#include <string>
#include <vector>

namespace gradlab::cli {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the command ran and failed (bad data, diverged, ...)
constexpr int kExitUsage = 2;    // the command line itself was wrong

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);  // args after the command name
};

const std::vector<Command>& AllCommands();

}  // namespace gradlab::cli
