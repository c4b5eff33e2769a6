// gradlab-cli: the headless face of Gradlab (training runs, evaluation, graphs, scripted checks).
// Natively and as WebAssembly under Node.js, with the same results.
#include <cstring>
#include <exception>
#include <new>
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

int Dispatch(int argc, char** argv) {
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

}  // namespace

// The engine reports errors as values; whatever still throws (out of memory, a bug) ends here
// with one line and exit code 1, never as an abort with a core dump.
int main(int argc, char** argv) {
  try {
    return Dispatch(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "gradlab-cli: out of memory (the data or the model is too large for this machine)\n";
  } catch (const std::exception& e) {
    std::cerr << "gradlab-cli: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "gradlab-cli: internal error (an unknown exception)\n";
  }
  return gradlab::cli::kExitFailure;
}
