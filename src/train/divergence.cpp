#include "train/divergence.h"

#include <cstdio>
#include <iterator>

#include "i18n/translate.h"

namespace gradlab::train {

namespace {

const char* const kWhatNames[] = {"loss-nan", "loss-infinite", "loss-exploded", "weights-non-finite", "unknown"};

std::string Short(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

std::string DivergenceMessage(const Divergence& d) {
  using W = Divergence::What;
  if (d.what == W::kUnknown) return tr("Training diverged; the weights from before it are kept.");
  const std::string where = Fill(tr("at step {0} (epoch {1})"), {std::to_string(d.step), std::to_string(d.epoch)});
  const char* cause = d.lambda_blamed ? tr("The regularization strength (lambda) is probably too high")
                                      : tr("The learning rate is probably too high");
  std::string what;
  switch (d.what) {
    case W::kLossNaN: what = tr("the loss became NaN"); break;
    case W::kLossInfinite: what = tr("the loss became infinite"); break;
    case W::kLossExploded: what = Fill(tr("the loss exploded from {0} to {1}"), {Short(d.from), Short(d.to)}); break;
    case W::kWeightsNonFinite: what = tr("the update made some weights infinite or NaN"); break;
    case W::kUnknown: break;
  }
  const char* kept = d.what == W::kWeightsNonFinite ? tr("the weights from the step before are kept")
                                                    : tr("the weights from before the last update are kept");
  return Fill(tr("Training diverged {0}: {1}. {2}; {3}."), {where, what, cause, kept});
}

std::string DivergenceMessage(const std::optional<Divergence>& d) { return d ? DivergenceMessage(*d) : ""; }

const char* DivergenceWhatName(Divergence::What what) { return kWhatNames[static_cast<int>(what)]; }

bool ParseDivergenceWhat(const std::string& name, Divergence::What* what) {
  for (size_t i = 0; i < std::size(kWhatNames); ++i)
    if (name == kWhatNames[i]) {
      *what = static_cast<Divergence::What>(i);
      return true;
    }
  return false;
}

}  // namespace gradlab::train
