// Translation (i18n/): the Korean catalogue msgfmt compiled from po/ko.po, read by the app's
// own .mo reader; labels keep their ImGui ids; Fill and the pseudo-language.
#include <catch2/catch.hpp>

#include "io/file_io.h"
#include "data/augment.h"
#include "data/cifar10.h"
#include "data/image_file.h"
#include "data/toy2d.h"
#include "graph/parser.h"
#include "i18n/translate.h"
#include "lessons/lesson.h"
#include "nn/model.h"
#include "nn/conv_arithmetic.h"
#include "nn/model_plan.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"
#include "settings/registry.h"
#include "train/config.h"
#include "train/model_file.h"
#include "train/model_header.h"
#include "train/session_file.h"

using namespace gradlab;
using i18n::Catalog;

namespace {

Catalog KoreanCatalog() {
  auto bytes = ReadFileBytes(std::string(GRADLAB_I18N_DIR) + "/ko.mo");
  REQUIRE(bytes.ok());
  auto catalog = Catalog::FromMo(*bytes, "ko.mo");
  REQUIRE(catalog.ok());
  return std::move(*catalog);
}

// Puts English back whatever a test did, so other tests read English messages.
struct SpeaksEnglishAfter {
  ~SpeaksEnglishAfter() { i18n::SpeakEnglish(); }
};

}  // namespace

TEST_CASE("The Korean catalogue msgfmt made is read whole, in the glossary's words", "[i18n]") {
  const Catalog ko = KoreanCatalog();
  CHECK(ko.size() > 300);
  REQUIRE(ko.Find("learning rate"));
  CHECK(*ko.Find("learning rate") == "학습률");
  REQUIRE(ko.Find("Reset"));
  CHECK(*ko.Find("Reset") == "처음으로");  // not 초기화, which is initialization
  CHECK(ko.Find("a string nobody wrote") == nullptr);
}

TEST_CASE("tr() speaks the catalogue's language and falls back to English", "[i18n]") {
  SpeaksEnglishAfter english;
  CHECK(std::string(tr("learning rate")) == "learning rate");
  i18n::Speak(KoreanCatalog(), "ko");
  CHECK(std::string(tr("learning rate")) == "학습률");
  CHECK(std::string(tr("a string nobody translated")) == "a string nobody translated");
  const char* first = tr("Train");
  CHECK(tr("Train") == first);  // the same text, not a copy per call: ImGui may keep the pointer for the frame
  i18n::SpeakEnglish();
  CHECK(std::string(tr("Train")) == "Train");
}

TEST_CASE("A label keeps its ImGui id in every language", "[i18n]") {
  SpeaksEnglishAfter english;
  CHECK(std::string(TrLabel("Start")) == "Start###Start");
  CHECK(std::string(TrLabel("Start##run")) == "Start###Start##run");
  CHECK(std::string(TrLabel("Lesson###lesson")) == "Lesson###lesson");
  CHECK(std::string(TrLabel("##expr")) == "#####expr");
  i18n::Speak(KoreanCatalog(), "ko");
  CHECK(std::string(TrLabel("Start##run")) == "시작###Start##run");  // the visible part is looked up, the id stays
  CHECK(std::string(TrLabel("Reset")) == "처음으로###Reset");
}

TEST_CASE("Fill puts values where the translation wants them", "[i18n]") {
  CHECK(Fill("Saved {0}.", {"model.gradlab"}) == "Saved model.gradlab.");
  CHECK(Fill("{1} before {0}", {"a", "b"}) == "b before a");
  CHECK(Fill("{0} and {5} and {x}", {"a"}) == "a and {5} and {x}");  // a placeholder without a value stays as it is
  CHECK(Fill("", {}) == "");
}

TEST_CASE("The pseudo-language is longer and accented, and leaves formats and placeholders alone", "[i18n]") {
  SpeaksEnglishAfter english;
  const std::string p = i18n::Pseudo("Saved %d files to {0} (100%%)");
  CHECK(p.front() == '[');
  CHECK(p.back() == ']');
  CHECK(p.find("%d") != std::string::npos);
  CHECK(p.find("{0}") != std::string::npos);
  CHECK(p.find("%%") != std::string::npos);
  CHECK(p.find("Sávéd") != std::string::npos);
  CHECK(p.size() > std::string("Saved %d files to {0} (100%%)").size() + 4);
  i18n::SpeakPseudo();
  CHECK(std::string(tr("Reset")) == i18n::Pseudo("Reset"));
  CHECK(std::string(TrLabel("Reset")) == i18n::Pseudo("Reset") + "###Reset");
}

TEST_CASE("A damaged catalogue is refused with a reason, never read past its end", "[i18n]") {
  auto bytes = ReadFileBytes(std::string(GRADLAB_I18N_DIR) + "/ko.mo");
  REQUIRE(bytes.ok());
  const std::vector<uint8_t>& mo = *bytes;
  CHECK_FALSE(Catalog::FromMo({}, "empty.mo").ok());
  CHECK(Catalog::FromMo(std::vector<uint8_t>(mo.begin(), mo.begin() + 12), "short.mo").error().find("too short") != std::string::npos);
  const auto cut = Catalog::FromMo(std::vector<uint8_t>(mo.begin(), mo.begin() + mo.size() / 2), "cut.mo");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error() == "cut.mo is cut short");
  std::vector<uint8_t> text(mo.size(), 'x');
  CHECK(Catalog::FromMo(text, "notes.txt").error().find("not a translation catalogue") != std::string::npos);
  std::vector<uint8_t> wild = mo;
  wild[12] = wild[13] = wild[14] = 0xff;  // the originals' table far past the end
  CHECK_FALSE(Catalog::FromMo(wild, "wild.mo").ok());
}

TEST_CASE("The terms mode glosses each glossary word once, where it starts a word, longest first", "[i18n]") {
  SpeaksEnglishAfter english;
  i18n::SetGlossary({{"학습률 스케줄", "learning-rate schedule"}, {"은닉층", "hidden layer"}, {"학습률", "learning rate"}, {"층", "layer"}});
  CHECK(i18n::Glossed("학습률을 줄이면 학습률 스케줄이 바뀝니다.") == "학습률(learning rate)을 줄이면 학습률 스케줄(learning-rate schedule)이 바뀝니다.");
  CHECK(i18n::Glossed("은닉층 하나와 층 두 개") == "은닉층(hidden layer) 하나와 층(layer) 두 개");  // 층 inside 은닉층 is not a word of its own
  CHECK(i18n::Glossed("no Korean here") == "no Korean here");
  i18n::Speak(KoreanCatalog(), "ko");
  i18n::ShowTerms(true);
  CHECK(std::string(tr("learning rate")) == "학습률(learning rate)");
  CHECK(std::string(TrLabel("Reset")) == "처음으로###Reset");  // not a glossary term
  i18n::ShowTerms(false);
  CHECK(std::string(tr("learning rate")) == "학습률");
  i18n::SetGlossary({});
}

TEST_CASE("The engine's own messages speak the student's language, as whole sentences", "[i18n]") {
  SpeaksEnglishAfter english;
  const auto hangul = [](const std::string& s) { return s.find("\xEA") != std::string::npos || s.find("\xEB") != std::string::npos ||
                                                        s.find("\xEC") != std::string::npos || s.find("\xED") != std::string::npos; };
  const std::string english_parse = graph::ParseExpression("f = (x + y").error();
  CHECK(english_parse.rfind("missing ')' at column 11 to close the '(' at column 5", 0) == 0);
  i18n::Speak(KoreanCatalog(), "ko");

  const std::string parse = graph::ParseExpression("f = (x + y").error();
  CHECK(hangul(parse.substr(0, parse.find('\n'))));
  CHECK(parse.find("11") < parse.find('\n'));  // the column, wherever Korean puts it
  CHECK(parse.find("\n  f = (x + y\n") != std::string::npos);  // the caret display stays
  const std::string spec = nn::Model::Create("conv8k3 relu swish", {3, 32, 32}, 10, 1).error();
  CHECK(hangul(spec));
  CHECK(spec.find("'swish'") != std::string::npos);
  // A model table row shows the problem alone, without the translated "model spec:" and column.
  const nn::ModelPlan plan = nn::PlanModel("conv8k9 conv8k9 conv8k9 conv8k9 fc", {3, 32, 32}, 10);
  REQUIRE(!plan.layers.empty());
  INFO(plan.error);
  bool some_row_explains = false;
  for (const nn::PlannedLayer& l : plan.layers)
    if (!l.problem.empty()) {
      some_row_explains = true;
      CHECK(hangul(l.problem));
      CHECK(l.problem.find(tr("model spec: {0}")) == std::string::npos);
      CHECK(l.problem.find("번째 글자") == std::string::npos);
    }
  CHECK(some_row_explains);
  data::CifarSubset subset;
  subset.train_per_class = -1;
  CHECK(hangul(data::CheckCifarSubset(subset).message()));
  settings::Settings s;
  CHECK(hangul(settings::Set(s, "hosts", "nowhere").message()));
  auto lesson = lessons::ParseLesson(R"({"title": "t", "steps": [{"text": "x", "color": 1}]})", "mine.json");
  REQUIRE_FALSE(lesson.ok());
  CHECK(lesson.error().rfind("mine.json, ", 0) == 0);
  CHECK(hangul(lesson.error()));
  // Files a student opens: a model, a session, an image that are not what they claim.
  const std::vector<uint8_t> junk = {'n', 'o', 't', ' ', 'a', ' ', 'f', 'i', 'l', 'e', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const std::string model = train::DeserializeModel(junk, "cat.gradlab").error();
  CHECK(hangul(model));
  CHECK(model.find("cat.gradlab") != std::string::npos);
  CHECK(hangul(train::DeserializeSession(junk, "work.gradlab-session").error()));
  CHECK(hangul(data::DecodeImage({}, "cat.png").error()));
  // A file the desktop app cannot read: missing, or a folder; the path stays as it is.
  const std::string missing = ReadFileBytes("/no/such/cat.gradlab").error();
  CHECK(hangul(missing));
  CHECK(missing.find("/no/such/cat.gradlab") != std::string::npos);
  CHECK(hangul(ReadFileBytes(std::string(GRADLAB_I18N_DIR)).error()));
  // What is wrong inside a model file's header, and training settings a file or URL gives.
  const std::string header = train::ParseModelHeader(nlohmann::json{{"colour", 1}}).error();
  CHECK(hangul(header));
  CHECK(header.find("'colour'") != std::string::npos);
  CHECK(hangul(train::ConfigFromJson(nlohmann::json::object()).error()));
  train::TrainConfig negative_lr;
  negative_lr.schedule.base_lr = -1;
  CHECK(hangul(train::ValidateConfig(negative_lr).message()));
  // The augmentation text a student types, and the toy data's numbers.
  const std::string augment = data::ParseAugmentSpec("hflip,crop:x").error();
  CHECK(hangul(augment));
  CHECK(augment.find("'crop:x'") != std::string::npos);
  CHECK(hangul(data::CheckToyParams(1, 100, 0.1).message()));
}

TEST_CASE("The engine's notes on the lecture, which the calculators show, are in the catalogue", "[i18n]") {
  SpeaksEnglishAfter english;
  i18n::Speak(KoreanCatalog(), "ko");
  // Marked with N_ where they are defined (src/nn) and translated where they are shown.
  for (const char* note : {nn::kOutputSizeSlip, nn::kRegularizerPulls, nn::kLossSignSlip, nn::kScheduleTime, nn::kWarmupHelp}) {
    INFO(note);
    CHECK(std::string(tr(note)) != note);
  }
}
