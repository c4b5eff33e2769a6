#include "i18n/catalog.h"

namespace gradlab::i18n {

namespace {

constexpr uint32_t kMagic = 0x950412de;  // as written on the machine that made it; swapped: big-endian

struct Reader {
  std::span<const uint8_t> bytes;
  bool swapped = false;
  uint32_t Word(size_t at) const {
    const uint32_t w = uint32_t(bytes[at]) | uint32_t(bytes[at + 1]) << 8 | uint32_t(bytes[at + 2]) << 16 | uint32_t(bytes[at + 3]) << 24;
    return swapped ? __builtin_bswap32(w) : w;
  }
  bool Has(uint64_t at, uint64_t size) const { return at + size <= bytes.size(); }
};

}  // namespace

Result<Catalog> Catalog::FromMo(std::span<const uint8_t> bytes, const std::string& what) {
  Reader r{bytes};
  if (!r.Has(0, 20)) return Result<Catalog>::Error(what + " is not a translation catalogue (too short)");
  if (r.Word(0) != kMagic) {
    r.swapped = true;
    if (r.Word(0) != kMagic) return Result<Catalog>::Error(what + " is not a translation catalogue (.mo file)");
  }
  if (r.Word(4) >> 16 != 0) return Result<Catalog>::Error(what + " has a catalogue format this Gradlab does not read");
  const uint32_t count = r.Word(8), originals = r.Word(12), translations = r.Word(16);
  if (!r.Has(originals, uint64_t(count) * 8) || !r.Has(translations, uint64_t(count) * 8))
    return Result<Catalog>::Error(what + " is cut short");
  Catalog catalog;
  auto text = [&](uint32_t table, uint32_t i, std::string* out) {
    const uint32_t length = r.Word(table + 8 * i), offset = r.Word(table + 8 * i + 4);
    if (!r.Has(offset, uint64_t(length) + 1)) return false;  // each string ends with a NUL
    out->assign(reinterpret_cast<const char*>(bytes.data()) + offset, length);
    return true;
  };
  for (uint32_t i = 0; i < count; ++i) {
    std::string english, translated;
    if (!text(originals, i, &english) || !text(translations, i, &translated)) return Result<Catalog>::Error(what + " is cut short");
    // The header (empty msgid) and plural forms (english\0plural) are not looked up by text.
    if (english.empty() || english.find('\0') != std::string::npos || translated.empty()) continue;
    catalog.entries_.emplace(std::move(english), std::move(translated));
  }
  return catalog;
}

const std::string* Catalog::Find(std::string_view english) const {
  auto it = entries_.find(std::string(english));
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace gradlab::i18n
