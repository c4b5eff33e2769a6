// Numbers as students read them in messages.
#pragma once
#include <cstdint>
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

}  // namespace gradlab
