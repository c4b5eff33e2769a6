#include <catch2/catch.hpp>

#include "cli/args.h"

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
  CHECK(junk.error() == "--lr must be a number, not 'fast'");
}

TEST_CASE("negative numbers are values, not options", "[cli]") {
  Args a(kSpecs, {"--lr", "-0.5", "-3"});
  REQUIRE(a.ok());
  CHECK(a.get_double("lr") == Approx(-0.5));
  CHECK(a.positionals() == std::vector<std::string>{"-3"});
}
