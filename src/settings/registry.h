// The settings registry: one table that declares every setting of the app (its key, the old
// names it still answers to, its type, allowed values or range, default, one line of help and
// the tab it belongs to) and how to read it from Settings and write it. Links, lesson files,
// the page hook, `gradlab-cli settings`, the README's table and the tests all read this table.
//
// Values are checked by the engine's own parsers (model spec, schedule, augmentation, class
// list, train::ConfigFromJson): a setting is only ever changed to something the engine takes.
//
// Deliberately not here: anything that needs the running app (starting training, opening a
// lesson from the lesson files). Those keys are declared as actions: the registry checks their
// values, and the UI carries them out.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "settings/settings.h"

namespace gradlab::settings {

enum class Group { kApp, kTrain, kBackprop, kCalculators, kLessons };
const char* GroupName(Group group);  // "app", "train", ...

struct Entry {
  std::string key;
  std::vector<std::string> aliases;  // older link keys that still work
  Group group = Group::kApp;
  std::string type;                  // "choice", "whole number", "number", "text", "list", "switch", "action"
  std::string allowed;               // the choices or the range, for people
  double lo = 0, hi = 0;             // numeric range (whole numbers and numbers; for lists, of each item)
  bool lo_open = false;              // the value must be above lo, not equal to it
  std::string help;
  bool hi_open = false;              // the value must be below hi
  std::function<std::string(const Settings&)> get;            // empty for actions
  std::function<Status(Settings&, const std::string&)> set;   // parses, checks, assigns
  bool is_action() const { return !get; }
};

const std::vector<Entry>& Registry();
const Entry* FindEntry(std::string_view key);  // by key or alias; nullptr if unknown
const Entry& GetEntry(std::string_view key);   // for keys the code names itself (aborts if unknown)
std::string DefaultValue(const Entry& entry);  // "" for actions

// Applies one setting. A bad value leaves `s` as it was and says why, naming the key. Besides the
// registry's keys, NAME=VALUE sets an input of the Backprop tab's expression (x=-2).
[[nodiscard]] Status Set(Settings& s, std::string_view key, const std::string& value);

// The effective Backprop expression and its input values (example, then `inputs`, new
// variables 1), or why there is none.
struct BackpropGraph {
  std::string expression;
  std::vector<std::pair<std::string, double>> values;
  std::vector<std::string> labels;  // the example's node names, when it is the example's expression
};
Result<BackpropGraph> ResolveBackprop(const BackpropSettings& b);
std::string FormatInputs(const std::vector<std::pair<std::string, double>>& values);  // "x:-2,y:5"

// ---- links -------------------------------------------------------------------------------------

using Pairs = std::vector<std::pair<std::string, std::string>>;
// Every link starts with its version, v=1; "v" is no setting and no variable's value.
inline constexpr std::string_view kLinkVersionKey = "v";
inline constexpr const char* kLinkVersion = "1";

// Splits "?a=1&b=2", "#v=1&a=1" or "a=1&b=2" into decoded pairs (%XX and '+' for a space).
Pairs ParseQuery(std::string_view text);

// Percent-encodes a value for a link, readable where that is safe: letters, digits and
// -_.~,:;!*()/@ stay as they are, a space becomes '+'.
std::string EncodeValue(const std::string& text);

// "v=1&data=cifar10&...": every setting that differs from its default, in registry order, with
// values percent-encoded. Copying it into a link reproduces `s`.
std::string FormatFragment(const Settings& s);

// What applying a link did: the bad parts (each names its key) and the actions to carry out.
struct LinkOutcome {
  std::vector<std::string> problems;
  Pairs actions;
};

// Applies a link's pairs to `s` in the order written. A link opens a complete view: every tab a
// pair belongs to (and the tab it opens) first goes back to its defaults, so nothing the student
// had open before leaks in. Bad pairs are skipped and reported; the rest still apply.
LinkOutcome ApplyLink(Settings& s, const Pairs& pairs);

// The groups a link's pairs touch (a "tab" pair also touches the group of the tab it opens).
std::vector<Group> TouchedGroups(const Pairs& pairs);
void ResetGroup(Settings& s, Group group);

// Text from a link as it may be quoted in a message: printable and at most 40 characters.
std::string Shown(std::string_view text);

// One message for the status bar naming every bad part of a link, or "" if there were none.
std::string DescribeProblems(const std::vector<std::string>& problems);

// The registry as a Markdown table (README) or as text (gradlab-cli settings).
std::string RegistryMarkdown();
std::string RegistryText();

}  // namespace gradlab::settings
