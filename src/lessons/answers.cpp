#include "lessons/answers.h"

#include <cmath>
#include <sstream>
#include <vector>

#include "graph/examples.h"
#include "graph/ops.h"
#include "nn/conv_arithmetic.h"
#include "nn/explain.h"
#include "nn/maxpool2d.h"
#include "nn/regularizer.h"
#include "nn/schedule.h"
#include "settings/registry.h"

namespace gradlab::lessons {

namespace {

using R = Result<double>;

// "gradient x" -> {"gradient", "x"}.
std::vector<std::string> Words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// A whole number from 0 to `below` - 1, or -1.
int Index(const std::string& word, int below) {
  if (word.empty() || word.size() > 3 || word.find_first_not_of("0123456789") != std::string::npos) return -1;
  const int k = std::stoi(word);
  return k < below ? k : -1;
}

R FromGraph(const std::vector<std::string>& w, const settings::Settings& s) {
  if (w.size() != 2) return R::Error("'" + w[0] + "' takes a node of the graph, e.g. '" + w[0] + " x'");
  auto resolved = settings::ResolveBackprop(s.backprop);
  if (!resolved) return R::Error("the Backprop tab's graph: " + resolved.error());
  auto stepper = graph::MakeStepper(resolved->expression, resolved->values, resolved->labels);
  if (!stepper) return R::Error("the Backprop tab's graph: " + stepper.error());
  const graph::Graph& g = stepper->result();
  std::string names;
  for (int id = 0; id < g.size(); ++id) {
    const graph::Node& node = g.node(id);
    if (node.label == w[1]) return w[0] == "value" ? node.value : node.grad;
    if (!node.label.empty() && !(node.op == graph::Op::kConstant)) names += (names.empty() ? "" : ", ") + node.label;
  }
  return R::Error("the graph of " + resolved->expression + " has no node '" + w[1] + "' (it has " + names + ")");
}

R FromLosses(const std::vector<std::string>& w, const settings::Settings& s) {
  const settings::CalcSettings& c = s.calc;
  const nn::LossBreakdown b = nn::ExplainLosses(std::vector<double>(c.scores.begin(), c.scores.end()), c.label);
  if (w[0] == "probability") {
    const int k = w.size() == 2 ? Index(w[1], static_cast<int>(b.probs.size())) : -1;
    if (k < 0) return R::Error("'probability' takes a class: 0, 1 or 2");
    return b.probs[k];
  }
  if (w.size() != 1) return R::Error("'" + w[0] + "' takes nothing after it");
  if (w[0] == "svm_loss") return b.svm_loss;
  if (w[0] == "softmax_loss") return b.softmax_loss;
  return b.softmax_loss_log10;
}

R FromConv(const std::vector<std::string>& w, const settings::Settings& s) {
  const settings::CalcSettings& c = s.calc;
  if (w.size() != 1) return R::Error("'" + w[0] + "' takes nothing after it");
  if (w[0] == "conv_parameters") return static_cast<double>(nn::ConvParameters(c.conv_f, c.conv_c, c.conv_k));
  if (w[0] == "receptive_field") return nn::ReceptiveField(c.conv_layers, c.conv_f);
  const nn::WindowFit fit = nn::FitWindow(c.conv_n, c.conv_f, c.conv_s, c.conv_p);
  if (!fit.fits) return R::Error("the conv calculator's window does not fit: " + fit.message);
  return fit.output;
}

R FromPooling(const std::vector<std::string>& w, const settings::Settings& s) {
  const int k = w.size() == 2 ? Index(w[1], 4) : -1;
  if (k < 0) return R::Error("'pooled' takes an output, 0 to 3 (row by row)");
  nn::MaxPool2dT<double> pool(2, 2);
  (void)pool.Build({1, 4, 4});
  TensorT<double> x({1, 1, 4, 4}), y;
  for (int i = 0; i < 16; ++i) x[i] = s.calc.pool[i];
  pool.Forward(x, y, nn::Mode::kEval);
  return y[k];
}

R FromSchedule(const std::vector<std::string>& w, const settings::Settings& s) {
  if (w.size() != 3) return R::Error("'lr' takes a schedule and an epoch, e.g. 'lr cosine 50'");
  auto cfg = nn::ParseSchedule(w[1], s.calc.schedule_lr);
  if (!cfg) return R::Error(cfg.error());
  cfg->warmup = s.calc.schedule_warmup;
  char* end = nullptr;
  const double t = std::strtod(w[2].c_str(), &end);
  if (*end != '\0' || !(t >= 0) || t > s.calc.schedule_epochs)
    return R::Error("the epoch '" + w[2] + "' is not from 0 to the calculator's " + std::to_string(s.calc.schedule_epochs));
  return nn::LearningRateAt(*cfg, t, s.calc.schedule_epochs);
}

R FromRegularization(const std::vector<std::string>& w, const settings::Settings& s) {
  auto kind = w.size() == 2 ? nn::ParseRegKind(w[1]) : Result<nn::RegKind>::Error("");
  if (!kind || *kind == nn::RegKind::kNone) return R::Error("'penalty' takes l2, l1 or elastic");
  const auto& weights = s.calc.weights;
  nn::ParamT<double> p{"weight", TensorT<double>({static_cast<int>(weights.size())}), TensorT<double>({static_cast<int>(weights.size())}), true};
  for (size_t i = 0; i < weights.size(); ++i) p.value[static_cast<int>(i)] = weights[i];
  return nn::RegularizationPenalty(nn::RegConfig{*kind, s.calc.reg_lambda, s.calc.reg_beta}, std::vector<nn::ParamT<double>*>{&p});
}

}  // namespace

Result<double> ComputeAnswer(const std::string& what, const settings::Settings& s) {
  const std::vector<std::string> w = Words(what);
  if (w.empty()) return R::Error("says nothing to compute");
  const std::string& name = w[0];
  R r = R::Error("");
  if (name == "value" || name == "gradient") r = FromGraph(w, s);
  else if (name == "svm_loss" || name == "softmax_loss" || name == "softmax_loss_log10" || name == "probability") r = FromLosses(w, s);
  else if (name == "conv_output" || name == "conv_parameters" || name == "receptive_field") r = FromConv(w, s);
  else if (name == "pooled") r = FromPooling(w, s);
  else if (name == "lr") r = FromSchedule(w, s);
  else if (name == "penalty") r = FromRegularization(w, s);
  else
    return R::Error("cannot compute '" + name + "' (value, gradient, svm_loss, softmax_loss, softmax_loss_log10, probability, "
                    "conv_output, conv_parameters, receptive_field, pooled, lr, penalty)");
  if (r && !std::isfinite(*r)) return R::Error("'" + what + "' is not a finite number here");
  return r;
}

}  // namespace gradlab::lessons
