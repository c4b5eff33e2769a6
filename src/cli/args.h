// A small command-line parser shared by every gradlab-cli command: options are declared up
// front (so --help can list them and unknown ones are refused), values come as strings and
// are converted with a clear message on failure.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gradlab::cli {

struct OptionSpec {
  std::string name;         // without the leading "--"
  std::string value_name;   // empty for a flag (no value)
  std::string help;
  std::string default_value;
};

class Args {
 public:
  // Parses argv-style words against the declared options. On failure error() is set.
  Args(const std::vector<OptionSpec>& specs, const std::vector<std::string>& words);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  bool flag(const std::string& name) const;
  std::string get(const std::string& name) const;  // value given, or the declared default
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  const std::vector<std::string>& positionals() const { return positionals_; }

  // Records a problem with an option's value found by the caller (an unknown class name, a
  // value out of range), so it counts as a usage error like a malformed number.
  void Fail(const std::string& problem) {
    if (ok()) error_ = problem;
  }

  // Numeric getters: on a malformed value they record an error and return the fallback.
  long get_int(const std::string& name, long lo, long hi);
  double get_double(const std::string& name);

 private:
  const OptionSpec* find(const std::string& name) const;
  std::vector<OptionSpec> specs_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positionals_;
  std::string error_;
};

// "  --epochs N      Number of passes over the data (default 10)" lines for --help.
std::string FormatOptions(const std::vector<OptionSpec>& specs);

}  // namespace gradlab::cli
