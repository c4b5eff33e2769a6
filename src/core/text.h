// Numbers as students read them in messages.
#pragma once
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

}  // namespace gradlab
