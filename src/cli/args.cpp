#include "cli/args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace gradlab::cli {

Args::Args(const std::vector<OptionSpec>& specs, const std::vector<std::string>& words)
    : specs_(specs) {
  bool only_positionals = false;  // after "--", as getopt does
  for (size_t i = 0; i < words.size() && ok(); ++i) {
    const std::string& w = words[i];
    if (only_positionals) {
      positionals_.push_back(w);
      continue;
    }
    if (w == "--") {
      only_positionals = true;
      continue;
    }
    if (w.size() < 3 || w.compare(0, 2, "--") != 0) {
      if (w.size() > 1 && w[0] == '-' && !(w[1] >= '0' && w[1] <= '9') && w[1] != '.') {
        error_ = "unknown option '" + w + "' (options start with --)";
      } else {
        positionals_.push_back(w);
      }
      continue;
    }
    std::string name = w.substr(2), value;
    bool has_inline_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    const OptionSpec* spec = find(name);
    if (!spec) {
      error_ = "unknown option '--" + name + "'";
    } else if (spec->value_name.empty()) {
      if (has_inline_value) error_ = "option '--" + name + "' takes no value";
      else values_[name] = "1";
    } else if (has_inline_value) {
      values_[name] = value;
    } else if (i + 1 < words.size()) {
      values_[name] = words[++i];
    } else {
      error_ = "option '--" + name + "' needs a value (" + spec->value_name + ")";
    }
  }
}

const OptionSpec* Args::find(const std::string& name) const {
  for (const auto& s : specs_)
    if (s.name == name) return &s;
  return nullptr;
}

bool Args::flag(const std::string& name) const { return values_.count(name) > 0; }

std::string Args::get(const std::string& name) const {
  if (auto it = values_.find(name); it != values_.end()) return it->second;
  const OptionSpec* spec = find(name);
  return spec ? spec->default_value : std::string();
}

long Args::get_int(const std::string& name, long lo, long hi) {
  std::string s = get(name);
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno == ERANGE || v < lo || v > hi) {
    if (ok())
      error_ = "--" + name + " must be a whole number from " + std::to_string(lo) + " to " +
               std::to_string(hi) + ", not '" + s + "'";
    return lo;
  }
  return v;
}

double Args::get_double(const std::string& name) {
  std::string s = get(name);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  // inf, nan and 1e999 parse, but no setting means anything with them.
  if (s.empty() || *end != '\0' || !std::isfinite(v)) {
    if (ok()) error_ = "--" + name + " must be a finite number, not '" + s + "'";
    return 0.0;
  }
  return v;
}

std::string FormatOptions(const std::vector<OptionSpec>& specs) {
  std::ostringstream out;
  for (const auto& s : specs) {
    std::string left = "  --" + s.name + (s.value_name.empty() ? "" : " " + s.value_name);
    out << left;
    for (size_t pad = left.size(); pad < 26; ++pad) out << ' ';
    out << ' ' << s.help;
    if (!s.default_value.empty()) out << " (default " << s.default_value << ")";
    out << '\n';
  }
  return out.str();
}

}  // namespace gradlab::cli
