#include <catch2/catch.hpp>

#include "cli/args.h"
#include "cli/train_options.h"
#include "nn/model_spec.h"

using gradlab::cli::Args;
using gradlab::cli::OptionSpec;

static const std::vector<OptionSpec> kSpecs = {
    {"epochs", "N", "passes over the data", "10"},
    {"lr", "RATE", "learning rate", "0.01"},
    {"json", "", "JSON output", ""},
};

TEST_CASE("options take values in both spellings and defaults fill the rest", "[cli]") {
  Args a(kSpecs, {"--epochs", "3", "--lr=0.5", "model.bin", "--json"});
  REQUIRE(a.ok());
  CHECK(a.get_int("epochs", 1, 100) == 3);
  CHECK(a.get_double("lr") == Approx(0.5));
  CHECK(a.flag("json"));
  CHECK(a.positionals() == std::vector<std::string>{"model.bin"});

  Args d(kSpecs, {});
  CHECK(d.get_int("epochs", 1, 100) == 10);
  CHECK_FALSE(d.flag("json"));
}

TEST_CASE("bad command lines say what is wrong", "[cli]") {
  CHECK(Args(kSpecs, {"--epoch", "3"}).error() == "unknown option '--epoch'");
  CHECK(Args(kSpecs, {"--lr"}).error() == "option '--lr' needs a value (RATE)");
  CHECK(Args(kSpecs, {"--json=yes"}).error() == "option '--json' takes no value");
  CHECK(Args(kSpecs, {"-x"}).error().find("unknown option '-x'") == 0);

  Args range(kSpecs, {"--epochs", "0"});
  range.get_int("epochs", 1, 100);
  CHECK(range.error() == "--epochs must be a whole number from 1 to 100, not '0'");

  Args junk(kSpecs, {"--lr", "fast"});
  junk.get_double("lr");
  CHECK(junk.error() == "--lr must be a finite number, not 'fast'");
}

TEST_CASE("negative numbers are values, not options", "[cli]") {
  Args a(kSpecs, {"--lr", "-0.5", "-3"});
  REQUIRE(a.ok());
  CHECK(a.get_double("lr") == Approx(-0.5));
  CHECK(a.positionals() == std::vector<std::string>{"-3"});
}

TEST_CASE("Finding 8: inf, nan and overflowing numbers are refused for every number option", "[cli][hostile]") {
  for (const char* text : {"inf", "-inf", "nan", "1e999", "-1e400", "infinity"}) {
    Args a(kSpecs, {"--lr", text});
    a.get_double("lr");
    CHECK(a.error() == std::string("--lr must be a finite number, not '") + text + "'");
  }
  Args tiny(kSpecs, {"--lr", "1e-310"});  // a denormal is still a number
  CHECK(tiny.get_double("lr") > 0);
  CHECK(tiny.ok());
}

TEST_CASE("Finding 10: '--' ends the options; what follows is positional", "[cli][hostile]") {
  Args a(kSpecs, {"--json", "--", "--epochs", "-x*2"});
  REQUIRE(a.ok());
  CHECK(a.flag("json"));
  CHECK_FALSE(a.has("epochs"));
  CHECK(a.positionals() == std::vector<std::string>{"--epochs", "-x*2"});
}

TEST_CASE("Finding 9: --dropout adds a word the spec parser reads back, however small", "[cli][hostile]") {
  CHECK(gradlab::cli::AddDropoutToSpec("mlp:100", 0.00001) == "mlp:100 dropout0.00001");
  CHECK(gradlab::cli::AddDropoutToSpec("fc50 relu fc", 0.5) == "fc50 relu dropout0.5 fc");
  auto layers = gradlab::nn::ParseModelSpec(gradlab::cli::AddDropoutToSpec("mlp:100", 0.00001));
  REQUIRE(layers.ok());
  CHECK((*layers)[2].value == Approx(0.00001));
}
