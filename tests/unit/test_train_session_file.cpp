// Saved sessions: a session saved between two steps and loaded into a new one goes on with the
// very same losses; damaged files are refused with a message, whatever is cut or changed.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "data/toy2d.h"
#include "train/model_file.h"
#include "train/session_file.h"

using namespace gradlab;
using namespace gradlab::train;

namespace {

struct Setup {
  std::shared_ptr<data::Dataset> train, test;
  TrainConfig cfg;
};

Setup Toy() {
  auto tt = data::MakeToyTrainTest(data::ToyKind::kSpiral, 3, 60, 30, 0.1, 5);
  Setup s{std::make_shared<data::Dataset>(std::move(tt.train)), std::make_shared<data::Dataset>(std::move(tt.test)), {}};
  s.cfg.model_spec = "mlp:16 relu";
  s.cfg.optimizer.kind = nn::OptimizerKind::kAdam;  // two optimizer states, both saved
  s.cfg.schedule.base_lr = 0.01;
  s.cfg.batch_size = 16;
  s.cfg.epochs = 6;
  s.cfg.seed = 9;
  return s;
}

std::vector<uint8_t> Save(Session& s) {
  auto progress = s.SaveProgress();
  REQUIRE(progress.ok());
  const auto& d = s.train_data();
  SessionFile file{"v=1&model=mlp:16+relu", SerializeModel(s.model(), d.class_names, d.mean, d.std, s.config(), d.name), *progress};
  return SerializeSession(file);
}

std::unique_ptr<Session> Load(const Setup& setup, const std::vector<uint8_t>& bytes) {
  auto file = DeserializeSession(bytes, "s.gradlab-session");
  REQUIRE(file.ok());
  CHECK(file->link == "v=1&model=mlp:16+relu");
  auto saved = DeserializeModel(file->model, "inside");
  REQUIRE(saved.ok());
  auto s = Session::Create(saved->config, setup.train, setup.test);
  REQUIRE(s.ok());
  REQUIRE((*s)->LoadWeights(*saved->model));
  REQUIRE((*s)->RestoreProgress(std::move(file->progress)));
  return std::move(*s);
}

}  // namespace

TEST_CASE("A saved session goes on with the same losses as if it had never stopped", "[train][session-file]") {
  const Setup setup = Toy();
  auto a = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  a->StepBatches(17);  // part-way through the second epoch (12 steps an epoch)
  a->RunToEnd();       // the epoch-end scoring is done: the session sits between steps
  auto b = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  b->StepBatches(17);
  // Save b between steps, load it into a new session, and train both to the end.
  while (b->phase() == Phase::kEvaluating) b->Step(1.0);
  auto restored = Load(setup, Save(*b));
  CHECK(restored->steps() == b->steps());
  CHECK(restored->history().step_loss == b->history().step_loss);
  restored->RunToEnd();
  CHECK(restored->phase() == Phase::kFinished);
  CHECK(restored->history().step_loss == a->history().step_loss);  // bit for bit
  REQUIRE(restored->history().epochs.size() == a->history().epochs.size());
  CHECK(restored->history().epochs.back().test_accuracy == a->history().epochs.back().test_accuracy);
}

TEST_CASE("A session is saved only between steps", "[train][session-file]") {
  Setup setup = Toy();
  setup.cfg.micro_batch = 4;  // a step of 16 images in four chunks
  auto s = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  s->Step(1e-9);  // one chunk: the step is part-way done
  REQUIRE(s->step_in_progress());
  CHECK(s->SaveProgress().error() == "a step is part-way done");
}

TEST_CASE("Damaged session files are refused with a message", "[train][session-file]") {
  const Setup setup = Toy();
  auto s = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  s->StepBatches(5);
  const std::vector<uint8_t> good = Save(*s);
  REQUIRE(DeserializeSession(good, "s").ok());
  // Every cut is refused (a few hundred cuts: every byte of the start, then every 97th).
  for (size_t n = 0; n < good.size(); n += n < 600 ? 1 : 97) {
    INFO("cut to " << n << " bytes");
    CHECK_FALSE(DeserializeSession(std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(n)), "s").ok());
  }
  CHECK(DeserializeSession({'G', 'R', 'A', 'D', 'L', 'A', 'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "m.gradlab").error() ==
        "m.gradlab is not a Gradlab session file (Save session in the Train tab makes one)");
  std::vector<uint8_t> newer = good;
  newer[8] = 7;
  CHECK(DeserializeSession(newer, "n").error() == "n is a session file of version 7; this Gradlab reads version 2");
  // Bytes changed inside the header: refused or, where the JSON still parses, checked field by field.
  auto header_text = [&](std::vector<uint8_t> bytes, const std::string& from, const std::string& to) {
    const std::string all(bytes.begin(), bytes.end());
    const size_t at = all.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(from.size() == to.size());
    std::copy(to.begin(), to.end(), bytes.begin() + static_cast<long>(at));
    return DeserializeSession(bytes, "h");
  };
  CHECK(header_text(good, "\"cursor\":", "\"cursorX\"").error().find("not valid JSON") != std::string::npos);
  CHECK(header_text(good, "\"steps\":5", "\"steps\":-").error().find("not valid JSON") != std::string::npos);
  CHECK(header_text(good, "\"epoch\":0", "\"epoch\":\"").error().find("h: ") == 0);
  CHECK(header_text(good, "\"finished\":false", "\"finished\":0    ").error() == "h: 'finished' has the wrong type");
  // A session for other data does not go into this one.
  auto file = DeserializeSession(good, "s");
  auto other = data::MakeToyTrainTest(data::ToyKind::kSpiral, 3, 30, 15, 0.1, 5);
  auto small = std::move(*Session::Create(setup.cfg, std::make_shared<data::Dataset>(std::move(other.train)),
                                          std::make_shared<data::Dataset>(std::move(other.test))));
  CHECK(small->RestoreProgress(file->progress).message().find("does not fit this data") != std::string::npos);
  CHECK(small->steps() == 0);  // unchanged
}

TEST_CASE("A session keeps the lessons' progress, and a version 1 file (without it) still opens", "[train][session-file]") {
  const Setup setup = Toy();
  auto s = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  s->StepBatches(2);
  SessionFile file;
  file.link = "v=1&lesson=2.3";
  file.lessons = R"({"2-sigmoid-neuron.json":{"seen":[1,1,1]}})";
  auto progress = s->SaveProgress();
  REQUIRE(progress.ok());
  file.progress = std::move(*progress);
  const std::vector<uint8_t> bytes = SerializeSession(file);
  auto back = DeserializeSession(bytes, "s");
  REQUIRE(back.ok());
  CHECK(back->lessons == file.lessons);
  // Version 1: the same header without "lessons".
  const size_t header_size = bytes[12] | bytes[13] << 8 | bytes[14] << 16 | static_cast<size_t>(bytes[15]) << 24;
  auto header = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + static_cast<long>(header_size));
  header.erase("lessons");
  const std::string text = header.dump();
  std::vector<uint8_t> v1(bytes.begin(), bytes.begin() + 16);
  v1[8] = 1;
  for (int i = 0; i < 4; ++i) v1[12 + i] = static_cast<uint8_t>(text.size() >> (8 * i));
  v1.insert(v1.end(), text.begin(), text.end());
  v1.insert(v1.end(), bytes.begin() + 16 + static_cast<long>(header_size), bytes.end());
  auto old = DeserializeSession(v1, "old");
  REQUIRE(old.ok());
  CHECK(old->lessons.empty());
  CHECK(old->progress.steps == 2);
  // Version 2 must have it.
  v1[8] = 2;
  CHECK(DeserializeSession(v1, "new").error() == "new: 'lessons' is missing");
}

TEST_CASE("A diverged session keeps why, as data, and says it in the language of the day", "[train][session-file]") {
  Setup setup = Toy();
  setup.cfg.optimizer.kind = nn::OptimizerKind::kSgd;
  setup.cfg.schedule.base_lr = 1e6;
  auto a = std::move(*Session::Create(setup.cfg, setup.train, setup.test));
  REQUIRE(a->RunToEnd() == Phase::kDiverged);
  REQUIRE(a->divergence());
  auto b = Load(setup, Save(*a));
  REQUIRE(b->phase() == Phase::kDiverged);
  REQUIRE(b->divergence());
  CHECK(b->divergence()->what == a->divergence()->what);
  CHECK(b->divergence()->step == a->divergence()->step);
  CHECK(DivergenceMessage(*b->divergence()) == DivergenceMessage(*a->divergence()));
  // A file saved before the reason was data says only that the run diverged.
  auto file = DeserializeSession(Save(*a), "s.gradlab-session");
  REQUIRE(file.ok());
  file->progress.divergence = Divergence{};
  auto old = DeserializeSession(SerializeSession(*file), "old.gradlab-session");
  REQUIRE(old.ok());
  REQUIRE(old->progress.divergence);
  CHECK_THAT(DivergenceMessage(*old->progress.divergence), Catch::Contains("diverged"));
}
