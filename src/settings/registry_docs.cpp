// The registry for people: a Markdown table for the README and plain text for
// `gradlab-cli settings`. Both are made from the table, so the docs cannot drift from the code.
#include "settings/registry.h"

namespace gradlab::settings {

namespace {

std::string Aliases(const Entry& e) {
  std::string out;
  for (const auto& a : e.aliases) out += (out.empty() ? " (also `" : ", `") + a + "`";
  return out.empty() ? out : out + ")";
}

std::string Cell(std::string text) {  // a Markdown table cell: no bars, no line breaks
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

}  // namespace

std::string RegistryMarkdown() {
  std::string out = "| key | tab | type | values | default | what it sets |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const Entry& e : Registry()) {
    const std::string def = DefaultValue(e);
    out += "| `" + e.key + "`" + Aliases(e) + " | " + GroupName(e.group) + " | " + e.type + " | " + Cell(e.allowed) + " | " +
           (def.empty() ? "" : "`" + Cell(def) + "`") + " | " + Cell(e.help) + " |\n";
  }
  return out;
}

std::string RegistryText() {
  std::string out;
  for (const Entry& e : Registry()) {
    const std::string def = DefaultValue(e);
    out += e.key + Aliases(e) + "  [" + GroupName(e.group) + ", " + e.type + "]\n    " + e.help + "\n    values: " + e.allowed +
           (def.empty() ? "" : "; default: " + def) + "\n";
  }
  return out;
}

}  // namespace gradlab::settings
