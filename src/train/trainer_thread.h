// A session that trains on a thread of its own, so the UI thread only draws (the desktop app;
// the page where it may use threads). The UI keeps a mirror of the session, a Session it never
// trains, and draws every view from it. At step boundaries the thread publishes a picture of its
// session (progress, weights, the last scoring, the gradient flow); the UI shows the latest in
// the mirror, so no view reads half-updated weights. Play, pause, one step and recovery are
// commands that take effect at the next step boundary. The numbers are those of training on the
// UI thread: the session does the same work in the same order, whoever calls it.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "kernels/parallel.h"
#include "train/inspect.h"
#include "train/session.h"

namespace gradlab::train {

// A session as the training thread last published it, between two steps.
struct SessionPicture {
  Progress progress;
  std::vector<std::vector<float>> state;  // the model's StateDict tensors, in its order
  Evaluation last_test;
  std::vector<LayerHealth> health;        // GradientFlow after the latest step
};

// A second session in the state of `session` (which must be between steps): the one to hand to a
// TrainerThread while `session` stays behind as the mirror.
Result<std::unique_ptr<Session>> CloneSession(Session& session);

class TrainerThread {
 public:
  // Starts the thread, paused; `session` is its own from now on. With `threads` > 1 its conv
  // layers split their images over a pool of that many threads (the numbers stay the same).
  explicit TrainerThread(std::unique_ptr<Session> session, int threads = 1);
  ~TrainerThread();  // stops within a chunk of work and joins
  TrainerThread(const TrainerThread&) = delete;
  TrainerThread& operator=(const TrainerThread&) = delete;

  void Play(bool on);
  void StepBatches(int n);  // after finishing the step in progress, if any
  void Recover(double learning_rate_scale);

  // Shows the latest picture in `mirror` (made with CloneSession's source); false when there is
  // nothing new since the last call. `health` receives the gradient flow it carried.
  bool ShowLatest(Session& mirror, std::vector<LayerHealth>* health);
  // Nothing asked of the thread is still to come: a picture from after every command was shown.
  bool settled() const;
  // Seconds the thread spent training since the last call (the frame log's training time).
  double TakeTrainingSeconds();
  // 0..1 through an epoch's scoring while the thread scores one (no picture is taken then), else -1.
  double ScoringProgress() const;
  int threads() const { return pool_.threads(); }  // this one and its helpers

 private:
  void Run();
  bool HasWork() const;      // under mutex_
  SessionPicture Picture();  // between steps

  std::unique_ptr<Session> session_;  // the thread's alone
  // The conv layers' helpers, started (and joined) by the thread that makes this object: in the
  // page a thread started by a worker waits for the page's own thread, which may be waiting here.
  kernels::ThreadPool pool_;
  mutable std::mutex mutex_;          // guards everything below
  std::condition_variable wake_;
  std::atomic<bool> stop_ = false;  // also read while a scoring is finished, outside the lock
  bool playing_ = false;
  int steps_wanted_ = 0;
  double recover_scale_ = 0;
  // What the thread last knew of its session (read by the UI through settled()).
  bool running_ = true, between_steps_ = true, unpublished_ = false;
  double scoring_ = -1;
  // Commands counted as sent; those applied before the latest picture; those shown in the mirror.
  long commands_sent_ = 0, latest_applied_ = 0, applied_shown_ = 0;
  std::optional<SessionPicture> latest_;
  double training_seconds_ = 0;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace gradlab::train
