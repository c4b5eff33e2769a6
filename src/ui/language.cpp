#include "ui/language.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "i18n/translate.h"
#include "ui/app_state.h"
#include "lessons/lesson.h"
#include "ui/hook_items.h"
#include "ui/lessons_tab.h"
#include "ui/services.h"

namespace gradlab::ui {

using settings::Locale;

namespace {

constexpr const char* kKoreanCatalog = "assets/i18n/ko.mo";
constexpr const char* kKoreanFont = "assets/fonts/ko.otf";
constexpr const char* kKoreanTerms = "assets/i18n/ko-terms.tsv";

// Glyphs of the catalogue's and the lessons' Korean that the fonts lack (the build cuts the font
// to them, so 0 unless the build and the files disagree).
void CountMissingGlyphs(AppState& state) {
  LanguageUi& l = state.language;
  l.missing_glyphs = 0;
  l.missing_example.clear();
  const ImFont* font = ImGui::GetFont();
  auto check = [&](const std::string& text) {
    for (const char* p = text.c_str(); *p;) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, nullptr);
      if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) && l.missing_glyphs++ == 0) l.missing_example = text;
    }
  };
  if (l.catalog)
    for (const auto& [english, text] : l.catalog->entries()) check(text);
  for (const lessons::Lesson& lesson : LoadedLessons(state.lessons).lessons) {
    check(lesson.title_ko);
    check(lesson.summary_ko);
    for (const lessons::LessonStep& s : lesson.steps) {
      check(s.text_ko);
      check(s.highlight_ko);
      if (!s.question) continue;
      for (const std::string* t : {&s.question->prompt_ko, &s.question->hint_ko, &s.question->explanation_ko}) check(*t);
      for (const std::string& c : s.question->choices_ko) check(c);
    }
  }
}

// "학습률\tlearning rate" lines (po/glossary.py writes them).
std::vector<std::pair<std::string, std::string>> ParseTerms(const std::vector<uint8_t>& bytes) {
  std::vector<std::pair<std::string, std::string>> terms;
  std::string line;
  for (size_t i = 0; i <= bytes.size(); ++i) {
    if (i < bytes.size() && bytes[i] != '\n') {
      line += static_cast<char>(bytes[i]);
      continue;
    }
    if (const size_t tab = line.find('\t'); tab != std::string::npos && tab > 0 && tab + 1 < line.size())
      terms.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    line.clear();
  }
  return terms;
}

// Gives up on a language that could not be fetched: the app stays in the one it speaks.
void GiveUp(AppState& state, const std::string& why) {
  LanguageUi& l = state.language;
  l.fetching = false;
  l.catalog.reset();  // a damaged one is not kept: the next try fetches it again
  state.settings.app.locale = l.spoken;
  state.status_message = "Korean could not be loaded (" + why + "); Gradlab stays in English.";
}

void FetchKorean(AppState& state) {
  LanguageUi& l = state.language;
  l.fetching = true;
  // Each file once: switching back to Korean fetches nothing again.
  if (!l.catalog)
    services().FetchDataFile(kKoreanCatalog, [&state](Result<std::vector<uint8_t>> bytes) {
      if (!state.language.fetching) return;
      if (!bytes) return GiveUp(state, std::string(kKoreanCatalog) + ": " + bytes.error());
      auto catalog = i18n::Catalog::FromMo(*bytes, kKoreanCatalog);
      if (!catalog) return GiveUp(state, catalog.error());
      state.language.catalog = std::move(*catalog);
    });
  if (l.font_fetched) return;
  // The terms mode's table; without it the mode glosses nothing, and Korean works as before.
  services().FetchDataFile(kKoreanTerms, [](Result<std::vector<uint8_t>> bytes) {
    if (bytes) i18n::SetGlossary(ParseTerms(*bytes));
  });
  services().FetchDataFile(kKoreanFont, [&state](Result<std::vector<uint8_t>> bytes) {
    if (!state.language.fetching) return;
    if (!bytes || bytes->empty()) return GiveUp(state, std::string(kKoreanFont) + ": " + (bytes ? "empty" : bytes.error()));
    state.language.korean_font = std::move(*bytes);
    state.language.font_fetched = true;
    state.language.fonts_changed = true;
  });
}

}  // namespace

Locale LocaleFor(const std::string& preferred) { return preferred.rfind("ko", 0) == 0 ? Locale::kKo : Locale::kEn; }

void UpdateLanguage(AppState& state) {
  LanguageUi& l = state.language;
  if (state.settings.app.terms != l.terms_shown) {
    l.terms_shown = state.settings.app.terms;
    i18n::ShowTerms(l.terms_shown);
  }
  const Locale wanted = state.settings.app.locale;
  if (wanted == l.spoken) {
    l.fetching = false;  // a switch back before the fetch ended
    return;
  }
  switch (wanted) {
    case Locale::kEn: i18n::SpeakEnglish(); break;
    case Locale::kPseudo: i18n::SpeakPseudo(); break;
    case Locale::kKo:
      if (!l.fetching) FetchKorean(state);
      if (!l.catalog || !l.font_fetched || l.fonts_changed) return;  // not all here, or not yet in the atlas
      i18n::Speak(*l.catalog, "ko");  // a copy: the fetched one stays for the next switch back
      CountMissingGlyphs(state);
      l.fetching = false;
      break;
  }
  l.spoken = wanted;
  // Cached text keys on i18n::LanguageGeneration() and is made again; a link's problems were
  // said once, so they are said again.
  SayLinkProblemsAgain(state);
}

void DrawLanguageMenu(AppState& state) {
  // Each language in its own name, so a student who cannot read the current one finds theirs.
  const bool open = ImGui::BeginMenu(TrLabel("Language##menu"));
  NoteLastItem("menu-language");
  if (!open) return;
  static const char* const kNames[] = {"English", "한국어", "Pseudo (longer, accented)###pseudo"};
  static const char* const kItems[] = {"language-en", "language-ko", "language-pseudo"};
  for (int i = 0; i < settings::kLocaleCount; ++i) {
    const auto locale = static_cast<Locale>(i);
    if (ImGui::MenuItem(kNames[i], nullptr, state.settings.app.locale == locale)) state.settings.app.locale = locale;
    NoteLastItem(kItems[i]);
  }
  ImGui::Separator();
  // The lecture's way: Korean words with the English terms the slides use beside them.
  ImGui::BeginDisabled(state.settings.app.locale != Locale::kKo);
  ImGui::MenuItem(TrLabel("English terms beside Korean"), nullptr, &state.settings.app.terms);
  NoteLastItem("language-terms");
  ImGui::EndDisabled();
  if (state.language.fetching) ImGui::TextDisabled("%s", tr("Loading Korean..."));
  ImGui::EndMenu();
}

}  // namespace gradlab::ui
