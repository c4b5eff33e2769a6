#include "i18n/translate.h"

#include <optional>
#include <unordered_map>

namespace gradlab::i18n {

namespace {

enum class Mode { kEnglish, kCatalog, kPseudo };

struct Language {
  Mode mode = Mode::kEnglish;
  std::optional<Catalog> catalog;
  // Texts made once per language and kept, so the pointers handed out stay valid (node-based maps).
  std::unordered_map<std::string, std::string> pseudo, labels;
};

Language& Current() {
  static Language language;
  return language;
}

void Reset(Mode mode, std::optional<Catalog> catalog) {
  Language& l = Current();
  l.mode = mode;
  l.catalog = std::move(catalog);
  l.pseudo.clear();
  l.labels.clear();
}

// The visible part of a label: what comes before "##".
std::string_view Visible(std::string_view label) { return label.substr(0, label.find("##")); }

}  // namespace

void SpeakEnglish() { Reset(Mode::kEnglish, std::nullopt); }
void Speak(Catalog catalog) { Reset(Mode::kCatalog, std::move(catalog)); }
void SpeakPseudo() { Reset(Mode::kPseudo, std::nullopt); }

const char* tr(const char* english) {
  Language& l = Current();
  switch (l.mode) {
    case Mode::kEnglish: return english;
    case Mode::kCatalog: {
      const std::string* found = l.catalog->Find(english);
      return found ? found->c_str() : english;
    }
    case Mode::kPseudo: {
      auto [it, added] = l.pseudo.try_emplace(english);
      if (added) it->second = Pseudo(english);
      return it->second.c_str();
    }
  }
  return english;
}

std::string tr(const std::string& english) { return tr(english.c_str()); }

const char* TrLabel(const char* label) {
  Language& l = Current();
  auto [it, added] = l.labels.try_emplace(label);
  if (added) {
    const std::string_view all(label), visible = Visible(all);
    const size_t id = all.find("###");
    std::string shown = visible.empty() ? std::string() : tr(std::string(visible));
    it->second = shown + (id == std::string_view::npos ? "###" + std::string(all) : std::string(all.substr(id)));
  }
  return it->second.c_str();
}

std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < values.size()) {
        out += values.begin()[n];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string Pseudo(std::string_view english) {
  // Latin-1 accents only: the UI font is loaded for Latin-1, Greek and maths.
  static const char* const kAccented[26] = {"á", "b", "ç", "d", "é", "f", "g", "h", "í", "j", "k", "l", "m",
                                            "ñ", "ö", "p", "q", "r", "s", "t", "ü", "v", "w", "x", "ý", "z"};
  static const char* const kAccentedUpper[26] = {"Å", "B", "Ç", "D", "É", "F", "G", "H", "Î", "J", "K", "L", "M",
                                                 "Ñ", "Ø", "P", "Q", "R", "S", "T", "Û", "V", "W", "X", "Ý", "Z"};
  std::string out = "[";
  size_t letters = 0;
  for (size_t i = 0; i < english.size(); ++i) {
    const char c = english[i];
    if (c == '%') {  // a printf conversion stays as it is: %d, %.3f, %%
      const size_t end = english.find_first_of("diouxXeEfFgGcsp%", i + 1);
      const size_t stop = end == std::string_view::npos ? english.size() : end + 1;
      out.append(english.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '{' && i + 2 < english.size() && english[i + 2] == '}') {  // a Fill() placeholder
      out.append(english.substr(i, 3));
      i += 2;
    } else if (c >= 'a' && c <= 'z') {
      out += kAccented[c - 'a'];
      ++letters;
    } else if (c >= 'A' && c <= 'Z') {
      out += kAccentedUpper[c - 'A'];
      ++letters;
    } else {
      out += c;
    }
  }
  out.append(letters / 3, '~');  // a third longer, as translations often are
  return out + "]";
}

}  // namespace gradlab::i18n
