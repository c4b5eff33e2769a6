// The model-spec language shared by the CLI, the UI and saved files. A spec is layer words
// separated by spaces, e.g.
//   linear
//   mlp:100,100 relu
//   conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10
// Words (case-insensitive):
//   fcN, fc           Linear with N outputs; plain "fc" has one per class
//   linear            the linear classifier: same as "fc"
//   mlp:W1,W2,...     hidden Linear layers of widths W1, W2, ...; may be followed only by
//                     modifiers applied to every hidden layer: an activation (default relu),
//                     bn, dropoutP. A final fc (one output per class) is added.
//   convCkF[sS][pP]   Conv2d with C filters of FxF, stride S (1), zero padding P (0)
//   poolF[sS]         MaxPool2d FxF, stride S (default F)
//   relu, lrelu[A], sigmoid, tanh, elu[A]   activations (LeakyReLU slope 0.1, ELU alpha 1)
//   maxoutK           Maxout over groups of K
//   dropoutP          Dropout with probability P in [0, 1)
//   bn                BatchNorm (1-D or 2-D, chosen by the input)
//   flatten           Flatten (added automatically before an fc after images)
// If the spec does not end with an fc layer, "fc" (one output per class) is appended.
#pragma once
#include <string>
#include <vector>

#include "core/status.h"

namespace gradlab::nn {

enum class LayerWord {
  kFc, kConv, kPool, kReLU, kLeakyReLU, kSigmoid, kTanh, kELU, kMaxout, kDropout, kBatchNorm, kFlatten
};

struct ParsedLayer {
  LayerWord word;
  int a = 0, b = 0, c = 0, d = 0;  // fc: a=outputs (0 = classes); conv: a=filters b=kernel c=stride d=pad;
                                   // pool: a=kernel b=stride; maxout: a=pieces
  double value = 0;                // lrelu slope, elu alpha, dropout p
  std::string text;                // the word as written (for messages)
  int column = 0;                  // 1-based column of the word in the spec
};

// The largest number each word takes, as many digits as the parser reads (fc999999, conv9999k99s99p99,
// pool99s99, maxout99), and the largest lrelu slope and elu alpha (the lecture uses 0.01 to 1); the
// layer editor's fields take the same ranges.
struct SpecLimits {
  int fc_outputs = 999999, conv_filters = 9999, kernel = 99, stride = 99, padding = 99, pool = 99, maxout = 99;
  double activation_parameter = 10;
  // Layers in all, once shorthands are expanded: far past any model the playground trains, and
  // few enough that the spec the layer editor writes back stays under the 4,000-character limit
  // (an mlp: of 300 widths expanded to a spec the parser then refused).
  int layers = 100;
};
inline constexpr SpecLimits kSpecLimits{};

// Parses and expands shorthands (linear, mlp:...). Errors point at the word:
//   "unknown layer 'poolx' at column 18\n  conv16k5p2 relu poolx\n                  ^\n..."
Result<std::vector<ParsedLayer>> ParseModelSpec(const std::string& spec);

// The layers a model built from `spec` has: `layers`, with a closing "fc" (one score per
// class) appended when they do not end with an fc.
std::vector<ParsedLayer> WithClosingFc(const std::string& spec, std::vector<ParsedLayer> layers);

// A message about word `layer` of `spec`, with a caret under it.
std::string PointAt(const std::string& spec, const ParsedLayer& layer, const std::string& message);

// One line listing the layer words, for help texts and error messages.
const char* ModelSpecHelp();

// The word for one parsed layer in its shortest form ("conv16k5p2", "pool2", "dropout0.3"), and a
// whole list joined by spaces: ParseModelSpec(FormatModelSpec(layers)) gives the layers back.
// The layer editor edits ParsedLayer fields and writes the spec text with these.
std::string FormatLayerWord(const ParsedLayer& layer);
std::string FormatModelSpec(const std::vector<ParsedLayer>& layers);

}  // namespace gradlab::nn
