// Numbers as students read them in messages.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace gradlab {

// 30730000 -> "30,730,000".
inline std::string WithCommas(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// printf-style formatting of one number, into a string as long as it needs: a fixed buffer
// once cut a stage text off mid-sentence.
inline std::string Formatted(const char* format, double v) {
  const int n = std::snprintf(nullptr, 0, format, v);
  if (n <= 0) return "";
  std::string s(static_cast<size_t>(n), '\0');
  std::snprintf(s.data(), s.size() + 1, format, v);
  return s;
}

// A probability with `decimals` decimals, or two significant digits below 10^-decimals: the
// lecture's frog is 0.0021, not 0.00. FormatPercent does the same for 100 p ("0.21%").
inline std::string FormatProbability(double p, int decimals = 2) {
  const std::string digits = "%." + std::to_string(decimals) + "f";
  return p != 0 && p < std::pow(10.0, -decimals) ? Formatted("%.2g", p) : Formatted(digits.c_str(), p);
}

inline std::string FormatPercent(double p, int decimals = 0) { return FormatProbability(100 * p, decimals) + "%"; }

}  // namespace gradlab
