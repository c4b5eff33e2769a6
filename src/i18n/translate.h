// The one translation function: every string a student reads goes through tr() (text) or
// TrLabel() (a widget's label), written in English in the source. scripts/update-po collects
// them into po/gradlab.pot; po/ko.po holds the Korean. A string without a translation shows in
// English.
//
//   ImGui::TextUnformatted(tr("Training diverged."));
//   ImGui::Button(TrLabel("Start##run"));            // the ##id stays the same in every language
//   Fill(tr("{0} is not a lesson file"), name)       // {0}, {1}: values put in after translating
//
// The language changes only between frames (the UI applies the locale setting at the start of
// one): the pointers tr() returns stay valid until then. Not thread-safe: the language is one
// global, so call tr() on the UI thread (a worker that trains must hand its messages over as
// data, or this must gain a lock).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/catalog.h"

namespace gradlab::i18n {

void SpeakEnglish();
void Speak(Catalog catalog, std::string language);  // the catalogue's language, e.g. "ko"
// The pseudo-language: every string accented, bracketed and a third longer, so a layout that
// clips or overlaps with longer text (Korean labels are often longer) shows it in English.
void SpeakPseudo();

// The terms mode, for students who learn the English terms: each of the glossary's Korean words
// is followed by its English term where it first appears in a text, as the lecture writes them:
// 학습률(learning rate). `glossary` pairs (Korean, English), longest Korean first (the build
// writes it from docs/glossary-ko.md: po/glossary.py).
void SetGlossary(std::vector<std::pair<std::string, std::string>> glossary);
void ShowTerms(bool on);
std::string Glossed(std::string_view text);  // `text` with its terms glossed (whether or not the mode is on)

// "en", the catalogue's language ("ko"), or "pseudo".
const std::string& SpokenLanguage();
// A number that changes whenever what tr() returns may change (a language spoken, the terms mode
// turned on or off). Text made with tr() and kept (a cached message) keys on it, so that it is
// made again in the new language.
int LanguageGeneration();
// Text an author wrote in English and, maybe, in the spoken language (a lesson's "text" and
// "text_ko"): the latter where there is one, else the English (in the pseudo-language's dress).
std::string InSpokenLanguage(const std::string& english, const std::string& translated);

const char* tr(const char* english);
std::string tr(const std::string& english);
// A widget label: its visible part translated, then "###" and the English label, so the widget's
// ImGui id (and with it its open or selected state) is the same in every language.
const char* TrLabel(const char* label);
// `pattern` with {0}, {1}, ... replaced by the values (a translation may reorder them).
std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> values);
std::string Fill(std::string_view pattern, const std::vector<std::string_view>& values);

// Marks a string for translation where it is defined (a table of labels) and leaves it as it is;
// tr() or TrLabel() translates it where it is shown.
constexpr const char* N_(const char* english) { return english; }

// The text of `english` in the pseudo-language (what SpeakPseudo shows).
std::string Pseudo(std::string_view english);

}  // namespace gradlab::i18n

namespace gradlab {
using i18n::Fill;
using i18n::N_;
using i18n::tr;
using i18n::TrLabel;
}  // namespace gradlab
