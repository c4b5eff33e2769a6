#include "nn/model_budget.h"

#include <algorithm>
#include <cstdio>

#include "core/build_info.h"
#include "core/text.h"
#include "i18n/translate.h"

namespace gradlab::nn {

namespace {

// Output size of a window that fits exactly (conv_arithmetic.h's rule, in 64 bits); 0 when it
// does not, which the layer's own Build explains.
int64_t WindowOutput(int64_t n, int64_t f, int64_t stride, int64_t padding) {
  const int64_t span = n - f + 2 * padding;
  if (f < 1 || stride < 1 || padding < 0 || span < 0 || span % stride != 0) return 0;
  return span / stride + 1;
}

// Exact: a layer's input has passed the output check (at most 2^22 numbers) and a layer adds at
// most a factor of 9999 channels and 198 rows and columns of padding, far below 2^63.
int64_t Product(const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string ShapeText(const std::vector<int64_t>& shape) {
  std::string out;
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? "x" : "") + std::to_string(shape[i]);
  return out;
}

}  // namespace

std::string FormatBytes(uint64_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  return buf;
}

std::string MemorySummary() {
  const uint64_t limit = GetBuildInfo().memory_limit_bytes;
  return "models up to " + FormatBytes(kModelBudgetBytes) + " of training memory" +
         (limit ? ", in at most " + FormatBytes(limit) + " of WebAssembly memory" : std::string());
}

Result<ModelCost> CheckModelBudget(const std::string& spec, const Shape& input, int num_classes) {
  using R = Result<ModelCost>;
  auto parsed = ParseModelSpec(spec);
  if (!parsed) return R::Error(Fill(tr("model spec: {0}"), {parsed.error()}));
  const std::vector<ParsedLayer> layers = WithClosingFc(spec, *parsed);
  std::vector<int64_t> shape(input.begin(), input.end());
  if (shape.empty()) return ModelCost{};  // Create refuses it
  uint64_t inputs = 1;  // saturating: the input has not been checked yet
  for (int64_t d : shape) {
    if (d < 1) return ModelCost{};  // Create refuses it
    inputs = std::min<uint64_t>(kMaxLayerOutputs + 1, inputs * static_cast<uint64_t>(d));
  }
  if (inputs > kMaxLayerOutputs)
    return R::Error(Fill(tr("model spec: the input ({0}) has more than {1} numbers per sample"),
                         {ShapeText(shape), WithCommas(kMaxLayerOutputs)}));
  ModelCost cost;
  uint64_t workspace = 0, activations = 0;  // in numbers, like the cost's counts
  for (const ParsedLayer& p : layers) {
    uint64_t params = 0, buffers = 0;
    if (p.word == LayerWord::kFc || p.word == LayerWord::kFlatten) shape = {Product(shape)};
    switch (p.word) {
      case LayerWord::kFc: {
        const int64_t out = p.a > 0 ? p.a : num_classes;
        params = static_cast<uint64_t>(shape[0]) * out + out;
        shape = {out};
        break;
      }
      case LayerWord::kConv: {
        if (shape.size() != 3) return cost;
        const int64_t oh = WindowOutput(shape[1], p.b, p.c, p.d), ow = WindowOutput(shape[2], p.b, p.c, p.d);
        if (oh == 0 || ow == 0 || p.a < 1) return cost;
        const uint64_t patch = static_cast<uint64_t>(shape[0]) * p.b * p.b;
        params = patch * p.a + p.a;
        workspace += 2 * patch * oh * ow;  // im2col columns and their gradient
        shape = {p.a, oh, ow};
        break;
      }
      case LayerWord::kPool: {
        if (shape.size() != 3) return cost;
        const int64_t oh = WindowOutput(shape[1], p.a, p.b, 0), ow = WindowOutput(shape[2], p.a, p.b, 0);
        if (oh == 0 || ow == 0) return cost;
        shape = {shape[0], oh, ow};
        break;
      }
      case LayerWord::kMaxout:
        if (p.a < 2 || shape[0] % p.a != 0) return cost;
        shape[0] /= p.a;
        break;
      case LayerWord::kBatchNorm:
        params = 2 * static_cast<uint64_t>(shape[0]);
        buffers = params;  // running mean and variance
        break;
      default: break;  // activations, dropout, flatten: same numbers out as in
    }
    const uint64_t outputs = static_cast<uint64_t>(Product(shape));
    if (outputs > kMaxLayerOutputs)
      return R::Error(Fill(tr("model spec: {0}"),
                           {PointAt(spec, p, Fill(tr("'{0}' would output {1} = {2} numbers per sample; the limit is {3}"),
                                                  {p.text, ShapeText(shape), WithCommas(outputs), WithCommas(kMaxLayerOutputs)}))}));
    cost.parameters += params;
    cost.state += params + buffers;
    activations += 2 * outputs;  // the output and its gradient
    cost.bytes = 4 * (4 * cost.parameters + (cost.state - cost.parameters) + workspace + activations);
    if (cost.bytes > kModelBudgetBytes)
      return R::Error(Fill(
          tr("model spec: {0}"),
          {PointAt(spec, p,
                   Fill(tr("'{0}' makes the model too large: {1} parameters, {2} to train (weights, gradients, optimizer state); the limit is {3}"),
                        {p.text, WithCommas(cost.parameters), FormatBytes(cost.bytes), FormatBytes(kModelBudgetBytes)}))}));
  }
  cost.sample_bytes = 4 * activations;
  cost.complete = true;
  return cost;
}

}  // namespace gradlab::nn
