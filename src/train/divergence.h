// Why a run diverged, as data. The training step records it, and it may run on a training
// thread, where tr() must not be called (one global language): the UI or the CLI puts it into
// words, in the student's language, with DivergenceMessage.
#pragma once
#include <optional>
#include <string>

namespace gradlab::train {

struct Divergence {
  enum class What { kLossNaN, kLossInfinite, kLossExploded, kWeightsNonFinite, kUnknown };
  What what = What::kUnknown;  // kUnknown: a session saved before the reason was kept as data
  bool lambda_blamed = false;  // the penalty was not finite, or larger than the data loss
  long step = 0;               // 1-based: the step whose update broke the run
  int epoch = 0;               // 1-based
  double from = 0, to = 0;     // kLossExploded: the first loss, and the exploded one
};

// "Training diverged at step 12 (epoch 1): the loss became NaN. The learning rate is probably
// too high; the weights from before the last update are kept." Calls tr(): the UI thread's.
std::string DivergenceMessage(const Divergence& d);
// A session's divergence, if any ("" when it has not diverged).
std::string DivergenceMessage(const std::optional<Divergence>& d);

// As a saved session keeps it ("loss-nan", ...), and back: false for a word it does not know.
const char* DivergenceWhatName(Divergence::What what);
bool ParseDivergenceWhat(const std::string& name, Divergence::What* what);

}  // namespace gradlab::train
