// The table of settings. Each row is built by a small helper for its type (whole number,
// number, choice, text, list); the helpers parse and range-check, and the rows that belong to
// the engine hand the value to the engine's own check (train::ValidateConfig, the spec parsers).
#include "settings/registry.h"

#include <algorithm>
#include <cstring>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>

#include "data/augment.h"
#include "data/cifar10.h"
#include "graph/examples.h"
#include "graph/parser.h"
#include "i18n/translate.h"
#include "nn/model_spec.h"
#include "nn/schedule.h"
#include "settings/train_settings.h"
#include "train/config.h"

namespace gradlab::settings {

const char* GroupName(Group group) {
  switch (group) {
    case Group::kApp: return "app";
    case Group::kTrain: return "train";
    case Group::kBackprop: return "backprop";
    case Group::kCalculators: return "calculators";
    case Group::kLessons: return "lessons";
  }
  return "?";
}

namespace {

// [SECTION] Numbers as text ------------------------------------------------------------------

// The shortest text that reads back as the same double: 0.1 stays "0.1", not "0.10000000000000001".
std::string FormatReal(double v) {
  char buf[40];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {  // 1000000, not 1e+06
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

Result<double> ParseReal(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])) || *end != '\0' || !std::isfinite(v))
    return Result<double>::Error(Fill(tr("'{0}' is not a number"), {text}));
  return v;
}

Result<long long> ParseWhole(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])) || *end != '\0' || errno == ERANGE)
    return Result<long long>::Error(Fill(tr("'{0}' is not a whole number"), {text}));
  return v;
}

std::string RangeText(double lo, double hi, bool whole) {
  return whole ? std::to_string(static_cast<long long>(lo)) + " to " + std::to_string(static_cast<long long>(hi))
               : FormatReal(lo) + " to " + FormatReal(hi);
}

std::string Join(const std::vector<std::string>& words, const char* sep = ", ") {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

// [SECTION] Row builders -----------------------------------------------------------------------
// `field` maps Settings to the member a row reads and writes. `check`, where given, is the
// engine's verdict on a value that is already of the right type and range.

template <typename T>
using Field = T& (*)(Settings&);
template <typename T>
using Check = Status (*)(T);

template <typename T>
T& Read(Field<T> field, const Settings& s) {
  return field(const_cast<Settings&>(s));
}

template <typename T>
Entry Whole(std::string key, Group group, long long lo, long long hi, std::string help, Field<T> field,
            Check<long long> check = nullptr) {
  Entry e{std::move(key), {}, group, "whole number", RangeText(lo, hi, true), double(lo), double(hi), false, std::move(help)};
  e.get = [field](const Settings& s) { return std::to_string(Read(field, s)); };
  e.set = [field, lo, hi, check](Settings& s, const std::string& text) {
    auto v = ParseWhole(text);
    if (!v || *v < lo || *v > hi)
      return Status::Error(Fill(tr("must be a whole number from {0} to {1}"), {std::to_string(lo), std::to_string(hi)}));
    if (check) {
      if (Status problem = check(*v); !problem) return problem;
    }
    field(s) = static_cast<T>(*v);
    return Status();
  };
  return e;
}

enum class Ends { kClosed, kAboveLo, kBelowHi };  // which ends of [lo, hi] a value may not reach

Entry Real(std::string key, Group group, double lo, double hi, std::string help, Field<double> field,
           Check<double> check = nullptr, Ends ends = Ends::kClosed) {
  const std::string range = ends == Ends::kAboveLo   ? "above " + FormatReal(lo) + ", up to " + FormatReal(hi)
                            : ends == Ends::kBelowHi ? "from " + FormatReal(lo) + ", below " + FormatReal(hi)
                                                     : "from " + RangeText(lo, hi, false);
  Entry e{std::move(key), {}, group, "number", range, lo, hi, ends == Ends::kAboveLo, std::move(help)};
  e.hi_open = ends == Ends::kBelowHi;
  e.get = [field](const Settings& s) { return FormatReal(Read(field, s)); };
  e.set = [field, lo, hi, check, ends](Settings& s, const std::string& text) {
    auto v = ParseReal(text);
    if (!v || *v < lo || *v > hi || (ends == Ends::kAboveLo && *v == lo) || (ends == Ends::kBelowHi && *v == hi))
      return Status::Error(Fill(ends == Ends::kAboveLo   ? tr("must be a number above {0}, up to {1}")
                                : ends == Ends::kBelowHi ? tr("must be a number from {0}, below {1}")
                                                         : tr("must be a number from {0} to {1}"),
                                {FormatReal(lo), FormatReal(hi)}));
    if (check) {
      if (Status problem = check(*v); !problem) return problem;
    }
    field(s) = *v;
    return Status();
  };
  return e;
}

// An enum (or bool) chosen by name; `names[i]` names the value i.
template <typename T>
Entry Choice(std::string key, Group group, std::vector<std::string> names, std::string help, Field<T> field) {
  Entry e{std::move(key), {}, group, "choice", Join(names), 0, double(names.size() - 1), false, std::move(help)};
  e.get = [field, names](const Settings& s) { return names[static_cast<size_t>(Read(field, s))]; };
  e.set = [field, names](Settings& s, const std::string& text) {
    std::string lower = text;  // ?tab=Backprop works too
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (size_t i = 0; i < names.size(); ++i)
      if (lower == names[i]) {
        field(s) = static_cast<T>(i);
        return Status();
      }
    return Status::Error(Fill(tr("must be one of {0}"), {Join(names)}));
  };
  return e;
}

// Text the engine parses; `check` says whether it takes it.
Entry Text(std::string key, Group group, std::string allowed, std::string help, Field<std::string> field,
           Check<const std::string&> check) {
  Entry e{std::move(key), {}, group, "text", std::move(allowed), 0, 0, false, std::move(help)};
  e.get = [field](const Settings& s) { return Read(field, s); };
  e.set = [field, check](Settings& s, const std::string& text) {
    if (Status problem = check(text); !problem) return problem;
    field(s) = text;
    return Status();
  };
  return e;
}

// Why a list was refused, in the student's language.
Status ListProblem(size_t count, bool whole, double lo, double hi) {
  auto shown = [whole](double v) { return whole ? std::to_string(static_cast<long long>(v)) : FormatReal(v); };
  return Status::Error(Fill(whole ? tr("must be {0} whole numbers from {1} to {2}") : tr("must be {0} numbers from {1} to {2}"),
                            {std::to_string(count), shown(lo), shown(hi)}));
}

// A fixed number of numbers, comma-separated ("3.2,5.1,-1.7").
template <typename T, size_t N>
Entry List(std::string key, Group group, double lo, double hi, std::string help, Field<std::array<T, N>> field) {
  constexpr bool whole = std::is_integral_v<T>;
  // English: the registry's documentation (README, gradlab-cli settings); translated where a value is refused.
  const std::string allowed = std::to_string(N) + " " + (whole ? "whole numbers" : "numbers") + " from " + RangeText(lo, hi, whole);
  Entry e{std::move(key), {}, group, "list", allowed, lo, hi, false, std::move(help)};
  e.get = [field](const Settings& s) {
    std::string out;
    for (T v : Read(field, s)) out += (out.empty() ? "" : ",") + (whole ? std::to_string(static_cast<long long>(v)) : FormatReal(double(v)));
    return out;
  };
  e.set = [field, lo, hi, allowed](Settings& s, const std::string& text) {
    std::array<T, N> values{};
    std::stringstream in(text);
    std::string item;
    size_t n = 0;
    while (std::getline(in, item, ',')) {
      auto v = ParseReal(item);
      if (n >= N || !v || *v < lo || *v > hi || (whole && *v != std::floor(*v))) return ListProblem(N, whole, lo, hi);
      values[n++] = static_cast<T>(*v);
    }
    if (n != N) return ListProblem(N, whole, lo, hi);
    field(s) = values;
    return Status();
  };
  return e;
}

Entry Action(std::string key, Group group, std::vector<std::string> values, std::string help,
             std::function<Status(Settings&, const std::string&)> set = nullptr) {
  Entry e{std::move(key), {}, group, "action", Join(values, ", "), 0, 0, false, std::move(help)};
  e.set = [values, set](Settings& s, const std::string& text) {
    if (std::find(values.begin(), values.end(), text) == values.end()) return Status::Error(Fill(tr("must be one of {0}"), {Join(values)}));
    return set ? set(s, text) : Status();
  };
  return e;
}

Entry WithAliases(Entry e, std::vector<std::string> aliases) {
  e.aliases = std::move(aliases);
  return e;
}

// [SECTION] The engine's verdicts ---------------------------------------------------------------

// A training setting is checked by train::ValidateConfig on a default config with only that
// setting changed, so a problem elsewhere never blames it.
template <void (*Apply)(train::TrainConfig&, double)>
Status ConfigCheck(double v) {
  train::TrainConfig c;
  Apply(c, v);
  return train::ValidateConfig(c);
}
void SetLr(train::TrainConfig& c, double v) { c.schedule.base_lr = v; }
void SetMomentum(train::TrainConfig& c, double v) { c.optimizer.momentum = v; }
void SetRho(train::TrainConfig& c, double v) { c.optimizer.rho = v; }
void SetBeta1(train::TrainConfig& c, double v) { c.optimizer.beta1 = v; }
void SetBeta2(train::TrainConfig& c, double v) { c.optimizer.beta2 = v; }
void SetWarmup(train::TrainConfig& c, double v) { c.schedule.warmup = v; }
void SetLambda(train::TrainConfig& c, double v) { c.regularization.lambda = v; }
void SetBeta(train::TrainConfig& c, double v) { c.regularization.beta = v; }
void SetBatch(train::TrainConfig& c, double v) { c.batch_size = static_cast<int>(v); }
void SetEpochs(train::TrainConfig& c, double v) { c.epochs = static_cast<int>(v); }
Status WholeConfigCheckBatch(long long v) { return ConfigCheck<SetBatch>(double(v)); }
Status WholeConfigCheckEpochs(long long v) { return ConfigCheck<SetEpochs>(double(v)); }

Status CheckSpec(const std::string& text) {
  auto parsed = nn::ParseModelSpec(text);
  return parsed ? Status() : Status::Error(parsed.error());
}
Status CheckSchedule(const std::string& text) {
  auto parsed = nn::ParseSchedule(text, 0.01);
  return parsed ? Status() : Status::Error(parsed.error());
}
Status CheckAugment(const std::string& text) {
  auto parsed = data::ParseAugmentSpec(text);
  return parsed ? Status() : Status::Error(parsed.error());
}
Status CheckPerClass(long long v) {
  data::CifarSubset subset;
  subset.train_per_class = static_cast<int>(v);
  return data::CheckCifarSubset(subset);
}
Status CheckTest(long long v) {
  data::CifarSubset subset;
  subset.test_count = static_cast<int>(v);
  return data::CheckCifarSubset(subset);
}
Status CheckToyClasses(long long v) { return data::CheckToyParams(static_cast<int>(v), 1, 0); }
Status CheckToyPoints(long long v) { return data::CheckToyParams(2, static_cast<int>(v), 0); }
Status CheckToyNoise(double v) { return data::CheckToyParams(2, 1, v); }

// [SECTION] Rows with their own parsing ---------------------------------------------------------

std::vector<std::string> Names(int count, const char* (*name)(int)) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) out.push_back(name(i));
  return out;
}

Entry DataRow() {
  std::vector<std::string> choices = {"cifar10"};
  for (int k = 0; k < data::kToyKinds; ++k) choices.push_back(std::string("toy:") + data::ToyKindName(static_cast<data::ToyKind>(k)));
  Entry e{"data", {}, Group::kTrain, "choice", Join(choices), 0, 0, false, "the data: CIFAR-10 images or toy 2-D points of a shape"};
  e.get = [](const Settings& s) {
    return s.train.cifar ? std::string("cifar10") : std::string("toy:") + data::ToyKindName(s.train.toy_kind);
  };
  e.set = [choices](Settings& s, const std::string& text) {
    if (text == "cifar10") {
      s.train.cifar = true;
      return Status();
    }
    if (text.rfind("toy:", 0) == 0)
      if (auto kind = data::ParseToyKind(text.substr(4))) {
        s.train.cifar = false;
        s.train.toy_kind = *kind;
        return Status();
      }
    return Status::Error(Fill(tr("must be one of {0}"), {Join(choices)}));
  };
  return e;
}

Entry ClassesRow() {
  Entry e{"classes", {}, Group::kTrain, "list", "CIFAR-10 class names, comma-separated (at least two)", 0, 0, false,
          "the CIFAR-10 classes to train on, e.g. cat,dog,ship"};
  e.get = [](const Settings& s) {
    std::vector<std::string> names;
    for (int c = 0; c < 10; ++c)
      if (s.train.classes[c]) names.push_back(data::Cifar10ClassNames()[c]);
    return Join(names, ",");
  };
  e.set = [](Settings& s, const std::string& text) {
    auto classes = data::ParseClassList(text);
    if (!classes) return Status::Error(classes.error());
    data::CifarSubset subset;
    subset.classes = *classes;
    if (Status problem = data::CheckCifarSubset(subset); !problem) return problem;
    if (classes->size() < 2) return Status::Error(tr("pick at least two classes"));
    s.train.classes.fill(false);
    for (int c : *classes) s.train.classes[c] = true;
    return Status();
  };
  return e;
}

Entry OptimizerRow() {
  std::vector<std::string> names;
  for (int k = 0; k <= static_cast<int>(nn::OptimizerKind::kAdam); ++k) names.push_back(nn::OptimizerName(static_cast<nn::OptimizerKind>(k)));
  Entry e{"optimizer", {}, Group::kTrain, "choice", Join(names), 0, 0, false,
          "the update rule; choosing one also picks its usual learning rate unless lr was changed"};
  e.get = [](const Settings& s) { return std::string(nn::OptimizerName(s.train.optimizer)); };
  e.set = [](Settings& s, const std::string& text) {
    auto kind = nn::ParseOptimizerKind(text);
    if (!kind) return Status::Error(kind.error());
    if (s.train.lr == nn::DefaultLearningRate(s.train.optimizer)) s.train.lr = nn::DefaultLearningRate(*kind);
    s.train.optimizer = *kind;
    return Status();
  };
  return e;
}

bool IsIdentifier(std::string_view key) { return graph::IsVariableName(key); }

Result<std::vector<std::pair<std::string, double>>> ParseInputs(const std::string& text) {
  using R = Result<std::vector<std::pair<std::string, double>>>;
  std::vector<std::pair<std::string, double>> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos || !IsIdentifier(item.substr(0, colon)))
      return R::Error(tr("must be NAME:NUMBER pairs separated by commas, like x:-2,y:5"));
    auto v = ParseReal(item.substr(colon + 1));
    if (!v) return R::Error(Fill(tr("the value of {0}: {1}; inputs are finite numbers"), {item.substr(0, colon), v.error().substr(0, 60)}));
    out.emplace_back(item.substr(0, colon), *v);
  }
  return out;
}

// The example's expression, or the typed one; both must parse.
Entry ExampleRow() {
  std::vector<std::string> names;
  for (const auto& ex : graph::Examples()) names.push_back(ex.name);
  Entry e{"example", {}, Group::kBackprop, "choice", Join(names), 0, 0, false,
          "a lecture example for the computational graph (its expression and inputs)"};
  e.get = [](const Settings& s) { return s.backprop.example; };
  e.set = [](Settings& s, const std::string& text) {
    if (!graph::FindExample(text)) return Status::Error(Fill(tr("must be one of {0}"), {graph::ExampleNames()}));
    s.backprop.example = text;
    s.backprop.expr.clear();
    s.backprop.inputs.clear();
    s.backprop.step = 0;
    return Status();
  };
  return e;
}

// The given input values that are variables of the graph `b` now makes: a new expression drops
// the values of variables it does not have, so the link it writes opens without complaint.
std::string InputsOfGraph(const BackpropSettings& b) {
  auto given = ParseInputs(b.inputs);
  BackpropSettings bare = b;
  bare.inputs.clear();
  auto graph = ResolveBackprop(bare);
  if (!given || !graph) return "";
  std::vector<std::pair<std::string, double>> kept;
  for (const auto& value : *given)
    if (std::any_of(graph->values.begin(), graph->values.end(), [&](const auto& v) { return v.first == value.first; }))
      kept.push_back(value);
  return FormatInputs(kept);
}

Entry ExprRow() {
  Entry e{"expr", {}, Group::kBackprop, "text", "an expression, e.g. f = (x + y) * z", 0, 0, false,
          "a typed expression for the computational graph (empty: the example's)"};
  e.get = [](const Settings& s) { return s.backprop.expr; };
  e.set = [](Settings& s, const std::string& text) {
    if (!text.empty())
      if (auto parsed = graph::ParseExpression(text); !parsed) return Status::Error(parsed.error());
    s.backprop.expr = text;
    s.backprop.step = 0;
    s.backprop.inputs = InputsOfGraph(s.backprop);
    return Status();
  };
  return e;
}

Entry InputsRow() {
  Entry e{"inputs", {}, Group::kBackprop, "list", "NAME:NUMBER pairs, e.g. x:-2,y:5", 0, 0, false,
          "input values of the expression that differ from the example's (new variables start at 1)"};
  e.get = [](const Settings& s) { return s.backprop.inputs; };
  e.set = [](Settings& s, const std::string& text) {
    auto parsed = ParseInputs(text);
    if (!parsed) return Status::Error(parsed.error());
    BackpropSettings b = s.backprop;
    b.inputs = text;
    auto graph = ResolveBackprop(b);
    if (!graph) return Status::Error(graph.error());
    for (const auto& given : *parsed)
      if (std::none_of(graph->values.begin(), graph->values.end(), [&](const auto& v) { return v.first == given.first; }))
        return Status::Error(Fill(tr("'{0}' is not a variable of {1}"), {given.first, graph->expression}));
    s.backprop.inputs = FormatInputs(*parsed);
    return Status();
  };
  return e;
}

// bp=step|back|forward|end|reset moves the stepper: it changes bp_step, counted on the graph.
Status MoveStepper(Settings& s, const std::string& move) {
  auto graph = ResolveBackprop(s.backprop);
  if (!graph) return Status::Error(Fill(tr("there is no graph to step through ({0})"), {graph.error()}));
  auto stepper = graph::MakeStepper(graph->expression, graph->values, graph->labels);
  if (!stepper) return Status::Error(stepper.error());
  int& step = s.backprop.step;
  step = std::clamp(step, 0, stepper->total_steps());
  if (move == "step") step = std::min(step + 1, stepper->total_steps());
  else if (move == "back") step = std::max(step - 1, 0);
  else if (move == "forward") step = stepper->forward_steps();
  else if (move == "end") step = stepper->total_steps();
  else step = 0;
  return Status();
}

Entry LessonRow() {
  Entry e{"lesson", {}, Group::kLessons, "text", "N or N.STEP, counted from 1 (as the Lessons tab lists them)", 0, 0, false,
          "the lesson being walked through, and its step"};
  e.get = [](const Settings& s) {
    if (s.app.lesson == 0) return std::string();
    return std::to_string(s.app.lesson) + (s.app.lesson_step > 1 ? "." + std::to_string(s.app.lesson_step) : "");
  };
  e.set = [](Settings& s, const std::string& text) {
    if (text.empty()) {
      s.app.lesson = 0;
      s.app.lesson_step = 1;
      return Status();
    }
    const size_t dot = text.find('.');
    auto lesson = ParseWhole(text.substr(0, dot));
    auto step = dot == std::string::npos ? Result<long long>(1) : ParseWhole(text.substr(dot + 1));
    if (!lesson || !step || *lesson < 1 || *lesson > 1000 || *step < 1 || *step > 1000)
      return Status::Error(tr("must be a lesson number, or lesson.step, like 2 or 2.3"));
    s.app.lesson = static_cast<int>(*lesson);
    s.app.lesson_step = static_cast<int>(*step);
    return Status();
  };
  return e;
}

// A set of names from a fixed vocabulary, kept in the vocabulary's order so a link reads back the same.
template <size_t N>
Entry NameSet(std::string key, Group group, const char* const (&names)[N], std::string help, Field<std::string> field) {
  std::vector<std::string> vocabulary(std::begin(names), std::end(names));
  Entry e{std::move(key), {}, group, "list", "any of " + Join(vocabulary) + ", comma-separated", 0, 0, false, std::move(help)};
  e.get = [field](const Settings& s) { return Read(field, s); };
  e.set = [field, vocabulary](Settings& s, const std::string& text) {
    std::vector<std::string> given;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
      if (std::find(vocabulary.begin(), vocabulary.end(), item) == vocabulary.end())
        return Status::Error(Fill(tr("'{0}' is not one of {1}"), {Shown(item), Join(vocabulary)}));
      else given.push_back(item);
    std::vector<std::string> ordered;
    for (const auto& name : vocabulary)
      if (std::find(given.begin(), given.end(), name) != given.end()) ordered.push_back(name);
    field(s) = Join(ordered, ",");
    return Status();
  };
  return e;
}

Status CheckEmbedStart(const std::string& v) {
  return v == "click" || v == "visible" || v == "now" ? Status() : Status::Error(tr("must be click, visible or now"));
}

// An origin as a browser writes it: http(s)://host[:port], no path. The page compares them as text.
bool IsOrigin(const std::string& v) {
  const size_t scheme = v.rfind("https://", 0) == 0 ? 8 : v.rfind("http://", 0) == 0 ? 7 : 0;
  if (scheme == 0) return false;
  const size_t colon = v.find(':', scheme);
  const std::string host = v.substr(scheme, colon == std::string::npos ? std::string::npos : colon - scheme);
  const std::string port = colon == std::string::npos ? "1" : v.substr(colon + 1);
  auto all = [](const std::string& t, auto ok) { return !t.empty() && std::all_of(t.begin(), t.end(), ok); };
  return all(host, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }) &&
         port.size() <= 5 && all(port, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

Status CheckHosts(const std::string& v) {
  int count = 0;
  std::stringstream in(v);
  for (std::string item; std::getline(in, item, ',');) {
    if (++count > 8) return Status::Error(tr("at most 8 origins"));
    if (!IsOrigin(item)) return Status::Error(Fill(tr("'{0}' is not an origin like https://lms.example.edu"), {Shown(item.substr(0, 60))}));
  }
  return Status();
}

// An address the page fetches (https://..., http://..., or a path beside the page; the desktop app
// reads a file path) of a .json lesson file: no other scheme (javascript:, data:), no spaces,
// quotes, angle brackets or control characters.
Status CheckLessonUrl(const std::string& v) {
  if (v.empty()) return Status();  // none
  if (v.size() > 2000) return Status::Error(tr("longer than 2000 characters"));
  if (std::any_of(v.begin(), v.end(), [](unsigned char c) { return c <= ' ' || c == 127 || std::strchr("<>\"'`", c); }))
    return Status::Error(tr("an address has no spaces, quotes, angle brackets or control characters"));
  const std::string path = v.substr(0, v.find_first_of("?#"));
  if (path.size() < 6 || path.compare(path.size() - 5, 5, ".json") != 0) return Status::Error(tr("must be the address of a .json lesson file"));
  const size_t colon = v.find(':'), slash = v.find('/');
  if (colon != std::string::npos && (slash == std::string::npos || colon < slash) && v.rfind("https:", 0) != 0 && v.rfind("http:", 0) != 0)
    return Status::Error(tr("must be an https:// or http:// address, or a path beside the page"));
  return Status();
}

const char* SurfaceKey(int i) {
  static const char* keys[] = {"ravine", "bowl", "saddle"};
  return keys[i];
}

// [SECTION] The table -----------------------------------------------------------------------------

std::vector<Entry> MakeRegistry() {
  using G = Group;
  std::vector<Entry> r;
  // ---- app
  r.push_back(Choice<Tab>("tab", G::kApp, Names(kTabCount, [](int i) { return TabName(static_cast<Tab>(i)); }),
                          "the tab to open", [](Settings& s) -> Tab& { return s.app.tab; }));
  r.push_back(Choice<Theme>("theme", G::kApp, Names(kThemeCount, [](int i) { return ThemeName(static_cast<Theme>(i)); }),
                            "colours and sizes; projector: high contrast, large text and thick lines for a lecture hall "
                            "(the page starts light or dark as the browser prefers)",
                            [](Settings& s) -> Theme& { return s.app.theme; }));
  r.push_back(Choice<Locale>("locale", G::kApp, Names(kLocaleCount, [](int i) { return LocaleName(static_cast<Locale>(i)); }),
                             "the app's language: English, Korean (한국어), or pseudo, every string longer and accented to show "
                             "where a layout clips (the page starts in the browser's language, the desktop app in LANG's)",
                             [](Settings& s) -> Locale& { return s.app.locale; }));
  r.push_back(Choice<bool>("terms", G::kApp, {"0", "1"},
                           "1: in Korean, each term of the glossary is followed by its English term, as the lecture writes "
                           "them: 학습률(learning rate)",
                           [](Settings& s) -> bool& { return s.app.terms; }));
  r.push_back(LessonRow());
  r.push_back(NameSet("hide", G::kApp, kHideableParts, "for exercises: tabs and Train panels to hide",
                      [](Settings& s) -> std::string& { return s.app.hide; }));
  r.push_back(NameSet("lock", G::kApp, kLockableParts, "for exercises: controls to show read-only",
                      [](Settings& s) -> std::string& { return s.app.lock; }));
  r.push_back(Choice<bool>("embed", G::kApp, {"0", "1"}, "1: embedded in another page (no menu or status bar; docs/embed.md)",
                           [](Settings& s) -> bool& { return s.app.embed; }));
  r.push_back(Text("start", G::kApp, "click, visible, now", "an embed loads the engine on a click, when scrolled into view, or at once",
                   [](Settings& s) -> std::string& { return s.app.start; }, CheckEmbedStart));
  r.back().type = "choice";
  r.push_back(Text("hosts", G::kApp, "origins, e.g. https://lms.example.edu", "origins besides the embedding page's that may drive an embed",
                   [](Settings& s) -> std::string& { return s.app.hosts; }, CheckHosts));
  r.push_back(Text("lesson_url", G::kApp, "an https:// address of a lesson file (or a path beside the page)",
                   "an instructor's lesson, listed after the built-in ones (docs/lessons.md)",
                   [](Settings& s) -> std::string& { return s.app.lesson_url; }, CheckLessonUrl));
  // ---- train: data
  r.push_back(DataRow());
  r.push_back(ClassesRow());
  r.push_back(WithAliases(Whole<int>("train-per-class", G::kTrain, 0, 5000, "CIFAR-10 training images per class (0 = all 5,000)",
                                     [](Settings& s) -> int& { return s.train.train_per_class; }, CheckPerClass),
                          {"per_class"}));
  r.push_back(Whole<int>("test", G::kTrain, 0, 10000, "CIFAR-10 test images in total (0 = all)",
                         [](Settings& s) -> int& { return s.train.test; }, CheckTest));
  r.push_back(Whole<int>("toy-classes", G::kTrain, data::kToyMinClasses, data::kToyMaxClasses, "toy data: number of classes",
                         [](Settings& s) -> int& { return s.train.toy_classes; }, CheckToyClasses));
  r.push_back(Whole<int>("toy-points", G::kTrain, 1, 100000, "toy data: training points per class",
                         [](Settings& s) -> int& { return s.train.toy_points; }, CheckToyPoints));
  r.push_back(Real("toy-noise", G::kTrain, 0, 1, "toy data: noise level", [](Settings& s) -> double& { return s.train.toy_noise; },
                   CheckToyNoise));
  // ---- train: model and training (the CLI's option names)
  r.push_back(Text("model", G::kTrain, "a model spec, e.g. linear, mlp:100 relu, " + std::string(kSmallCnnSpec),
                   "the model, in the model-spec language (README: Model specs)",
                   [](Settings& s) -> std::string& { return s.train.model; }, CheckSpec));
  r.push_back(Text("loss", G::kTrain, "softmax, svm", "the loss: softmax cross-entropy or the multiclass SVM",
                  [](Settings& s) -> std::string& { return s.train.loss; },
                  [](const std::string& v) { return v == "softmax" || v == "svm" ? Status() : Status::Error(tr("must be softmax or svm")); }));
  r.back().type = "choice";
  r.push_back(OptimizerRow());
  r.push_back(Real("lr", G::kTrain, 0, 1e6, "learning rate", [](Settings& s) -> double& { return s.train.lr; },
                   ConfigCheck<SetLr>, Ends::kAboveLo));
  r.push_back(Real("momentum", G::kTrain, 0, 1, "momentum and Nesterov's mu", [](Settings& s) -> double& { return s.train.momentum; },
                   ConfigCheck<SetMomentum>, Ends::kBelowHi));
  r.push_back(Real("rho", G::kTrain, 0, 1, "RMSProp's decay", [](Settings& s) -> double& { return s.train.rho; }, ConfigCheck<SetRho>, Ends::kBelowHi));
  r.push_back(Real("beta1", G::kTrain, 0, 1, "Adam's beta1", [](Settings& s) -> double& { return s.train.beta1; }, ConfigCheck<SetBeta1>, Ends::kBelowHi));
  r.push_back(Real("beta2", G::kTrain, 0, 1, "Adam's beta2", [](Settings& s) -> double& { return s.train.beta2; }, ConfigCheck<SetBeta2>, Ends::kBelowHi));
  r.push_back(Text("schedule", G::kTrain, "constant, step:30,60[:gamma=0.1], cosine, linear, invsqrt",
                   "learning-rate schedule over the epochs", [](Settings& s) -> std::string& { return s.train.schedule; }, CheckSchedule));
  r.push_back(Real("warmup", G::kTrain, 0, 1000, nn::kWarmupHelp,
                   [](Settings& s) -> double& { return s.train.warmup; }, ConfigCheck<SetWarmup>));
  r.push_back(Whole<int>("batch", G::kTrain, 0, 100000, "mini-batch size; 0 = full batch", [](Settings& s) -> int& { return s.train.batch; },
                         WholeConfigCheckBatch));
  r.push_back(Whole<int>("epochs", G::kTrain, 1, 100000, "passes over the training data", [](Settings& s) -> int& { return s.train.epochs; },
                         WholeConfigCheckEpochs));
  r.push_back(Text("reg", G::kTrain, "none, l2, l1, elastic", "regularization", [](Settings& s) -> std::string& { return s.train.reg; },
                   [](const std::string& v) {
                     auto kind = nn::ParseRegKind(v);
                     return kind ? Status() : Status::Error(kind.error());
                   }));
  r.back().type = "choice";
  r.push_back(Real("lambda", G::kTrain, 0, 1000, "regularization strength", [](Settings& s) -> double& { return s.train.lambda; },
                   ConfigCheck<SetLambda>));
  r.push_back(Real("beta", G::kTrain, 0, 1000, "elastic net's weight on the squared term", [](Settings& s) -> double& { return s.train.beta; },
                   ConfigCheck<SetBeta>));
  r.push_back(Text("augment", G::kTrain, "e.g. hflip,crop:4,mixup:0.2 (README)", "training-time augmentation",
                   [](Settings& s) -> std::string& { return s.train.augment; }, CheckAugment));
  r.push_back(Text("init", G::kTrain, "he, xavier", "weight initialisation", [](Settings& s) -> std::string& { return s.train.init; },
                   [](const std::string& v) { return v == "he" || v == "xavier" ? Status() : Status::Error(tr("must be he or xavier")); }));
  r.back().type = "choice";
  r.push_back(Whole<uint64_t>("seed", G::kTrain, 0, 2147483647, "random seed (weights, shuffling, augmentation, toy data)",
                              [](Settings& s) -> uint64_t& { return s.train.seed; }));
  r.push_back(Choice<TrainView>("view", G::kTrain, Names(kTrainViewCount, [](int i) { return TrainViewName(static_cast<TrainView>(i)); }),
                                "the view beside the set-up", [](Settings& s) -> TrainView& { return s.train.view; }));
  r.push_back(Choice<bool>("loss_scale", G::kTrain, {"linear", "log"}, "the loss plot's y axis",
                           [](Settings& s) -> bool& { return s.train.loss_log; }));
  r.push_back(Whole<int>("layer", G::kTrain, 0, 1000, "the layer whose fields the layer editor shows (1 = first; 0 = none)",
                         [](Settings& s) -> int& { return s.train.layer; }));
  r.push_back(Real("budget", G::kTrain, 1, 100, "milliseconds of training per frame, where training shares the page's thread",
                   [](Settings& s) -> double& { return s.train.budget_ms; }));
  r.push_back(Text("threads", G::kTrain, "auto, 0, 1, 2, 3, 4, 5, 6, 7, 8",
                   "threads that train, from the next start: auto (the cores less one, at most 8); 0 (none: training shares the "
                   "page's thread, between frames; also picks the page's build without threads); 1 to 8 (the same losses whatever the number; "
                   "in the page at most the cores less one)",
                   [](Settings& s) -> std::string& { return s.train.threads; },
                   [](const std::string& v) {
                     static const std::set<std::string> kAllowed = {"auto", "0", "1", "2", "3", "4", "5", "6", "7", "8"};
                     return kAllowed.count(v) ? Status() : Status::Error(tr("must be auto or a whole number from 0 to 8"));
                   }));
  r.back().type = "choice";
  r.push_back(Action("train", G::kTrain, {"1", "true", "play", "pause", "0", "resume", "step", "reset"},
                     "start training once the data is ready (1), go on or start (play), pause, resume, train one batch (step), or start over (reset)"));
  r.push_back(Action("bench", G::kTrain, {"linear", "mlp", "cnn"}, "benchmark mode: train that model for two epochs and report the second's images/s"));
  // ---- backprop
  r.push_back(ExampleRow());
  r.push_back(ExprRow());
  r.push_back(InputsRow());
  r.push_back(Whole<int>("bp_step", G::kBackprop, 0, 100000, "how many steps the stepper has taken (forward, then backward)",
                         [](Settings& s) -> int& { return s.backprop.step; }));
  r.push_back(Action("bp", G::kBackprop, {"step", "back", "forward", "end", "reset"},
                     "move the stepper: one step, one back, to the end of the forward pass, to the end, to the start", MoveStepper));
  r.push_back(Choice<BackpropMode>("bp_mode", G::kBackprop,
                                   Names(kBackpropModeCount, [](int i) { return BackpropModeName(static_cast<BackpropMode>(i)); }),
                                   "a computational graph, or one training iteration of an MLP or a conv layer",
                                   [](Settings& s) -> BackpropMode& { return s.backprop.mode; }));
  r.push_back(Choice<Answers>("bp_answers", G::kBackprop, {std::begin(kAnswersNames), std::end(kAnswersNames)},
                              "show every gradient before the stepper reaches it (auto: not while a lesson is open)",
                              [](Settings& s) -> Answers& { return s.backprop.answers; }));
  r.push_back(Whole<int>("bp_stage", G::kBackprop, 1, 100, "the stage of the training iteration (1 = the batch)",
                         [](Settings& s) -> int& { return s.backprop.stage; }));
  r.push_back(Real("bp_lr", G::kBackprop, 0, 10, "the training iteration's learning rate",
                   [](Settings& s) -> double& { return s.backprop.iteration_lr; }, nullptr, Ends::kAboveLo));
  // ---- calculators
  r.push_back(Choice<CalcSection>("calc", G::kCalculators,
                                  Names(kCalcSectionCount, [](int i) { return CalcSectionName(static_cast<CalcSection>(i)); }),
                                  "the calculator to show", [](Settings& s) -> CalcSection& { return s.calc.section; }));
  r.push_back(List<double, 3>("scores", G::kCalculators, -1000, 1000, "losses: the scores of cat, car and frog",
                              [](Settings& s) -> std::array<double, 3>& { return s.calc.scores; }));
  r.push_back(Choice<int>("label", G::kCalculators, {"cat", "car", "frog"}, "losses: the true class",
                          [](Settings& s) -> int& { return s.calc.label; }));
  r.push_back(Choice<CalcActivation>("activation", G::kCalculators,
                                     Names(kCalcActivationCount, [](int i) { return CalcActivationName(static_cast<CalcActivation>(i)); }),
                                     "activations: the function drawn", [](Settings& s) -> CalcActivation& { return s.calc.activation; }));
  r.push_back(Real("activation_param", G::kCalculators, 0, 2, "activations: Leaky ReLU's slope or ELU's alpha",
                   [](Settings& s) -> double& { return s.calc.activation_param; }));
  r.push_back(Whole<int>("conv_n", G::kCalculators, 1, 64, "conv: input size N", [](Settings& s) -> int& { return s.calc.conv_n; }));
  r.push_back(Whole<int>("conv_f", G::kCalculators, 1, 11, "conv: filter size F", [](Settings& s) -> int& { return s.calc.conv_f; }));
  r.push_back(Whole<int>("conv_p", G::kCalculators, 0, 5, "conv: zero padding P", [](Settings& s) -> int& { return s.calc.conv_p; }));
  r.push_back(Whole<int>("conv_s", G::kCalculators, 1, 5, "conv: stride S", [](Settings& s) -> int& { return s.calc.conv_s; }));
  r.push_back(Whole<int>("conv_c", G::kCalculators, 1, 64, "conv: input channels C", [](Settings& s) -> int& { return s.calc.conv_c; }));
  r.push_back(Whole<int>("conv_k", G::kCalculators, 1, 64, "conv: filters K", [](Settings& s) -> int& { return s.calc.conv_k; }));
  r.push_back(Whole<int>("conv_layers", G::kCalculators, 1, 10, "conv: stacked layers for the receptive field",
                         [](Settings& s) -> int& { return s.calc.conv_layers; }));
  r.push_back(List<int, 16>("pool", G::kCalculators, -99, 99, "pooling: the 4x4 grid, row by row",
                            [](Settings& s) -> std::array<int, 16>& { return s.calc.pool; }));
  r.push_back(Real("schedule_lr", G::kCalculators, 0, 10, "schedules: the initial rate", [](Settings& s) -> double& { return s.calc.schedule_lr; },
                   nullptr, Ends::kAboveLo));
  r.push_back(Whole<int>("schedule_epochs", G::kCalculators, 10, 300, "schedules: epochs T",
                         [](Settings& s) -> int& { return s.calc.schedule_epochs; }));
  r.push_back(Real("schedule_warmup", G::kCalculators, 0, 30, "schedules: warm-up epochs",
                   [](Settings& s) -> double& { return s.calc.schedule_warmup; }));
  r.push_back(List<double, 5>("weights", G::kCalculators, -3, 3, "regularization: the five weights",
                              [](Settings& s) -> std::array<double, 5>& { return s.calc.weights; }));
  r.push_back(Real("reg_lambda", G::kCalculators, 0, 1, "regularization: lambda", [](Settings& s) -> double& { return s.calc.reg_lambda; }));
  r.push_back(Real("reg_beta", G::kCalculators, 0, 2, "regularization: elastic net's beta", [](Settings& s) -> double& { return s.calc.reg_beta; }));
  r.push_back(Choice<nn::Surface>("surface", G::kCalculators, Names(3, SurfaceKey), "optimizers: the loss surface",
                                  [](Settings& s) -> nn::Surface& { return s.calc.surface; }));
  r.push_back(Real("race_lr", G::kCalculators, 0.01, 1, "optimizers: learning rate", [](Settings& s) -> double& { return s.calc.race_lr; }));
  r.push_back(Whole<int>("race_steps", G::kCalculators, 5, 200, "optimizers: steps", [](Settings& s) -> int& { return s.calc.race_steps; }));
  r.push_back(Real("race_noise", G::kCalculators, 0, 2, "optimizers: mini-batch noise (0 = full batch)",
                   [](Settings& s) -> double& { return s.calc.race_noise; }));
  return r;
}

}  // namespace

const std::vector<Entry>& Registry() {
  static const std::vector<Entry> registry = MakeRegistry();
  return registry;
}

const Entry* FindEntry(std::string_view key) {
  for (const Entry& e : Registry()) {
    if (e.key == key) return &e;
    for (const auto& alias : e.aliases)
      if (alias == key) return &e;
  }
  return nullptr;
}

const Entry& GetEntry(std::string_view key) {
  const Entry* e = FindEntry(key);
  if (!e) {
    std::fprintf(stderr, "settings: no setting '%.*s' in the registry\n", static_cast<int>(key.size()), key.data());
    std::abort();
  }
  return *e;
}

std::string DefaultValue(const Entry& entry) { return entry.is_action() ? "" : entry.get(Settings{}); }

Status Set(Settings& s, std::string_view key, const std::string& value) {
  const std::string k = Shown(key);
  if (const Entry* e = FindEntry(key)) {
    Settings changed = s;
    if (Status st = e->set(changed, value); !st) return Status::Error(k + ": " + st.message());  // the key as written, in any language
    s = std::move(changed);
    return Status();
  }
  // "v" opens every link (v=1, read by ApplyLink), so it cannot also be a variable's value.
  if (key == kLinkVersionKey) return Status::Error(tr("v: is a link's version (v=1); give a variable named v its value with inputs=v:4"));
  // An input of the Backprop tab's expression: x=-2.
  if (IsIdentifier(key)) {
    auto graph = ResolveBackprop(s.backprop);
    if (graph && std::any_of(graph->values.begin(), graph->values.end(), [&](const auto& v) { return v.first == key; })) {
      auto v = ParseReal(value);
      if (!v) return Status::Error(Fill(tr("{0}: must be a number (an input of {1})"), {k, graph->expression}));
      for (auto& [name, old] : graph->values)
        if (name == key) old = *v;
      s.backprop.inputs = FormatInputs(graph->values);
      return Status();
    }
  }
  return Status::Error(Fill(tr("{0}: unknown setting"), {k}));
}

Result<BackpropGraph> ResolveBackprop(const BackpropSettings& b) {
  using R = Result<BackpropGraph>;
  BackpropGraph out;
  const graph::Example* example = graph::FindExample(b.example);
  if (!example) return R::Error(Fill(tr("no example '{0}'"), {b.example}));
  out.expression = b.expr.empty() ? example->expression : b.expr;
  if (b.expr.empty()) out.labels = example->labels;
  auto parsed = graph::ParseExpression(out.expression);
  if (!parsed) return R::Error(parsed.error());
  auto overrides = ParseInputs(b.inputs);
  if (!overrides) return R::Error(overrides.error());
  for (int id : parsed->inputs()) {
    const std::string& name = parsed->node(id).label;
    double v = 1;
    if (b.expr.empty())
      for (const auto& [k, ex] : example->inputs)
        if (k == name) v = ex;
    for (const auto& [k, over] : *overrides)
      if (k == name) v = over;
    out.values.emplace_back(name, v);
  }
  return out;
}

std::string FormatInputs(const std::vector<std::pair<std::string, double>>& values) {
  std::string out;
  for (const auto& [name, v] : values) out += (out.empty() ? "" : ",") + name + ":" + FormatReal(v);
  return out;
}

}  // namespace gradlab::settings
