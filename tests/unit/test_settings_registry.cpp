// The settings registry: every key reads back what was written (defaults, bounds, random valid
// values), refuses garbage with a message naming it, and links carry a whole set-up.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>

#include "graph/examples.h"
#include "settings/registry.h"
#include "settings/train_settings.h"

using namespace gradlab::settings;
using gradlab::Status;

namespace {

// Valid values for the rows whose values are free text: a few each, as an instructor writes them.
const std::map<std::string, std::vector<std::string>> kTextSamples = {
    {"classes", {"cat,dog", "airplane,automobile,bird,cat,deer,dog,frog,horse,ship,truck", "ship,truck"}},
    {"model", {"linear", "mlp:100,50 relu dropout0.3", kSmallCnnSpec, "conv8k3p1 bn relu pool2 fc"}},
    {"loss", {"softmax", "svm"}},
    {"schedule", {"constant", "step:30,60:gamma=0.5", "cosine", "linear", "invsqrt"}},
    {"reg", {"none", "l2", "l1", "elastic"}},
    {"augment", {"", "hflip", "hflip,crop:4,mixup:0.2"}},
    {"init", {"he", "xavier"}},
    {"expr", {"", "f = (x + y) * z", "sigmoid(w0*x0 + w1*x1 + w2)"}},
    {"inputs", {"", "x:-2,y:5", "z:0.25"}},
    {"lesson", {"", "1", "2.3"}},
    {"hide", {"", "data", "views,data,model", "backprop,lessons"}},
    {"lock", {"", "training", "graph,data,calculator"}},
    {"hosts", {"", "https://lms.example.edu", "http://127.0.0.1:8080,https://canvas.example.com"}},
    {"lesson_url", {"", "https://course.example.edu/lessons/week3.json", "lessons/mine.json?v=2"}},
};

// Values of the right type for one row, spread over its range.
std::vector<std::string> ValidValues(const Entry& e, std::mt19937& rng) {
  if (auto samples = kTextSamples.find(e.key); samples != kTextSamples.end()) return samples->second;
  if (e.type == "choice") {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= e.allowed.size()) {
      const size_t comma = e.allowed.find(", ", start);
      out.push_back(e.allowed.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 2;
    }
    return out;
  }
  std::vector<double> numbers;
  if (e.type == "whole number") {
    numbers = {e.lo, e.hi};
    std::uniform_int_distribution<long long> pick(static_cast<long long>(e.lo), static_cast<long long>(e.hi));
    for (int i = 0; i < 5; ++i) numbers.push_back(static_cast<double>(pick(rng)));
  } else {
    // An open end is approached, not reached.
    numbers = {e.lo_open ? e.lo + (e.hi - e.lo) * 1e-6 : e.lo, e.hi_open ? e.hi - (e.hi - e.lo) * 1e-6 : e.hi};
    std::uniform_real_distribution<double> pick(e.lo, e.hi);
    for (int i = 0; i < 5; ++i) numbers.push_back(pick(rng));
  }
  std::vector<std::string> out;
  for (double v : numbers) {
    if (e.type == "list") {
      const std::string example = e.get(Settings{});
      const size_t n = std::count(example.begin(), example.end(), ',') + 1;
      std::string text;
      for (size_t i = 0; i < n; ++i) text += (i ? "," : "") + std::to_string(static_cast<long long>(std::round(std::clamp(v, e.lo, e.hi))));
      out.push_back(text);
    } else if (e.type == "whole number") {
      out.push_back(std::to_string(static_cast<long long>(v)));
    } else {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v);
      out.push_back(buf);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every setting round-trips its default, its bounds and random valid values", "[settings]") {
  std::mt19937 rng(7);
  for (const Entry& e : Registry()) {
    INFO("key " << e.key);
    CHECK(!e.help.empty());
    CHECK(!e.allowed.empty());
    if (e.is_action()) continue;
    // The default written back changes nothing.
    Settings s;
    REQUIRE(Set(s, e.key, DefaultValue(e)));
    CHECK(s == Settings{});
    for (const std::string& value : ValidValues(e, rng)) {
      INFO("value " << value);
      Settings written;
      REQUIRE(Set(written, e.key, value));
      const std::string read = e.get(written);
      // value -> settings -> text -> settings: the same settings, and the same text again.
      Settings again;
      REQUIRE(Set(again, e.key, read));
      CHECK(again == written);
      CHECK(e.get(again) == read);
      if (e.type == "whole number" || e.type == "number") CHECK(std::stod(read) == std::stod(value));
    }
  }
}

TEST_CASE("Every setting refuses garbage with a message naming it, and keeps its value", "[settings]") {
  const std::vector<std::string> garbage = {"\x01\x02", "NaN", "inf", "1e400", "-1e400", std::string(3000, '9'),
                                            "<script>alert(1)</script>", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"};
  for (const Entry& e : Registry()) {
    INFO("key " << e.key);
    for (const std::string& value : garbage) {
      INFO("value " << value.substr(0, 40));
      Settings s;
      const Status st = Set(s, e.key, value);
      if (e.key == "expr" && st) continue;  // "NaN" and "inf" are fine names for a variable
      REQUIRE_FALSE(st.ok());
      CHECK(st.message().rfind(e.key + ": ", 0) == 0);
      CHECK(s == Settings{});
    }
    // Out of range, just past each end.
    if (e.type == "whole number" || e.type == "number") {
      Settings s;
      CHECK_FALSE(Set(s, e.key, std::to_string(e.hi + 1)));
      CHECK_FALSE(Set(s, e.key, std::to_string(e.lo - 1)));
      if (e.lo_open) CHECK_FALSE(Set(s, e.key, std::to_string(e.lo)));
      if (e.hi_open) CHECK_FALSE(Set(s, e.key, std::to_string(e.hi)));
      CHECK(s == Settings{});
    }
  }
  Settings s;
  CHECK(Set(s, "no_such_key", "1").message() == "no_such_key: unknown setting");
}

TEST_CASE("The registry's ranges are the engine's", "[settings]") {
  // Where the engine checks a training setting, the registry's bounds are inside what it takes.
  for (const char* key : {"lr", "momentum", "rho", "beta1", "beta2", "warmup", "batch", "epochs", "lambda", "beta"}) {
    INFO(key);
    const Entry& e = GetEntry(key);
    for (double v : {e.lo_open ? e.lo + 1e-9 : e.lo, e.hi_open ? e.hi - 1e-9 : e.hi}) {
      Settings s;
      char text[40];
      std::snprintf(text, sizeof text, "%.17g", v);
      REQUIRE(Set(s, key, text));
      CHECK(ToTrainConfig(s.train).ok());
    }
  }
  // Old link keys and the CLI's option names are the same settings.
  CHECK(FindEntry("per_class") == FindEntry("train-per-class"));
  for (const char* cli_option : {"model", "loss", "optimizer", "lr", "momentum", "rho", "beta1", "beta2", "schedule", "warmup",
                                 "batch", "epochs", "reg", "lambda", "beta", "augment", "init", "seed", "data", "classes",
                                 "train-per-class", "test", "toy-classes", "toy-points", "toy-noise"})
    CHECK(FindEntry(cli_option) != nullptr);
}

TEST_CASE("A new expression drops the inputs it has no variable for (found by the link fuzzer)", "[settings]") {
  Settings s;
  REQUIRE(Set(s, "x", "2"));  // the example's x (its y and z are kept beside it)
  CHECK(s.backprop.inputs == "x:2,y:5,z:-4");
  REQUIRE(Set(s, "expr", "f = x * w"));
  CHECK(s.backprop.inputs == "x:2");  // still a variable; y and z are not
  REQUIRE(Set(s, "expr", "cifar10"));
  CHECK(s.backprop.inputs.empty());
  Settings reopened;
  const LinkOutcome outcome = ApplyLink(reopened, ParseQuery("#" + FormatFragment(s)));
  CHECK(outcome.problems.empty());
  CHECK(reopened == s);
}

TEST_CASE("A misspelled class in a link keeps the other classes", "[settings]") {
  Settings s;
  const LinkOutcome outcome = ApplyLink(s, ParseQuery("#v=1&data=cifar10&classes=cat,dgo,ship"));
  REQUIRE(outcome.problems.size() == 1);
  CHECK(outcome.problems[0].find("dgo") != std::string::npos);
  CHECK(GetEntry("classes").get(s) == "cat,ship");
  Settings one;
  CHECK_FALSE(ApplyLink(one, ParseQuery("#v=1&classes=cat,dgo")).problems.empty());
  CHECK(one.train.classes == Settings{}.train.classes);  // one class left: not enough, the default stays
}

TEST_CASE("Embed hosts are origins, nothing else", "[settings]") {
  Settings s;
  for (const char* bad : {"lms.example.edu", "https://lms.example.edu/path", "javascript:alert(1)", "https://", "https://a b",
                          "https://x.edu:123456", "ftp://x.edu", "https://a.edu,,https://b.edu"}) {
    INFO(bad);
    CHECK_FALSE(Set(s, "hosts", bad));
  }
  CHECK(s.app.hosts.empty());
  CHECK(Set(s, "hosts", "https://moodle.example.edu,http://localhost:8000"));
  CHECK_FALSE(Set(s, "start", "later"));
  CHECK(Set(s, "embed", "1"));
  CHECK(s.app.embed);
}

TEST_CASE("An added lesson's address is an http(s) or relative address of a .json file", "[settings]") {
  Settings s;
  for (const char* bad : {"javascript:alert(1)//x.json", "data:application/json,{}.json", "file:///etc/x.json", "https://x.edu/lesson.txt",
                          "https://x.edu/a b.json", "lessons/<b>.json", "x.json\"onload=\"1"}) {
    INFO(bad);
    CHECK_FALSE(Set(s, "lesson_url", bad));
  }
  CHECK(s.app.lesson_url.empty());
  CHECK(Set(s, "lesson_url", "https://course.example.edu/week3.json#top"));
  CHECK(Set(s, "lesson_url", "mine.json"));
}

TEST_CASE("A link carries the whole set-up and reads back the same", "[settings]") {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 40; ++trial) {
    Settings s;
    // A random set-up: each row set to one of its valid values, in registry order.
    for (const Entry& e : Registry()) {
      if (e.is_action() || e.key == "lesson") continue;
      const auto values = ValidValues(e, rng);
      const std::string value = values[rng() % values.size()];
      if (e.key == "inputs" && !value.empty() && !Set(s, e.key, value)) continue;  // not a variable of this expression
      REQUIRE(Set(s, e.key, value));
    }
    const std::string fragment = FormatFragment(s);
    INFO(fragment);
    Settings opened;
    const LinkOutcome outcome = ApplyLink(opened, ParseQuery("#" + fragment));
    CHECK(outcome.problems.empty());
    CHECK(opened == s);
    CHECK(FormatFragment(opened) == fragment);
  }
  CHECK(FormatFragment(Settings{}) == "v=1");
}

TEST_CASE("A link opens a complete view and names its bad parts", "[settings]") {
  Settings s;
  REQUIRE(Set(s, "model", "mlp:32"));
  REQUIRE(Set(s, "example", "neuron"));
  REQUIRE(Set(s, "calc", "pooling"));
  // A backprop link resets the Backprop tab only; the Train tab's set-up stays.
  LinkOutcome out = ApplyLink(s, ParseQuery("?tab=backprop&expr=f+%3D+a+*+b&a=3&bp_mode=sideways&bogus=1&v=9"));
  CHECK(s.backprop.example == "add-mul");
  CHECK(s.backprop.expr == "f = a * b");
  CHECK(s.backprop.inputs == "a:3,b:1");
  CHECK(s.train.model == "mlp:32");  // untouched: not part of this link
  CHECK(s.calc.section == CalcSection::kPooling);
  CHECK(s.app.tab == Tab::kBackprop);
  REQUIRE(out.problems.size() == 3);
  CHECK(out.problems[0].find("v: this link is for Gradlab link version '9'") == 0);
  CHECK(out.problems[1] == "bp_mode: must be one of graph, mlp, conv");
  CHECK(out.problems[2] == "bogus: unknown setting");
  // A Train setting resets the Train tab, even when its value is refused.
  out = ApplyLink(s, ParseQuery("lr=abc"));
  CHECK(s.train.model == "linear");
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0] == "lr: must be a number above 0, up to 1000000");
  const std::string message = DescribeProblems(out.problems);
  CHECK(message.find("lr: must be") != std::string::npos);
  CHECK(message.find("The rest of the link applied.") != std::string::npos);
  // Actions come back for the app to carry out; bp moves the stepper within the settings.
  Settings t;
  out = ApplyLink(t, ParseQuery("example=add-mul&bp=forward&bp=step&train=1"));
  CHECK(out.problems.empty());
  auto add_mul = gradlab::graph::MakeExampleStepper(*gradlab::graph::FindExample("add-mul"));
  REQUIRE(add_mul.ok());
  CHECK(t.backprop.step == add_mul->forward_steps() + 1);  // the forward pass, then one step back
  REQUIRE(out.actions.size() == 3);
  CHECK(out.actions[2] == std::pair<std::string, std::string>{"train", "1"});
}

TEST_CASE("Hostile links leave working defaults and a message", "[settings]") {
  const std::vector<std::string> links = {
      "", "#", "&&&", "=", "v", "v=", "v=1&=1", "%", "%zz=1", "%00=%00", "tab=%E2%80%AE", std::string(70000, 'a'),
      "model=" + std::string(5000, 'x'), "data=toy:" + std::string(100, 's'), "classes=cat,cat,cat", "seed=-1",
      "lr=1e-400", "epochs=9999999999999999999999", "x=1&y=2&z=3", "bp=end&bp=end", "lesson=1.1.1", "inputs=x:,y:"};
  for (const std::string& link : links) {
    INFO(link.substr(0, 60));
    Settings s;
    const LinkOutcome out = ApplyLink(s, ParseQuery(link));
    for (const std::string& p : out.problems) CHECK(p.size() < 400);
    CHECK(DescribeProblems(out.problems).size() < 2000);
    CHECK(ToTrainConfig(s.train).ok());  // whatever was refused, what is left trains
  }
  Settings s;
  const LinkOutcome out = ApplyLink(s, ParseQuery("model=" + std::string(5000, 'x')));
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0] == "model: too long (5000 characters)");
}
