// A translation catalogue: English text to the text of one language, read from gettext's
// compiled .mo file (msgfmt makes it from po/<locale>.po at build time; po/README.md).
//
// Read by hand: glibc's libintl reads .mo files natively but does not exist in WebAssembly, and
// both builds must translate alike. The format is small: a header and two tables of (length,
// offset) pairs, original strings and their translations (GNU gettext manual, "The Format of
// GNU MO Files").
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace gradlab::i18n {

class Catalog {
 public:
  // `what` names the file in messages ("ko.mo").
  static Result<Catalog> FromMo(std::span<const uint8_t> bytes, const std::string& what);

  // The translation of `english`, or nullptr when the catalogue has none (an empty msgstr,
  // a fuzzy entry msgfmt left out, or a string added since).
  const std::string* Find(std::string_view english) const;
  size_t size() const { return entries_.size(); }
  const std::unordered_map<std::string, std::string>& entries() const { return entries_; }

 private:
  std::unordered_map<std::string, std::string> entries_;
};

}  // namespace gradlab::i18n
