// The text form of augmentation settings: reading, writing, round trips and messages.
#include <catch2/catch.hpp>

#include "data/augment.h"

using namespace gradlab;
using namespace gradlab::data;

TEST_CASE("augmentation specs read into the config", "[data]") {
  auto c = ParseAugmentSpec("hflip,crop:4,jitter:0.4:0.3:0.2,cutout:8,mixup:0.2");
  REQUIRE(c);
  CHECK(c->hflip.on);
  CHECK(c->hflip.p == 0.5);
  CHECK(c->crop.on);
  CHECK(c->crop.padding == 4);
  CHECK(c->jitter.on);
  CHECK(c->jitter.brightness == 0.4);
  CHECK(c->jitter.contrast == 0.3);
  CHECK(c->jitter.saturation == 0.2);
  CHECK(c->cutout.on);
  CHECK(c->cutout.size == 8);
  CHECK(c->cutout.count == 1);
  CHECK(c->mixup.on);
  CHECK(c->mixup.alpha == 0.2);
  CHECK_FALSE(c->rcrop.on);
  CHECK_FALSE(c->cutmix.on);

  auto all = ParseAugmentSpec(
      " HFLIP:0.3 , rcrop:0.2:0.9:0.5:2, jitter:0.1, gray:0.4, rot90:1, cutout:5:3, noise:0.1, blur:0.3:0.2:1.5,"
      "sobel:0.1, cutmix:0.5");
  REQUIRE(all);
  CHECK(all->hflip.p == 0.3);
  CHECK(all->rcrop.scale_min == 0.2);
  CHECK(all->rcrop.ratio_max == 2.0);
  CHECK(all->jitter.brightness == 0.1);  // one value sets all three
  CHECK(all->jitter.contrast == 0.1);
  CHECK(all->jitter.saturation == 0.1);
  CHECK(all->grey.on);
  CHECK(all->grey.p == 0.4);
  CHECK(all->rot90.p == 1.0);
  CHECK(all->cutout.count == 3);
  CHECK(all->noise.sigma == 0.1);
  CHECK(all->blur.sigma_max == 1.5);
  CHECK(all->sobel.p == 0.1);
  CHECK(all->cutmix.alpha == 0.5);

  for (const char* off : {"", "none", "  none "}) {
    auto none = ParseAugmentSpec(off);
    REQUIRE(none);
    CHECK_FALSE(none->any());
  }
}

TEST_CASE("augmentation specs round-trip through the canonical text", "[data]") {
  CHECK(FormatAugmentSpec(AugmentConfig()) == "none");
  const char* canonical[] = {
      "hflip",
      "crop,hflip,jitter:0.4:0.3:0.2,cutout,mixup",
      ("rcrop:0.2:0.9:0.5:2,crop:2,hflip:0.3,rot90:1,jitter:0.1,grey:0.4,blur:0.3:0.2:1.5,sobel:0.1,noise:0.1,"
       "cutout:5:3,mixup:0.4,cutmix:0.5"),
      "rcrop:0.5",            // trailing defaults are left out
      "blur:0.5:0.3",
      "cutout:8:2",           // a default before a non-default value stays
  };
  for (const char* text : canonical) {
    INFO(text);
    auto c = ParseAugmentSpec(text);
    REQUIRE(c);
    CHECK(FormatAugmentSpec(*c) == text);
    auto again = ParseAugmentSpec(FormatAugmentSpec(*c));
    REQUIRE(again);
    CHECK(*again == *c);
  }
  // Non-canonical text comes back in canonical form: the order of application, defaults dropped.
  auto c = ParseAugmentSpec("mixup:0.2, hflip:0.5, crop:4, jitter:0.4:0.4:0.4, gray");
  REQUIRE(c);
  CHECK(FormatAugmentSpec(*c) == "crop,hflip,jitter,grey,mixup");

  // Any values survive the trip exactly, including ones without a short decimal form.
  AugmentConfig odd;
  odd.noise = {true, 1.0 / 3.0};
  odd.rcrop = {true, 0.1, 0.7, 0.6, 1.0 / 0.6};
  odd.jitter = {true, 0.1, 0.2, 0.1};
  odd.mixup = {true, 100.0};
  CHECK(FormatAugmentSpec(odd).find("mixup:100") != std::string::npos);
  auto back = ParseAugmentSpec(FormatAugmentSpec(odd));
  REQUIRE(back);
  CHECK(*back == odd);
}

TEST_CASE("bad augmentation specs name the bad item", "[data]") {
  auto error = [](const std::string& spec) {
    auto r = ParseAugmentSpec(spec);
    return r ? std::string("(parsed)") : r.error();
  };
  CHECK(error("hflip,flip") ==
        "unknown augmentation 'flip'; valid items: rcrop[:scale_min[:scale_max[:ratio_min[:ratio_max]]]], "
        "crop[:padding], hflip[:p], rot90[:p], jitter[:s|:b:c:s], grey[:p], blur[:p[:sigma_min[:sigma_max]]], "
        "sobel[:p], noise[:sigma], cutout[:size[:count]], mixup[:alpha], cutmix[:alpha] (or 'none' alone)");
  CHECK(error("hflip:1.5") == "augmentation 'hflip:1.5': p must be 0 to 1, got 1.5");
  CHECK(error("crop:x") == "augmentation 'crop:x': padding must be a whole number, got 'x'");
  CHECK(error("crop:2.5") == "augmentation 'crop:2.5': padding must be a whole number, got '2.5'");
  CHECK(error("noise:abc") == "augmentation 'noise:abc': sigma must be a number, got 'abc'");
  CHECK(error("hflip:") == "augmentation 'hflip:': p must be a number, got ''");
  CHECK(error("hflip:0.5:2") == "augmentation 'hflip:0.5:2': too many values (2); the form is hflip[:p]");
  CHECK(error("jitter:0.1:0.2") ==
        "augmentation 'jitter:0.1:0.2': give one strength for all three, or three (brightness:contrast:saturation)");
  CHECK(error("rcrop:0.9:0.5") == "augmentation 'rcrop:0.9:0.5': scale_min (0.9) must not exceed scale_max (0.5)");
  CHECK(error("blur:1:3:2") == "augmentation 'blur:1:3:2': sigma_min (3) must not exceed sigma_max (2)");
  CHECK(error("mixup:0") == "augmentation 'mixup:0': alpha must be 0.01 to 100, got 0");
  CHECK(error("hflip,crop,hflip:0.2") == "augmentation 'hflip' is listed twice");
  CHECK(error("hflip,,crop") == "empty item in augmentation spec 'hflip,,crop'");
  CHECK(error("none,hflip").find("unknown augmentation 'none'") == 0);
}

TEST_CASE("the augmentation help lists every item with its defaults", "[data]") {
  const std::string help = AugmentSpecHelp();
  for (const char* item : {"hflip[:p]", "crop[:padding]", "rcrop[:", "jitter[:", "grey[:p]", "rot90[:p]",
                           "cutout[:size[:count]]", "noise[:sigma]", "blur[:", "sobel[:p]", "mixup[:alpha]",
                           "cutmix[:alpha]"}) {
    CHECK(help.find(item) != std::string::npos);
  }
  CHECK(help.find("(default 0.08:1:0.75:1.333)") != std::string::npos);
}
