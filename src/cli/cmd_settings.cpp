// `gradlab-cli settings`: the settings registry, the one table links, lesson files, the page hook
// and the desktop app's --set read. --markdown prints the README's table; --json the rows.
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "settings/registry.h"

namespace gradlab::cli {

int RunSettings(const std::vector<std::string>& words) {
  const std::vector<OptionSpec> specs = {
      {"markdown", "", "print the table as Markdown (the README's link-settings table)", ""},
      {"json", "", "print one JSON object per setting", ""},
  };
  CommandLine cmd("settings", "[--markdown | --json]",
                  "Lists every setting a link, a lesson step or the app's --set takes: key, type, values, default, help.",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  if (args.flag("json")) {
    for (const settings::Entry& e : settings::Registry())
      std::cout << nlohmann::json{{"key", e.key},         {"aliases", e.aliases},
                                  {"tab", settings::GroupName(e.group)}, {"type", e.type},
                                  {"values", e.allowed},  {"default", settings::DefaultValue(e)},
                                  {"help", e.help}}.dump()
                << "\n";
  } else {
    std::cout << (args.flag("markdown") ? settings::RegistryMarkdown() : settings::RegistryText());
  }
  return kExitOk;
}

}  // namespace gradlab::cli
