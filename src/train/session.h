// A training session: the model, its optimizer, the data and the history of one run.
// It advances only when asked, by Step(seconds) or StepBatches(n), and never loops to completion
// by itself: the UI calls Step once per frame with a few milliseconds, the CLI in a loop.
// Each epoch is: shuffled mini-batches (augmented), then scoring train and test accuracy (also
// sliced). Divergence (a NaN or infinite loss or weight) stops the run, says why as data
// (divergence.h) and keeps the last good weights. Same seed and settings give the same numbers on
// every run. Nothing here calls tr(): a session may train on a thread of its own.
#pragma once
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/rng.h"
#include "data/dataset.h"
#include "nn/model.h"
#include "nn/optimizer.h"
#include "train/config.h"
#include "train/divergence.h"
#include "train/evaluate.h"

namespace gradlab::train {

enum class Phase { kTraining, kEvaluating, kFinished, kDiverged };

struct EpochRecord {
  int epoch = 0;             // 1-based
  double train_loss = 0;     // mean training-batch loss over the epoch (data + regularization)
  double train_accuracy = 0; // on up to train_eval_limit training images, without augmentation
  double test_accuracy = 0;
  double test_loss = 0;
  double learning_rate = 0;  // at the epoch's last step
  double images_per_second = 0;  // training throughput during the epoch
};

struct History {
  std::vector<float> step_loss;      // per step (mini-batch update)
  std::vector<float> step_lr;
  std::vector<float> smoothed_loss;  // exponential moving average of step_loss (weight 0.9), for the curves
  std::vector<EpochRecord> epochs;

  // Records one step; the smoothed curve grows with it, so nothing is recomputed per frame.
  void AddStep(float loss, float lr);
};

// A session between two steps, as a saved session keeps it: with the weights (saved apart, as a
// model file) it is enough to go on exactly where training stopped. Not kept: dropout's own random
// masks (they start again from the seed) and the last epoch's confusion matrix (made again at the
// next epoch's end).
struct Progress {
  History history;
  long steps = 0;
  int epoch = 0;
  std::vector<int> order;  // this epoch's sample order
  int cursor = 0;
  RngState data_rng;
  std::vector<std::vector<float>> optimizer1, optimizer2;
  long optimizer_steps = 0;
  double epoch_loss_sum = 0, epoch_train_seconds = 0, first_loss = 0, lr_scale = 1, images_per_second = 0;
  int epoch_steps = 0;
  long epoch_images = 0;
  bool finished = false;
  std::optional<Divergence> divergence;  // set when the run diverged
};

class Session {
 public:
  // Builds the model from cfg.model_spec for the data's shape and classes. The datasets are
  // shared so the UI can keep showing them.
  static Result<std::unique_ptr<Session>> Create(const TrainConfig& cfg,
                                                 std::shared_ptr<const data::Dataset> train,
                                                 std::shared_ptr<const data::Dataset> test);

  // Runs for up to about `seconds`: at least one unit of work, and no further chunk that the
  // last chunk's time says would end past the deadline. Returns the phase after it.
  Phase Step(double seconds);
  // Exactly n training steps (mini-batch updates), then whatever evaluation an epoch end needs.
  Phase StepBatches(int n);
  // Images scored per unit of evaluation work (default 256). The app uses small chunks so a
  // frame stays short; the results do not depend on it.
  void set_eval_chunk(int images) { eval_chunk_ = std::max(1, images); }
  // Runs to the end (CLI and tests). Returns the final phase.
  Phase RunToEnd();
  // Copies weights and batch-norm statistics from a model of the same architecture (a loaded
  // file); the message names the first tensor that does not fit.
  Status LoadWeights(nn::Model& source);
  // Progress between two steps; an error while a step or an epoch's scoring is part-way done.
  Result<Progress> SaveProgress() const;
  // Puts saved progress back (after LoadWeights); checks it against this session's data and model.
  Status RestoreProgress(Progress progress);
  // After divergence: continue from the last good weights with the learning rate scaled
  // (e.g. 0.1) and the optimizer's state cleared. The history keeps the divergence visible.
  bool Recover(double learning_rate_scale);

  Phase phase() const { return phase_; }
  bool running() const { return phase_ == Phase::kTraining || phase_ == Phase::kEvaluating; }
  const std::optional<Divergence>& divergence() const { return divergence_; }  // why it stopped, when it diverged
  const History& history() const { return history_; }
  const TrainConfig& config() const { return cfg_; }
  nn::Model& model() { return *model_; }
  const data::Dataset& train_data() const { return *train_; }
  const data::Dataset& test_data() const { return *test_; }
  const std::shared_ptr<const data::Dataset>& train_data_shared() const { return train_; }
  const std::shared_ptr<const data::Dataset>& test_data_shared() const { return test_; }

  long steps() const { return steps_; }
  int epoch() const { return epoch_; }               // epochs completed
  int steps_per_epoch() const { return steps_per_epoch_; }
  double epoch_progress() const;                     // 0..1 within the current epoch (training part)
  double evaluation_progress() const;                // 0..1 of the current evaluation
  double current_learning_rate() const;
  double images_per_second() const { return images_per_second_; }
  double learning_rate_scale() const { return lr_scale_; }
  bool step_in_progress() const { return step_in_progress_; }  // a batch is part-way done
  // Between two steps and not scoring an epoch: when SaveProgress can save.
  bool between_steps() const { return !step_in_progress_ && phase_ != Phase::kEvaluating; }
  // The last epoch's scoring of the test set (confusion matrix, per-sample predictions).
  const Evaluation& last_test_evaluation() const { return last_test_; }
  // Puts a scoring back, with RestoreProgress (a copy of a session that trains elsewhere).
  void RestoreLastTest(Evaluation evaluation) { last_test_ = std::move(evaluation); }

 private:
  Session() = default;
  void StartEpoch();
  int ChunkSize() const;
  void TrainOneChunk();  // one chunk of the current batch; finishes the step after the last
  bool FinishStep();     // regularization, divergence checks, update; false if it diverged
  bool TrainOneStep();   // all remaining chunks of a step; false if it diverged
  void EvaluateSome(double deadline_seconds);
  void FinishEpoch();
  bool ParamsFinite();
  void RestoreLastGood();  // the weights from before the latest update

  TrainConfig cfg_;
  std::shared_ptr<const data::Dataset> train_, test_;
  std::unique_ptr<nn::Model> model_;
  std::unique_ptr<nn::OptimizerT<float>> optimizer_;
  Rng data_rng_;
  Phase phase_ = Phase::kTraining;
  std::optional<Divergence> divergence_;
  History history_;

  std::vector<int> order_;      // this epoch's shuffled sample order
  int cursor_ = 0;              // next position in order_
  int batch_size_ = 0, steps_per_epoch_ = 0, epoch_ = 0;
  long steps_ = 0;
  double epoch_loss_sum_ = 0;
  int epoch_steps_ = 0;
  double epoch_train_seconds_ = 0;
  long epoch_images_ = 0;
  double images_per_second_ = 0;
  double first_loss_ = 0;  // the first step's loss, to recognise an explosion
  double lr_scale_ = 1;    // lowered by Recover()
  int eval_chunk_ = 256;
  int max_chunk_ = 256;  // samples per forward pass that fit the model budget (set by Create)
  Evaluation last_test_;

  // A step spread over several Step() calls: how far through its batch it is.
  bool step_in_progress_ = false;
  int step_batch_ = 0, step_done_ = 0;
  double step_loss_ = 0, step_seconds_ = 0;
  double last_chunk_seconds_ = 0;  // how long the last training chunk took (Step plans by it)

  std::unique_ptr<Evaluator> train_eval_, test_eval_;

  // Reused buffers: no allocation per step once the first batch has run.
  Tensor x_, targets_, dscores_;
  std::vector<std::vector<float>> last_good_;  // param values before the latest update
};

const char* PhaseName(Phase phase);

}  // namespace gradlab::train
