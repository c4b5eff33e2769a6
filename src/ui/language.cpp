#include "ui/language.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "i18n/translate.h"
#include "ui/app_state.h"
#include "ui/hook_items.h"
#include "ui/services.h"

namespace gradlab::ui {

using settings::Locale;

namespace {

constexpr const char* kKoreanCatalog = "assets/i18n/ko.mo";
constexpr const char* kKoreanFont = "assets/fonts/ko.otf";

void CountMissingGlyphs(LanguageUi& l) {
  l.missing_glyphs = 0;
  l.missing_example.clear();
  if (!l.catalog) return;
  const ImFont* font = ImGui::GetFont();
  for (const auto& [english, text] : l.catalog->entries()) {
    for (const char* p = text.c_str(); *p;) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, nullptr);
      if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
        if (l.missing_glyphs++ == 0) l.missing_example = text;
      }
    }
  }
}

// Gives up on a language that could not be fetched: the app stays in the one it speaks.
void GiveUp(AppState& state, const std::string& why) {
  LanguageUi& l = state.language;
  l.fetching = false;
  l.catalog.reset();
  state.settings.app.locale = l.spoken;
  state.status_message = "Korean could not be loaded (" + why + "); Gradlab stays in English.";
}

void FetchKorean(AppState& state) {
  LanguageUi& l = state.language;
  l.fetching = true;
  services().FetchDataFile(kKoreanCatalog, [&state](Result<std::vector<uint8_t>> bytes) {
    if (!state.language.fetching) return;
    if (!bytes) return GiveUp(state, std::string(kKoreanCatalog) + ": " + bytes.error());
    auto catalog = i18n::Catalog::FromMo(*bytes, kKoreanCatalog);
    if (!catalog) return GiveUp(state, catalog.error());
    state.language.catalog = std::move(*catalog);
  });
  if (l.font_fetched) return;
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
      i18n::Speak(*l.catalog);
      CountMissingGlyphs(l);
      l.catalog.reset();
      l.fetching = false;
      break;
  }
  l.spoken = wanted;
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
  if (state.language.fetching) ImGui::TextDisabled("%s", tr("Loading Korean..."));
  ImGui::EndMenu();
}

}  // namespace gradlab::ui
