// gradlab-cli: the headless face of Gradlab (training runs, evaluation, graphs, scripted checks).
// Natively and as WebAssembly under Node.js, with the same results.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/build_info.h"

namespace {

void PrintUsage(std::ostream& out) {
  out << "Usage: gradlab-cli <command> [options]\n"
         "       gradlab-cli --help | --version\n\n"
         "Commands:\n";
  for (const auto& c : gradlab::cli::AllCommands()) {
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << c.summary
        << "\n";
  }
  out << "\nRun 'gradlab-cli <command> --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gradlab::cli;
  if (argc < 2) {
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    PrintUsage(std::cout);
    return kExitOk;
  }
  if (first == "--version") {
    std::cout << gradlab::BuildSummary() << "\n";
    return kExitOk;
  }
  std::vector<std::string> rest(argv + 2, argv + argc);
  for (const auto& c : AllCommands())
    if (first == c.name) return c.run(rest);

  if (!first.empty() && first[0] == '-')
    std::cerr << "gradlab-cli: unknown option '" << first << "'\n";
  else
    std::cerr << "gradlab-cli: unknown command '" << first << "'\n";
  std::cerr << "Run 'gradlab-cli --help' for the list of commands.\n";
  return kExitUsage;
}
