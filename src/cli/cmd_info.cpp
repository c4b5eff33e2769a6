// `gradlab-cli info`: what this build is. Handy to check that native and WebAssembly
// builds under test are the ones expected.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/build_info.h"

namespace gradlab::cli {

int RunInfo(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"json", "", "print one JSON object instead of text", ""},
      {"help", "", "show this help", ""},
  };
  Args args(specs, words);
  if (!args.ok()) {
    std::cerr << "gradlab-cli info: " << args.error() << "\nTry 'gradlab-cli info --help'.\n";
    return kExitUsage;
  }
  if (args.flag("help")) {
    std::cout << "Usage: gradlab-cli info [--json]\n\nPrints what this build is.\n\nOptions:\n"
              << FormatOptions(specs);
    return kExitOk;
  }
  if (!args.positionals().empty()) {
    std::cerr << "gradlab-cli info: unexpected argument '" << args.positionals()[0] << "'\n";
    return kExitUsage;
  }
  const BuildInfo& b = GetBuildInfo();
  if (args.flag("json")) {
    nlohmann::json j = {{"version", b.version},       {"target", b.target},
                        {"simd", b.simd},             {"build_type", b.build_type},
                        {"compiler", b.compiler}};
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "version:    " << b.version << "\ntarget:     " << b.target
              << "\nsimd:       " << b.simd << "\nbuild type: " << b.build_type
              << "\ncompiler:   " << b.compiler << "\n";
  }
  return kExitOk;
}

}  // namespace gradlab::cli
