// The app's language (the locale setting): it fetches what a language needs (its catalogue,
// assets/i18n/ko.mo, and for Korean the Hangul font, assets/fonts/ko.otf, fetched only then) and
// switches once both are here, so no frame shows boxes for glyphs the font does not have yet.
// Switching keeps everything else: the trained model, the lesson step, the set-up.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "i18n/catalog.h"
#include "settings/settings.h"

namespace gradlab::ui {

struct AppState;

struct LanguageUi {
  settings::Locale spoken = settings::Locale::kEn;  // what tr() translates to now
  bool fetching = false;
  std::optional<i18n::Catalog> catalog;             // Korean's, once fetched (kept for switching back)
  bool font_fetched = false;
  // The Hangul font's bytes, merged into the UI font by the platform (it owns the font atlas):
  // it rebuilds the atlas when fonts_changed is set, between frames, and clears it.
  std::vector<uint8_t> korean_font;
  bool fonts_changed = false;
  bool terms_shown = false;  // the terms mode as tr() applies it
  // Glyphs the catalogue's text uses that the loaded fonts lack (checked on each switch).
  int missing_glyphs = 0;
  std::string missing_example;
};

// At the start of a frame, before anything is drawn: fetches, switches, and checks glyphs.
void UpdateLanguage(AppState& state);
// The Language menu of the menu bar.
void DrawLanguageMenu(AppState& state);
// What the page or desktop starts in when no link or session says: `preferred` is the browser's
// language ("ko-KR") or LANG ("ko_KR.UTF-8").
settings::Locale LocaleFor(const std::string& preferred);

}  // namespace gradlab::ui
