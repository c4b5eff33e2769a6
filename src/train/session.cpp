#include "train/session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "data/augment.h"
#include "i18n/translate.h"
#include "nn/model_budget.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"

namespace gradlab::train {

namespace {

double Now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Larger full batches are processed in chunks of this many images with gradients accumulated,
// which is the same update with bounded memory.
constexpr int kMaxChunk = 256;

}  // namespace

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kTraining: return "training";
    case Phase::kEvaluating: return "evaluating";
    case Phase::kFinished: return "finished";
    case Phase::kDiverged: return "diverged";
  }
  return "?";
}

Result<std::unique_ptr<Session>> Session::Create(const TrainConfig& cfg,
                                                 std::shared_ptr<const data::Dataset> train,
                                                 std::shared_ptr<const data::Dataset> test) {
  using R = Result<std::unique_ptr<Session>>;
  if (Status s = ValidateConfig(cfg); !s) return R::Error(s.message());
  if (!train || train->size() == 0) return R::Error(tr("there are no training images"));
  if (!test) return R::Error(tr("there is no test set"));
  if (test->size() > 0 && test->sample_shape != train->sample_shape)
    return R::Error(Fill(tr("the test set's samples are {0} but the training set's are {1}"),
                         {ShapeToString(test->sample_shape), ShapeToString(train->sample_shape)}));
  auto model = nn::Model::Create(cfg.model_spec, train->sample_shape, train->num_classes(), cfg.seed, cfg.init);
  if (!model) return R::Error(model.error());

  std::unique_ptr<Session> s(new Session());
  s->cfg_ = cfg;
  s->train_ = std::move(train);
  s->test_ = std::move(test);
  s->model_ = std::make_unique<nn::Model>(std::move(*model));
  s->optimizer_ = std::make_unique<nn::OptimizerT<float>>(cfg.optimizer);
  s->data_rng_.Seed(cfg.seed ^ 0x5EED5EED5EEDULL);
  s->batch_size_ = cfg.batch_size > 0 ? std::min(cfg.batch_size, s->train_->size()) : s->train_->size();
  s->steps_per_epoch_ = (s->train_->size() + s->batch_size_ - 1) / s->batch_size_;
  // The budget holds the model with one sample; each chunk of a batch adds its activations.
  auto cost = nn::CheckModelBudget(cfg.model_spec, s->train_->sample_shape, s->train_->num_classes());
  s->max_chunk_ = static_cast<int>(std::min<uint64_t>(
      1 << 30, 1 + (nn::kModelBudgetBytes - cost->bytes) / std::max<uint64_t>(1, cost->sample_bytes)));
  if (const int chunk = std::min(s->ChunkSize(), s->batch_size_); chunk > s->max_chunk_)
    return R::Error(Fill(tr("a chunk of {0} samples needs {1} with this model (the limit is {2}); use a micro-batch of {3} or less"),
                         {std::to_string(chunk), nn::FormatBytes(cost->bytes + (chunk - 1) * cost->sample_bytes),
                          nn::FormatBytes(nn::kModelBudgetBytes), std::to_string(s->max_chunk_)}));
  s->StartEpoch();
  return s;
}

void Session::StartEpoch() {
  order_.resize(train_->size());
  std::iota(order_.begin(), order_.end(), 0);
  data_rng_.Shuffle(order_);
  cursor_ = 0;
  epoch_loss_sum_ = 0;
  epoch_steps_ = 0;
  epoch_train_seconds_ = 0;
  epoch_images_ = 0;
  phase_ = Phase::kTraining;
}

double Session::current_learning_rate() const {
  // (lr_scale_ is applied on top, after a recovery from divergence)
  const double t = cfg_.schedule.per_step ? static_cast<double>(steps_) : epoch_;
  const double total = cfg_.schedule.per_step ? static_cast<double>(steps_per_epoch_) * cfg_.epochs : cfg_.epochs;
  return nn::LearningRateAt(cfg_.schedule, t, total);
}

double Session::epoch_progress() const {
  return order_.empty() ? 0 : static_cast<double>(cursor_) / order_.size();
}

double Session::evaluation_progress() const {
  if (phase_ != Phase::kEvaluating || !train_eval_ || !test_eval_) return 0;
  return 0.5 * train_eval_->progress() + 0.5 * test_eval_->progress();
}

// Every step checks every weight, so this is one branch-free pass that vectorises: a float is
// infinite or NaN exactly when all its exponent bits are set.
bool Session::ParamsFinite() {
  uint32_t bad = 0;
  for (nn::ParamT<float>* p : model_->Params()) {
    const float* w = p->value.ptr();
    for (size_t i = 0, n = p->value.size(); i < n; ++i) {
      uint32_t bits;
      std::memcpy(&bits, w + i, sizeof bits);
      bad |= (bits & 0x7F800000u) == 0x7F800000u;
    }
  }
  return bad == 0;
}

// One update is: the batch's chunks (forward, loss, backward; gradients accumulate), then
// regularization, checks and the optimizer step. Chunks let a large batch fit in memory and
// let the UI spread one batch over several frames; their size is part of the configuration,
// so the CLI reproduces the app's numbers exactly.
int Session::ChunkSize() const {
  return cfg_.micro_batch > 0 ? cfg_.micro_batch : std::min(kMaxChunk, max_chunk_);
}

void Session::TrainOneChunk() {
  const double started = Now();
  if (!step_in_progress_) {
    step_in_progress_ = true;
    step_batch_ = std::min(batch_size_, static_cast<int>(order_.size()) - cursor_);
    step_done_ = 0;
    step_loss_ = 0;
    model_->ZeroGrad();
  }
  const int count = std::min(ChunkSize(), step_batch_ - step_done_);
  data::FillTrainingBatch(*train_, order_.data() + cursor_ + step_done_, count, cfg_.augment, data_rng_, x_, targets_);
  const Tensor& scores = model_->Forward(x_, nn::Mode::kTrain);
  const float chunk_loss = nn::ComputeLoss(cfg_.loss, scores, targets_, &dscores_);
  // Each chunk's loss is a mean over its images; weight it by its share of the batch.
  const float share = static_cast<float>(count) / step_batch_;
  step_loss_ += static_cast<double>(chunk_loss) * share;
  if (share != 1.0f)
    for (float& g : dscores_.data) g *= share;
  model_->Backward(dscores_);
  step_done_ += count;
  step_seconds_ += Now() - started;
  if (step_done_ >= step_batch_) FinishStep();
}

bool Session::FinishStep() {
  const double started = Now();
  step_in_progress_ = false;
  const int batch = step_batch_;
  const double lr = current_learning_rate();
  const std::vector<nn::ParamT<float>*> params = model_->Params();
  const double penalty = nn::RegularizationPenalty(cfg_.regularization, params);
  const double loss = step_loss_ + penalty;
  nn::AddRegularizationGradient(cfg_.regularization, params);
  // Who to blame: a penalty that is itself not finite, or larger than the data loss, points at
  // lambda (--lambda 1e308 breaks training at any learning rate).
  auto diverged = [&](Divergence::What what) {
    phase_ = Phase::kDiverged;
    divergence_ = Divergence{what, !(std::isfinite(penalty) && penalty <= std::max(1.0, std::fabs(step_loss_))), steps_ + 1,
                             epoch_ + 1, first_loss_, loss};
  };
  // A bad loss means the latest update broke the weights: go back to the ones before it.
  if (!std::isfinite(loss)) {
    RestoreLastGood();
    diverged(std::isnan(loss) ? Divergence::What::kLossNaN : Divergence::What::kLossInfinite);
    return false;
  }
  // A loss a thousand times its starting value has exploded even while it is still finite.
  if (steps_ == 0 && history_.step_loss.empty()) first_loss_ = loss;
  if (loss > 1000 * std::max(1.0, first_loss_)) {
    RestoreLastGood();
    diverged(Divergence::What::kLossExploded);
    return false;
  }
  // Keep the weights before the update (vector assignment reuses the buffers after the first step).
  last_good_.resize(params.size());
  for (size_t i = 0; i < params.size(); ++i) last_good_[i] = params[i]->value.data;
  optimizer_->Step(params, lr * lr_scale_);
  if (!ParamsFinite()) {
    RestoreLastGood();
    diverged(Divergence::What::kWeightsNonFinite);
    return false;
  }
  ++steps_;
  cursor_ += batch;
  history_.AddStep(static_cast<float>(loss), static_cast<float>(lr * lr_scale_));
  epoch_loss_sum_ += loss;
  ++epoch_steps_;
  epoch_images_ += batch;
  epoch_train_seconds_ += step_seconds_ + (Now() - started);
  step_seconds_ = 0;
  if (epoch_train_seconds_ > 0) images_per_second_ = epoch_images_ / epoch_train_seconds_;
  if (cursor_ >= static_cast<int>(order_.size())) {
    phase_ = Phase::kEvaluating;
    const int chunk = std::min(eval_chunk_, max_chunk_);
    train_eval_ = std::make_unique<Evaluator>(*train_, cfg_.loss, cfg_.train_eval_limit, chunk);
    test_eval_ = std::make_unique<Evaluator>(*test_, cfg_.loss, 0, chunk);
  }
  return true;
}

bool Session::TrainOneStep() {
  const long before = steps_;
  do {
    TrainOneChunk();
  } while (step_in_progress_ && phase_ == Phase::kTraining);
  return phase_ != Phase::kDiverged && steps_ > before;
}

Status Session::LoadWeights(nn::Model& source) {
  auto from = source.StateDict(), to = model_->StateDict();
  if (from.size() != to.size())
    return Status::Error(Fill(tr("the saved model has {0} tensors; this one has {1}"), {std::to_string(from.size()), std::to_string(to.size())}));
  for (size_t i = 0; i < to.size(); ++i)
    if (from[i].first != to[i].first || from[i].second->shape != to[i].second->shape)
      return Status::Error(Fill(tr("the saved model's {0} is {1}, this model's {2} is {3}"),
                                {from[i].first, ShapeToString(from[i].second->shape), to[i].first, ShapeToString(to[i].second->shape)}));
  for (size_t i = 0; i < to.size(); ++i) to[i].second->data = from[i].second->data;
  return Status();
}

void History::AddStep(float loss, float lr) {
  constexpr float kWeight = 0.9f;
  // A non-finite loss (a diverged step, shown as it was) leaves the smoothed curve where it was.
  const float last = smoothed_loss.empty() ? loss : smoothed_loss.back();
  smoothed_loss.push_back(std::isfinite(loss) ? kWeight * last + (1 - kWeight) * loss : last);
  step_loss.push_back(loss);
  step_lr.push_back(lr);
}

Result<Progress> Session::SaveProgress() const {
  if (!between_steps()) return Result<Progress>::Error(step_in_progress_ ? "a step is part-way done" : "an epoch is being scored");
  Progress p;
  p.history = history_;
  p.steps = steps_;
  p.epoch = epoch_;
  p.order = order_;
  p.cursor = cursor_;
  p.data_rng = data_rng_.Save();
  p.optimizer1 = optimizer_->state1();
  p.optimizer2 = optimizer_->state2();
  p.optimizer_steps = optimizer_->steps();
  p.epoch_loss_sum = epoch_loss_sum_;
  p.epoch_train_seconds = epoch_train_seconds_;
  p.first_loss = first_loss_;
  p.lr_scale = lr_scale_;
  p.images_per_second = images_per_second_;
  p.epoch_steps = epoch_steps_;
  p.epoch_images = epoch_images_;
  p.finished = phase_ == Phase::kFinished;
  if (phase_ == Phase::kDiverged) p.divergence = divergence_.value_or(Divergence{});
  return p;
}

Status Session::RestoreProgress(Progress p) {
  // Everything is checked before anything changes: a damaged file leaves the session as it was.
  const int n = train_->size();
  if (static_cast<int>(p.order.size()) != n || p.cursor < 0 || p.cursor > n || p.epoch < 0 || p.epoch > cfg_.epochs || p.steps < 0)
    return Status::Error(Fill(tr("the saved progress does not fit this data ({0} samples saved, {1} here)"),
                              {std::to_string(p.order.size()), std::to_string(n)}));
  for (int i : p.order)
    if (i < 0 || i >= n) return Status::Error(tr("the saved sample order names a sample this data does not have"));
  const auto params = model_->Params();
  auto fits = [&](const std::vector<std::vector<float>>& state) {
    if (state.empty()) return true;
    if (state.size() != params.size()) return false;
    for (size_t i = 0; i < params.size(); ++i)
      if (state[i].size() != params[i]->value.size()) return false;
    return true;
  };
  if (!fits(p.optimizer1) || !fits(p.optimizer2)) return Status::Error(tr("the saved optimizer state does not fit this model"));
  history_ = std::move(p.history);
  steps_ = p.steps;
  epoch_ = p.epoch;
  order_ = std::move(p.order);
  cursor_ = p.cursor;
  data_rng_.Restore(p.data_rng);
  optimizer_->Restore(std::move(p.optimizer1), std::move(p.optimizer2), p.optimizer_steps);
  epoch_loss_sum_ = p.epoch_loss_sum;
  epoch_train_seconds_ = p.epoch_train_seconds;
  first_loss_ = p.first_loss;
  lr_scale_ = p.lr_scale;
  images_per_second_ = p.images_per_second;
  epoch_steps_ = p.epoch_steps;
  epoch_images_ = p.epoch_images;
  divergence_ = p.divergence;
  phase_ = p.divergence ? Phase::kDiverged : p.finished || epoch_ >= cfg_.epochs ? Phase::kFinished : Phase::kTraining;
  step_in_progress_ = false;
  return Status();
}

void Session::RestoreLastGood() {
  const std::vector<nn::ParamT<float>*> params = model_->Params();
  if (last_good_.size() != params.size()) return;  // diverged on the first step: nothing older
  for (size_t i = 0; i < params.size(); ++i) params[i]->value.data = last_good_[i];
}

bool Session::Recover(double learning_rate_scale) {
  if (phase_ != Phase::kDiverged || !(learning_rate_scale > 0)) return false;
  lr_scale_ *= learning_rate_scale;
  optimizer_->Reset();  // momentum and averages may hold the explosion
  divergence_.reset();
  phase_ = Phase::kTraining;
  return true;
}

void Session::EvaluateSome(double deadline) {
  do {
    if (!train_eval_->done()) train_eval_->Advance(*model_);
    else if (!test_eval_->done()) test_eval_->Advance(*model_);
    if (train_eval_->done() && test_eval_->done()) {
      FinishEpoch();
      return;
    }
  } while (Now() < deadline);
}

void Session::FinishEpoch() {
  EpochRecord r;
  r.epoch = epoch_ + 1;
  r.train_loss = epoch_steps_ ? epoch_loss_sum_ / epoch_steps_ : 0;
  r.train_accuracy = train_eval_->result().accuracy();
  r.test_accuracy = test_eval_->result().accuracy();
  r.test_loss = test_eval_->result().mean_loss();
  r.learning_rate = history_.step_lr.empty() ? current_learning_rate() : history_.step_lr.back();
  last_test_ = test_eval_->result();
  r.images_per_second = epoch_train_seconds_ > 0 ? epoch_images_ / epoch_train_seconds_ : 0;
  history_.epochs.push_back(r);
  ++epoch_;
  train_eval_.reset();
  test_eval_.reset();
  if (epoch_ >= cfg_.epochs) phase_ = Phase::kFinished;
  else StartEpoch();
}

Phase Session::Step(double seconds) {
  const double deadline = Now() + seconds;
  do {
    if (phase_ == Phase::kTraining) {
      const double started = Now();
      TrainOneChunk();
      last_chunk_seconds_ = Now() - started;
    } else if (phase_ == Phase::kEvaluating) {
      EvaluateSome(deadline);
    } else {
      break;
    }
    // Start another chunk only if it should end in time: a frame's budget is a budget, not a
    // minimum (with 7 ms chunks, "until the deadline" made an 8 ms budget take 14 ms).
  } while (Now() + (phase_ == Phase::kTraining ? last_chunk_seconds_ : 0) < deadline);
  return phase_;
}

Phase Session::StepBatches(int n) {
  // An epoch's scoring under way (a pause can come part-way through it) is finished first, or the
  // steps asked for would not be taken.
  while (phase_ == Phase::kEvaluating) EvaluateSome(0);
  for (int i = 0; i < n && phase_ == Phase::kTraining; ++i) {
    if (!TrainOneStep()) return phase_;
    while (phase_ == Phase::kEvaluating) EvaluateSome(0);
  }
  return phase_;
}

Phase Session::RunToEnd() {
  while (running()) Step(1.0);
  return phase_;
}

}  // namespace gradlab::train
