// Training on a thread of its own (train/trainer_thread.h): the numbers are those of training on
// the UI thread, bit for bit; pause, one step and recovery apply at step boundaries; the mirror
// the UI draws from only ever holds a whole step's weights; and the thread stops when asked.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <thread>

#include "data/toy2d.h"
#include "kernels/parallel.h"
#include "train/trainer_thread.h"

using namespace gradlab;
using namespace gradlab::train;

namespace {

bool SameBits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

// A training thread needs threads: the WebAssembly build without them trains on the UI thread.
#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)

namespace {

struct Toy {
  std::shared_ptr<data::Dataset> train, test;
};

Toy Circles() {
  auto tt = data::MakeToyTrainTest(data::ToyKind::kSpiral, 3, 120, 60, 0.1, 4);
  return {std::make_shared<data::Dataset>(std::move(tt.train)), std::make_shared<data::Dataset>(std::move(tt.test))};
}

TrainConfig Config(int epochs) {
  TrainConfig c;
  c.model_spec = "mlp:24,24 relu bn dropout0.1";  // batch norm's statistics and dropout's masks travel too
  c.optimizer.kind = nn::OptimizerKind::kAdam;
  c.schedule.base_lr = 0.02;
  c.epochs = epochs;
  c.batch_size = 20;
  c.micro_batch = 8;  // as the app trains: a step spans chunks
  c.seed = 11;
  return c;
}

std::unique_ptr<Session> Make(const TrainConfig& c, const Toy& d) {
  auto s = Session::Create(c, d.train, d.test);
  REQUIRE(s.ok());
  (*s)->set_eval_chunk(16);
  return std::move(*s);
}

// The UI's side: shows pictures in the mirror until the thread has nothing more to say.
void ShowUntilSettled(TrainerThread& thread, Session& mirror) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!thread.settled() && std::chrono::steady_clock::now() < give_up) {
    thread.ShowLatest(mirror, nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  thread.ShowLatest(mirror, nullptr);
  REQUIRE(thread.settled());
}

}  // namespace

TEST_CASE("A session trained on its own thread gives the UI thread's numbers, bit for bit", "[train][thread]") {
  REQUIRE(kernels::ThreadsAvailable());
  const Toy d = Circles();
  auto inline_session = Make(Config(4), d);
  inline_session->RunToEnd();

  auto mirror = Make(Config(4), d);
  auto worker = CloneSession(*mirror);
  REQUIRE(worker.ok());
  TrainerThread thread(std::move(*worker));
  thread.Play(true);
  ShowUntilSettled(thread, *mirror);
  CHECK(mirror->phase() == Phase::kFinished);
  CHECK(SameBits(mirror->history().step_loss, inline_session->history().step_loss));
  REQUIRE(mirror->history().epochs.size() == inline_session->history().epochs.size());
  CHECK(mirror->history().epochs.back().test_accuracy == inline_session->history().epochs.back().test_accuracy);
  auto a = mirror->model().StateDict(), b = inline_session->model().StateDict();
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(SameBits(a[i].second->data, b[i].second->data));
  CHECK(mirror->last_test_evaluation().predicted == inline_session->last_test_evaluation().predicted);
}

TEST_CASE("Pause, one step and going on apply at step boundaries, as on the UI thread", "[train][thread]") {
  const Toy d = Circles();
  auto mirror = Make(Config(100000), d);  // never finishes here
  TrainerThread thread(std::move(*CloneSession(*mirror)));
  thread.StepBatches(3);
  ShowUntilSettled(thread, *mirror);
  CHECK(mirror->steps() == 3);
  CHECK(mirror->between_steps());

  thread.Play(true);
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  thread.Play(false);
  ShowUntilSettled(thread, *mirror);
  const long paused_at = mirror->steps();
  CHECK(paused_at > 3);
  CHECK(mirror->between_steps());
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  CHECK_FALSE(thread.ShowLatest(*mirror, nullptr));  // paused: nothing new comes
  CHECK(mirror->steps() == paused_at);

  thread.StepBatches(1);
  ShowUntilSettled(thread, *mirror);
  CHECK(mirror->steps() == paused_at + 1);

  // The same steps on one thread: the same losses.
  auto inline_session = Make(Config(100000), d);
  inline_session->StepBatches(static_cast<int>(paused_at + 1));
  CHECK(SameBits(mirror->history().step_loss, inline_session->history().step_loss));
}

TEST_CASE("A diverged run on its own thread says why and recovers when told", "[train][thread]") {
  const Toy d = Circles();
  TrainConfig c = Config(5);
  c.optimizer.kind = nn::OptimizerKind::kSgd;
  c.schedule.base_lr = 1e6;
  auto mirror = Make(c, d);
  TrainerThread thread(std::move(*CloneSession(*mirror)));
  thread.Play(true);
  ShowUntilSettled(thread, *mirror);
  REQUIRE(mirror->phase() == Phase::kDiverged);
  REQUIRE(mirror->divergence());
  for (auto* p : mirror->model().Params())
    for (float v : p->value.data) REQUIRE(std::isfinite(v));  // the last good weights
  thread.Play(false);  // as the app's recovery button does: it waits for Resume
  thread.Recover(1e-9);
  ShowUntilSettled(thread, *mirror);
  CHECK(mirror->phase() == Phase::kTraining);
  CHECK_FALSE(mirror->divergence());
  CHECK(mirror->learning_rate_scale() == Approx(1e-9));
  thread.Play(true);
  ShowUntilSettled(thread, *mirror);
  CHECK(mirror->phase() == Phase::kFinished);
}

TEST_CASE("A training thread stops within a slice when the run is put away", "[train][thread]") {
  const Toy d = Circles();
  auto mirror = Make(Config(100000), d);
  const auto started = std::chrono::steady_clock::now();
  {
    TrainerThread thread(std::move(*CloneSession(*mirror)));
    thread.Play(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }  // joins here
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));  // generous: a hang is what fails
}

#endif  // threads

namespace {

// Random 3x12x12 images of 3 classes, enough for a CNN's conv layers to have several images a chunk.
std::shared_ptr<data::Dataset> Images(int count, uint64_t seed) {
  auto d = std::make_shared<data::Dataset>();
  d->name = "random images";
  d->sample_shape = {3, 12, 12};
  d->class_names = {"a", "b", "c"};
  Rng rng(seed);
  for (int i = 0; i < count; ++i) {
    d->labels.push_back(static_cast<uint8_t>(i % 3));
    for (int p = 0; p < 3 * 12 * 12; ++p) d->pixels.push_back(static_cast<uint8_t>(rng.Uniform(0, 256) * (i % 3 + 1) / 3));
  }
  d->mean = {0.3f, 0.3f, 0.3f};
  d->std = {0.25f, 0.25f, 0.25f};
  return d;
}

std::vector<float> CnnLosses(int threads) {
  TrainConfig c;
  c.model_spec = "conv6k3p1 relu pool2 conv8k3 bn relu fc";
  c.optimizer.kind = nn::OptimizerKind::kMomentum;
  c.schedule.base_lr = 0.02;
  c.epochs = 2;
  c.batch_size = 24;
  c.micro_batch = 12;  // chunks of 12 images: the weight gradients' 8 groups hold 1 or 2 (conv2d.cpp)
  c.seed = 5;
  auto s = Session::Create(c, Images(96, 1), Images(30, 2));
  REQUIRE(s.ok());
  kernels::ThreadPool pool(threads);
  kernels::UsePool use(&pool);
  (*s)->RunToEnd();
  return (*s)->history().step_loss;
}

}  // namespace

TEST_CASE("A CNN trains to the same losses, bit for bit, whatever the number of threads", "[train][thread]") {
  const std::vector<float> one = CnnLosses(1);
  REQUIRE(one.size() == 8);
  CHECK(SameBits(CnnLosses(2), one));
  CHECK(SameBits(CnnLosses(3), one));
}

TEST_CASE("Step during an epoch's scoring finishes the scoring, then takes the step", "[train]") {
  auto toy = data::MakeToyTrainTest(data::ToyKind::kSpiral, 3, 120, 60, 0.1, 4);  // a build without threads too
  TrainConfig c;
  c.model_spec = "mlp:24 relu";
  c.epochs = 3;
  c.batch_size = 20;
  c.seed = 11;
  auto made = Session::Create(c, std::make_shared<data::Dataset>(std::move(toy.train)), std::make_shared<data::Dataset>(std::move(toy.test)));
  REQUIRE(made.ok());
  Session* s = made->get();
  s->set_eval_chunk(16);
  // Small units of work until a pause would land part-way through the first epoch's scoring.
  for (int i = 0; i < 10000 && s->phase() != Phase::kEvaluating; ++i) s->Step(0);
  REQUIRE(s->phase() == Phase::kEvaluating);
  const long before = s->steps();
  s->StepBatches(1);
  CHECK(s->steps() == before + 1);
  CHECK(s->history().epochs.size() == 1);  // the scoring was finished, not dropped
  CHECK(s->phase() == Phase::kTraining);
}
