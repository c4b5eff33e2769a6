#include "i18n/translate.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace gradlab::i18n {

namespace {

enum class Mode { kEnglish, kCatalog, kPseudo };

struct Language {
  Mode mode = Mode::kEnglish;
  std::string code = "en";
  std::optional<Catalog> catalog;
  std::vector<std::pair<std::string, std::string>> glossary;  // (Korean, English), longest first
  bool terms = false;
  int generation = 0;  // LanguageGeneration()
  // Texts made once per language and kept, so the pointers handed out stay valid (node-based maps).
  std::unordered_map<std::string, std::string> pseudo, glossed, labels;
};

Language& Current() {
  static Language language;
  return language;
}

void Reset(Mode mode, std::optional<Catalog> catalog, std::string code) {
  Language& l = Current();
  l.mode = mode;
  l.code = std::move(code);
  l.catalog = std::move(catalog);
  ++l.generation;
  l.pseudo.clear();
  l.glossed.clear();
  l.labels.clear();
}

// Whether the UTF-8 text just before `at` ends with a Hangul syllable (U+AC00 to U+D7A3): a term
// starts a word only after something else (a space, a bracket, the start).
bool HangulBefore(std::string_view text, size_t at) {
  if (at < 3) return false;
  const auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if ((b(at - 3) & 0xF0) != 0xE0) return false;
  const unsigned c = (b(at - 3) & 0x0F) << 12 | (b(at - 2) & 0x3F) << 6 | (b(at - 1) & 0x3F);
  return c >= 0xAC00 && c <= 0xD7A3;
}

// The visible part of a label: what comes before "##".
std::string_view Visible(std::string_view label) { return label.substr(0, label.find("##")); }

}  // namespace

void SpeakEnglish() { Reset(Mode::kEnglish, std::nullopt, "en"); }
void Speak(Catalog catalog, std::string language) { Reset(Mode::kCatalog, std::move(catalog), std::move(language)); }
void SpeakPseudo() { Reset(Mode::kPseudo, std::nullopt, "pseudo"); }

const std::string& SpokenLanguage() { return Current().code; }
int LanguageGeneration() { return Current().generation; }

void SetGlossary(std::vector<std::pair<std::string, std::string>> glossary) {
  Current().glossary = std::move(glossary);
  Current().glossed.clear();
}

void ShowTerms(bool on) {
  Current().terms = on;
  ++Current().generation;
  Current().glossed.clear();
  Current().labels.clear();
}

std::string Glossed(std::string_view text) {
  // Each term where it first starts a word and no longer term (tried first) covers it.
  std::vector<std::pair<size_t, size_t>> taken;           // [start, end) of the terms glossed
  std::vector<std::pair<size_t, const std::string*>> at;  // where each gloss goes
  for (const auto& [korean, english] : Current().glossary) {
    for (size_t start = text.find(korean); start != std::string_view::npos; start = text.find(korean, start + 1)) {
      const size_t end = start + korean.size();
      const bool covered = std::any_of(taken.begin(), taken.end(), [&](auto t) { return start < t.second && end > t.first; });
      if (covered || HangulBefore(text, start)) continue;  // inside a longer word: 층 in 은닉층
      taken.emplace_back(start, end);
      at.emplace_back(end, &english);
      break;  // the first time only
    }
  }
  std::sort(at.begin(), at.end());
  std::string out;
  size_t from = 0;
  for (const auto& [end, english] : at) {
    out.append(text.substr(from, end - from)).append("(").append(*english).append(")");
    from = end;
  }
  return out.append(text.substr(from));
}

std::string InSpokenLanguage(const std::string& english, const std::string& translated) {
  const Language& l = Current();
  if (l.mode == Mode::kPseudo) return Pseudo(english);
  if (l.mode != Mode::kCatalog || translated.empty()) return english;
  if (!l.terms) return translated;
  auto [it, added] = Current().glossed.try_emplace(translated);  // a lesson's text is drawn every frame
  if (added) it->second = Glossed(translated);
  return it->second;
}

const char* tr(const char* english) {
  Language& l = Current();
  switch (l.mode) {
    case Mode::kEnglish: return english;
    case Mode::kCatalog: {
      const std::string* found = l.catalog->Find(english);
      if (!found || !l.terms) return found ? found->c_str() : english;
      auto [it, added] = l.glossed.try_emplace(*found);
      if (added) it->second = Glossed(*found);
      return it->second.c_str();
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
  return Fill(pattern, std::vector<std::string_view>(values));
}

std::string Fill(std::string_view pattern, const std::vector<std::string_view>& values) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < values.size()) {
        out += values[n];
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
