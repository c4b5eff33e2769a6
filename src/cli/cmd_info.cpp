// `gradlab-cli info`: what this build is. Handy to check that native and WebAssembly
// builds under test are the ones expected.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "core/build_info.h"
#include "nn/model_budget.h"

namespace gradlab::cli {

int RunInfo(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"json", "", "print one JSON object instead of text", ""},
  };
  CommandLine cmd("info", "[--json]",
                  "Prints what this build is.",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  const BuildInfo& b = GetBuildInfo();
  if (args.flag("json")) {
    nlohmann::json j = {{"version", b.version},       {"target", b.target},
                        {"simd", b.simd},             {"build_type", b.build_type},
                        {"compiler", b.compiler},     {"memory_limit_bytes", b.memory_limit_bytes},
                        {"model_budget_bytes", nn::kModelBudgetBytes}};
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "version:    " << b.version << "\ntarget:     " << b.target
              << "\nsimd:       " << b.simd << "\nbuild type: " << b.build_type
              << "\ncompiler:   " << b.compiler << "\nmemory:     " << nn::MemorySummary() << "\n";
  }
  return kExitOk;
}

}  // namespace gradlab::cli
