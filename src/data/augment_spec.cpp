// The text form of AugmentConfig (ParseAugmentSpec, FormatAugmentSpec): the grammar is documented
// in augment.h. This file only converts between text and AugmentConfig; it applies nothing.
#include "data/augment.h"
#include "i18n/translate.h"  // N_: the help is translated where the app shows it; tr: the messages

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace gradlab::data {
namespace {

using Param = AugmentParam;
using Item = AugmentItem;

}  // namespace

// The table Parse, Format and the UI's editor walk, pointing into `c`. Its order is the
// canonical one, the order AugmentImage applies them in.
std::vector<AugmentItem> AugmentItems(AugmentConfig& c) {
  return {
      {"rcrop", "rcrop[:scale_min[:scale_max[:ratio_min[:ratio_max]]]]",
       N_("random resized crop: area share and aspect ratio (w/h) ranges"), &c.rcrop.on,
       {{"scale_min", &c.rcrop.scale_min, nullptr, 0.01, 1},
        {"scale_max", &c.rcrop.scale_max, nullptr, 0.01, 1},
        {"ratio_min", &c.rcrop.ratio_min, nullptr, 0.1, 10},
        {"ratio_max", &c.rcrop.ratio_max, nullptr, 0.1, 10}}},
      {"crop", "crop[:padding]", N_("zero-pad by padding px, random window of the original size"), &c.crop.on,
       {{"padding", nullptr, &c.crop.padding, 0, 32}}},
      {"hflip", "hflip[:p]", N_("mirror left-right with probability p"), &c.hflip.on,
       {{"p", &c.hflip.p, nullptr, 0, 1}}},
      {"rot90", "rot90[:p]", N_("with probability p turn by 90, 180 or 270 degrees"), &c.rot90.on,
       {{"p", &c.rot90.p, nullptr, 0, 1}}},
      {"jitter", "jitter[:s|:b:c:s]", N_("colour jitter: brightness, contrast, saturation strengths"), &c.jitter.on,
       {{"brightness", &c.jitter.brightness, nullptr, 0, 1},
        {"contrast", &c.jitter.contrast, nullptr, 0, 1},
        {"saturation", &c.jitter.saturation, nullptr, 0, 1}}},
      {"grey", "grey[:p]", N_("colour drop: greyscale with probability p"), &c.grey.on,
       {{"p", &c.grey.p, nullptr, 0, 1}}},
      {"blur", "blur[:p[:sigma_min[:sigma_max]]]", N_("Gaussian blur with probability p, sigma in px"), &c.blur.on,
       {{"p", &c.blur.p, nullptr, 0, 1},
        {"sigma_min", &c.blur.sigma_min, nullptr, 0, 10},
        {"sigma_max", &c.blur.sigma_max, nullptr, 0, 10}}},
      {"sobel", "sobel[:p]", N_("Sobel edge map with probability p"), &c.sobel.on, {{"p", &c.sobel.p, nullptr, 0, 1}}},
      {"noise", "noise[:sigma]", N_("Gaussian noise of std sigma (pixels in [0, 1])"), &c.noise.on,
       {{"sigma", &c.noise.sigma, nullptr, 0, 1}}},
      {"cutout", "cutout[:size[:count]]", N_("count black squares of size x size px"), &c.cutout.on,
       {{"size", nullptr, &c.cutout.size, 1, 64}, {"count", nullptr, &c.cutout.count, 1, 16}}},
      {"mixup", "mixup[:alpha]", N_("mixup of pairs, lambda ~ Beta(alpha, alpha)"), &c.mixup.on,
       {{"alpha", &c.mixup.alpha, nullptr, 0.01, 100}}},
      {"cutmix", "cutmix[:alpha]", N_("CutMix of pairs (images only), lambda ~ Beta(alpha, alpha)"), &c.cutmix.on,
       {{"alpha", &c.cutmix.alpha, nullptr, 0.01, 100}}},
  };
}

namespace {

// The shortest text that reads back as exactly v ("0.2", not "0.20000000000000001").
// Starts at the number of integer digits so that 100 is "100", not "1e+02".
std::string FormatNumber(double v) {
  char buf[32];
  const int digits = std::fabs(v) >= 1.0 ? static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1 : 1;
  for (int precision = std::clamp(digits, 1, 17); precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string FormatValue(const Param& p) { return p.real ? FormatNumber(*p.real) : std::to_string(*p.whole); }

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return parts;
    start = at + 1;
  }
}

std::string ValidItems(std::vector<Item>& items) {
  std::string out;
  for (const Item& it : items) out += (out.empty() ? "" : ", ") + std::string(it.usage);
  return out;
}

std::string OutOfRange(const Param& p, const std::string& text) {
  return Fill(tr("{0} must be {1} to {2}, got {3}"), {p.name, FormatNumber(p.lo), FormatNumber(p.hi), text});
}

// Reads one value into p; on failure returns the problem ("p must be 0 to 1, got 1.5").
std::string ReadValue(const std::string& text, const Param& p) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  if (p.whole) {
    long v = std::strtol(begin, &end, 10);
    if (text.empty() || end != begin + text.size() || errno != 0) {  // all of it, NUL bytes included
      return Fill(tr("{0} must be a whole number, got '{1}'"), {p.name, text});
    }
    if (v < p.lo || v > p.hi) return OutOfRange(p, text);
    *p.whole = static_cast<int>(v);
    return "";
  }
  double v = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || errno != 0 || !std::isfinite(v)) {
    return Fill(tr("{0} must be a number, got '{1}'"), {p.name, text});
  }
  if (v < p.lo || v > p.hi) return OutOfRange(p, text);
  *p.real = v;
  return "";
}

// Checks that a lower bound does not exceed its upper bound.
std::string CheckOrder(const char* lo_name, double lo, const char* hi_name, double hi) {
  if (lo <= hi) return "";
  return Fill(tr("{0} ({1}) must not exceed {2} ({3})"), {lo_name, FormatNumber(lo), hi_name, FormatNumber(hi)});
}

}  // namespace

Result<AugmentConfig> ParseAugmentSpec(const std::string& spec) {
  using R = Result<AugmentConfig>;
  AugmentConfig config;
  const std::string trimmed = Trim(spec);
  if (trimmed.empty() || trimmed == "none") return config;
  std::vector<Item> items = AugmentItems(config);

  for (const std::string& raw : Split(trimmed, ',')) {
    const std::string token = Trim(raw);
    if (token.empty()) return R::Error(Fill(tr("empty item in augmentation spec '{0}'"), {spec}));
    std::vector<std::string> parts = Split(token, ':');
    std::string name = Trim(parts[0]);
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name == "gray") name = "grey";
    Item* item = nullptr;
    for (Item& it : items) {
      if (name == it.name) item = &it;
    }
    if (!item) {
      return R::Error(Fill(tr("unknown augmentation '{0}'; valid items: {1} (or 'none' alone)"), {parts[0], ValidItems(items)}));
    }
    const auto in_item = [&](const std::string& problem) { return R::Error(Fill(tr("augmentation '{0}': {1}"), {token, problem})); };
    if (*item->on) return R::Error(Fill(tr("augmentation '{0}' is listed twice"), {name}));
    *item->on = true;

    std::vector<std::string> values;
    for (size_t i = 1; i < parts.size(); ++i) values.push_back(Trim(parts[i]));
    if (values.size() > item->params.size()) {
      return in_item(Fill(tr("too many values ({0}); the form is {1}"), {std::to_string(values.size()), item->usage}));
    }
    if (name == "jitter" && values.size() == 2) {
      return in_item(tr("give one strength for all three, or three (brightness:contrast:saturation)"));
    }
    for (size_t i = 0; i < values.size(); ++i) {
      if (std::string problem = ReadValue(values[i], item->params[i]); !problem.empty()) {
        return in_item(problem);
      }
    }
    if (name == "jitter" && values.size() == 1) {
      config.jitter.contrast = config.jitter.saturation = config.jitter.brightness;
    }
    std::string problem;
    if (name == "rcrop") {
      problem = CheckOrder("scale_min", config.rcrop.scale_min, "scale_max", config.rcrop.scale_max);
      if (problem.empty()) {
        problem = CheckOrder("ratio_min", config.rcrop.ratio_min, "ratio_max", config.rcrop.ratio_max);
      }
    }
    if (name == "blur") problem = CheckOrder("sigma_min", config.blur.sigma_min, "sigma_max", config.blur.sigma_max);
    if (!problem.empty()) return in_item(problem);
  }
  return config;
}

std::string FormatAugmentSpec(const AugmentConfig& config) {
  AugmentConfig copy = config, defaults;  // AugmentItems() points into a config it may write to
  std::vector<Item> items = AugmentItems(copy), default_items = AugmentItems(defaults);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (!*it.on) continue;
    out += (out.empty() ? "" : ",") + std::string(it.name);
    const std::vector<Param>& ps = it.params;
    if (it.name == std::string("jitter") && *ps[0].real == *ps[1].real && *ps[1].real == *ps[2].real) {
      if (*ps[0].real != *default_items[i].params[0].real) out += ":" + FormatValue(ps[0]);
      continue;
    }
    // Values up to the last one that differs from its default.
    size_t last = 0;
    for (size_t p = 0; p < ps.size(); ++p) {
      if (FormatValue(ps[p]) != FormatValue(default_items[i].params[p])) last = p + 1;
    }
    if (it.name == std::string("jitter") && last > 0) last = 3;  // jitter takes 1 or 3 values
    for (size_t p = 0; p < last; ++p) out += ":" + FormatValue(ps[p]);
  }
  return out.empty() ? "none" : out;
}

std::string AugmentSpecHelp() {
  AugmentConfig defaults;
  std::string out;
  for (const Item& it : AugmentItems(defaults)) {
    std::string line = "  " + std::string(it.usage);
    line.resize(std::max<size_t>(line.size() + 2, 58), ' ');
    line += it.help + std::string(" (default ");
    for (size_t p = 0; p < it.params.size(); ++p) {
      if (it.name == std::string("jitter") && p > 0) break;
      char value[32];  // 4 digits are plenty for reading ("1.333"); specs themselves keep all
      std::snprintf(value, sizeof value, "%.4g", it.params[p].real ? *it.params[p].real : *it.params[p].whole);
      line += (p ? ":" : "") + std::string(value);
    }
    out += line + ")\n";
  }
  return out;
}

}  // namespace gradlab::data
