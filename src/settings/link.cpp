// Links: settings as "key=value&..." text, read from a query string or a fragment and written as
// a fragment of every setting that differs from its default. Links come from anywhere, so
// every part is bounded and every bad part is reported by key, never trusted.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "data/cifar10.h"
#include "i18n/translate.h"
#include "settings/registry.h"

namespace gradlab::settings {

namespace {

constexpr size_t kMaxPairs = 200;        // far more than the registry has keys
constexpr size_t kMaxValueLength = 2000;  // a model spec or an expression fits easily
constexpr size_t kMaxLinkLength = 64 * 1024;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX and '+' (a space); a malformed escape stays as written.
std::string Decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') out += ' ';
    else if (text[i] == '%' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 && HexDigit(text[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::string EncodeValue(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || std::string_view("-_.~,:;!*()/@").find(static_cast<char>(c)) != std::string_view::npos) out += static_cast<char>(c);
    else if (c == ' ') out += '+';
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string Shown(std::string_view text) {
  std::string out(text.substr(0, 40));
  for (char& c : out)
    if (!std::isprint(static_cast<unsigned char>(c))) c = '?';
  return out + (text.size() > 40 ? "..." : "");
}

namespace {

Group GroupOfTab(Tab tab) {
  switch (tab) {
    case Tab::kTrain: return Group::kTrain;
    case Tab::kBackprop: return Group::kBackprop;
    case Tab::kCalculators: return Group::kCalculators;
    case Tab::kLessons: return Group::kLessons;
  }
  return Group::kApp;
}

}  // namespace

Pairs ParseQuery(std::string_view text) {
  text = text.substr(0, kMaxLinkLength);
  Pairs pairs;
  while (!text.empty()) {
    const size_t amp = text.find('&');
    std::string_view part = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    while (!part.empty() && (part[0] == '?' || part[0] == '#')) part.remove_prefix(1);  // links joined by '&'
    if (part.empty()) continue;
    const size_t eq = part.find('=');
    pairs.emplace_back(Decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : Decode(part.substr(eq + 1)));
  }
  return pairs;
}

std::string FormatFragment(const Settings& s) {
  static const Settings defaults;
  std::string out = std::string("v=") + kLinkVersion;
  for (const Entry& e : Registry()) {
    if (e.is_action()) continue;
    const std::string value = e.get(s);
    if (value != e.get(defaults)) out += "&" + e.key + "=" + EncodeValue(value);
  }
  return out;
}

std::vector<Group> TouchedGroups(const Pairs& pairs) {
  std::vector<Group> groups;
  auto add = [&](Group g) {
    if (g != Group::kApp && std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  };
  for (const auto& [key, value] : pairs) {
    const Entry* e = FindEntry(key);
    if (!e) {
      add(Group::kBackprop);  // x=-2: an input of the expression
      continue;
    }
    add(e->group);
    if (e->key == "tab") {
      Settings probe;
      if (Set(probe, "tab", value)) add(GroupOfTab(probe.app.tab));
    }
  }
  return groups;
}

void ResetGroup(Settings& s, Group group) {
  switch (group) {
    case Group::kApp: break;  // the theme and the tab are the student's own
    case Group::kTrain: s.train = {}; break;
    case Group::kBackprop: s.backprop = {}; break;
    case Group::kCalculators: s.calc = {}; break;
    case Group::kLessons:
      s.app.lesson = 0;
      s.app.lesson_step = 1;
      break;
  }
}

// A class list with a misspelled name keeps the classes it names right: each bad name is
// reported and left out (classes=cat,dgo,ship opens cat and ship), rather than the whole list.
static std::string KnownClasses(const std::string& list, std::vector<std::string>* problems) {
  std::string kept;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    if (auto one = data::ParseClassList(name); !one) {
      problems->push_back(Fill(tr("classes: {0} is not a CIFAR-10 class and was left out"), {Shown(name)}));
      continue;
    }
    kept += (kept.empty() ? "" : ",") + name;
  }
  return kept;
}

LinkOutcome ApplyLink(Settings& s, const Pairs& pairs) {
  LinkOutcome out;
  Pairs body;
  for (const auto& [key, value] : pairs) {
    if (key == kLinkVersionKey) {
      if (value != kLinkVersion)
        out.problems.push_back(Fill(tr("v: this link is for Gradlab link version '{0}'; this Gradlab reads version {1}, so some settings may not apply"),
                                    {Shown(value), kLinkVersion}));
    } else if (body.size() == kMaxPairs) {
      out.problems.push_back(Fill(tr("the link has more than {0} settings; the rest were ignored"), {std::to_string(kMaxPairs)}));
      break;
    } else {
      body.emplace_back(key, value);
    }
  }
  for (Group g : TouchedGroups(body)) ResetGroup(s, g);
  // An exercise's hidden and locked parts belong to its link: a link that names none has none.
  s.app.hide.clear();
  s.app.lock.clear();
  for (const auto& [key, value] : body) {
    if (key.size() > 40 || value.size() > kMaxValueLength) {
      out.problems.push_back(Fill(tr("{0}: too long ({1} characters)"), {Shown(key), std::to_string(value.size())}));
      continue;
    }
    const bool classes = FindEntry(key) == &GetEntry("classes");
    if (Status st = Set(s, key, classes ? KnownClasses(value, &out.problems) : value); !st) {
      out.problems.push_back(st.message());
      continue;
    }
    if (const Entry* e = FindEntry(key); e && e->is_action()) out.actions.emplace_back(e->key, value);
  }
  return out;
}

std::string DescribeProblems(const std::vector<std::string>& problems) {
  if (problems.empty()) return "";
  std::string out = tr("Some link settings were not used: ");
  for (size_t i = 0; i < problems.size() && i < 8; ++i) {
    std::string first_line = problems[i].substr(0, problems[i].find('\n'));
    if (first_line.size() > 160) first_line = first_line.substr(0, 160) + "...";
    for (char& c : first_line)
      if (static_cast<unsigned char>(c) < 32) c = ' ';
    out += (i ? "; " : "") + first_line;
  }
  if (problems.size() > 8) out += Fill(tr("; and {0} more"), {std::to_string(problems.size() - 8)});
  return out + tr(". The rest of the link applied.");
}

}  // namespace gradlab::settings
