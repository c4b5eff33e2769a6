#include "train/trainer_thread.h"

#include <chrono>

#include "kernels/parallel.h"

namespace gradlab::train {

namespace {

constexpr double kSlice = 0.01;          // seconds of training between looks at the commands
constexpr double kPublishEvery = 0.03;   // seconds: the UI draws at most one new picture a frame or two

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

Result<std::unique_ptr<Session>> CloneSession(Session& session) {
  auto progress = session.SaveProgress();
  if (!progress) return Result<std::unique_ptr<Session>>::Error(progress.error());
  auto copy = Session::Create(session.config(), session.train_data_shared(), session.test_data_shared());
  if (!copy) return copy;
  if (Status s = (*copy)->LoadWeights(session.model()); !s) return Result<std::unique_ptr<Session>>::Error(s.message());
  if (Status s = (*copy)->RestoreProgress(std::move(*progress)); !s) return Result<std::unique_ptr<Session>>::Error(s.message());
  (*copy)->RestoreLastTest(session.last_test_evaluation());
  return copy;
}

TrainerThread::TrainerThread(std::unique_ptr<Session> session, int threads)
    : session_(std::move(session)),
      pool_(threads),
      running_(session_->running()),
      between_steps_(session_->between_steps()),
      thread_([this] { Run(); }) {}

TrainerThread::~TrainerThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void TrainerThread::Play(bool on) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (playing_ == on) return;
    playing_ = on;
    ++commands_sent_;
  }
  wake_.notify_one();
}

void TrainerThread::StepBatches(int n) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    steps_wanted_ += n;
    ++commands_sent_;
  }
  wake_.notify_one();
}

void TrainerThread::Recover(double learning_rate_scale) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    recover_scale_ = learning_rate_scale;
    ++commands_sent_;
  }
  wake_.notify_one();
}

bool TrainerThread::HasWork() const {
  return stop_ || steps_wanted_ > 0 || recover_scale_ > 0 || (playing_ && running_) || unpublished_ || !between_steps_ ||
         commands_sent_ != latest_applied_;  // a command no picture accounts for yet
}

void TrainerThread::Run() {
  kernels::UsePool use_pool(&pool_);
  double last_publish = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return HasWork(); });
    if (stop_) return;
    const long sent = commands_sent_;
    const bool playing = playing_;
    const double recover = recover_scale_;
    int steps = 0;
    recover_scale_ = 0;
    // A step or an epoch's scoring under way is finished before a command applies: commands
    // apply between steps, and a picture is only ever taken there.
    if (between_steps_) {
      steps = steps_wanted_;
      steps_wanted_ = 0;
    }
    lock.unlock();

    const double started = Now();
    bool worked = false;
    if (recover > 0) worked = session_->Recover(recover);  // only a diverged run, which stopped between steps
    if (!session_->between_steps() && !playing) {
      // Paused (or a step asked) part-way: exactly the rest of this step, or of this scoring.
      while (!session_->between_steps() && session_->running() && !stop_) session_->Step(0);
      worked = true;
    } else if (!session_->between_steps()) {
      session_->Step(kSlice);
      worked = true;
    } else if (steps > 0) {
      session_->StepBatches(steps);
      worked = true;
    } else if (playing && session_->running()) {
      session_->Step(kSlice);
      worked = true;
    }
    // A slice mostly ends part-way through a step: once a picture is due, finish that step, so
    // the views move on at least as often as kPublishEvery (plus one step).
    if (playing && Now() - last_publish >= kPublishEvery)
      while (session_->step_in_progress() && !stop_) session_->Step(0);
    const double finished = Now();

    lock.lock();
    training_seconds_ += finished - started;
    running_ = session_->running();
    between_steps_ = session_->between_steps();
    scoring_ = session_->phase() == Phase::kEvaluating ? session_->evaluation_progress() : -1;
    unpublished_ = unpublished_ || worked || recover > 0 || sent != latest_applied_;
    // Everything asked before this round is applied once no step waits and the session is between steps.
    const bool all_applied = between_steps_ && steps_wanted_ == 0 && recover_scale_ == 0;
    const bool quiet = !playing_ || !running_;  // nothing more is coming soon: show it now
    if (between_steps_ && unpublished_ && (quiet || finished - last_publish >= kPublishEvery)) {
      lock.unlock();
      SessionPicture picture = Picture();  // outside the lock: the copies take a while
      lock.lock();
      latest_ = std::move(picture);
      latest_applied_ = all_applied ? sent : latest_applied_;
      unpublished_ = false;
      last_publish = finished;
    }
  }
}

SessionPicture TrainerThread::Picture() {
  SessionPicture picture;
  picture.progress = std::move(*session_->SaveProgress());  // between steps: the caller checked
  for (auto& [name, tensor] : session_->model().StateDict()) picture.state.push_back(tensor->data);
  picture.last_test = session_->last_test_evaluation();
  picture.health = GradientFlow(session_->model());
  return picture;
}

bool TrainerThread::ShowLatest(Session& mirror, std::vector<LayerHealth>* health) {
  std::optional<SessionPicture> picture;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!latest_) return false;
    picture.swap(latest_);
    applied_shown_ = latest_applied_;
  }
  auto tensors = mirror.model().StateDict();
  if (tensors.size() == picture->state.size())
    for (size_t i = 0; i < tensors.size(); ++i) tensors[i].second->data = std::move(picture->state[i]);
  mirror.RestoreLastTest(std::move(picture->last_test));
  if (health) *health = std::move(picture->health);
  return mirror.RestoreProgress(std::move(picture->progress)).ok();
}

bool TrainerThread::settled() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return applied_shown_ == commands_sent_ && !latest_ && !unpublished_ && !(playing_ && running_);
}

double TrainerThread::ScoringProgress() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return scoring_;
}

double TrainerThread::TakeTrainingSeconds() {
  std::lock_guard<std::mutex> lock(mutex_);
  const double s = training_seconds_;
  training_seconds_ = 0;
  return s;
}

}  // namespace gradlab::train
