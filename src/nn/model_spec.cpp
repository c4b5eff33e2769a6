#include "nn/model_spec.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include "i18n/translate.h"

namespace gradlab::nn {

const char* ModelSpecHelp() {
  return tr("layers: linear, fc, fcN, mlp:W,W,..., convCkF[sS][pP], poolF[sS], relu, lrelu[A], sigmoid, "
            "tanh, elu[A], maxoutK, dropoutP, bn, flatten");
}

std::string PointAt(const std::string& spec, const ParsedLayer& layer, const std::string& message) {
  std::string out = Fill(tr("{0} at column {1}"), {message, std::to_string(layer.column)}) + "\n  " + spec + "\n  ";
  out += std::string(layer.column > 0 ? layer.column - 1 : 0, ' ') + "^";
  return out;
}

std::vector<ParsedLayer> WithClosingFc(const std::string& spec, std::vector<ParsedLayer> layers) {
  if (layers.empty() || layers.back().word != LayerWord::kFc)
    layers.push_back(ParsedLayer{LayerWord::kFc, 0, 0, 0, 0, 0, "fc", static_cast<int>(spec.size()) + 1});
  return layers;
}

namespace {


// "0.3", "0.05", "0.00001": up to ten decimals, trailing zeros dropped (the spec's number syntax
// has no exponent, so %g will not do: it writes 1e-05).
std::string Decimal(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string FormatLayerWord(const ParsedLayer& l) {
  const auto n = [](int v) { return std::to_string(v); };
  switch (l.word) {
    case LayerWord::kFc: return l.a > 0 ? "fc" + n(l.a) : "fc";
    case LayerWord::kConv:
      return "conv" + n(l.a) + "k" + n(l.b) + (l.c != 1 ? "s" + n(l.c) : "") + (l.d != 0 ? "p" + n(l.d) : "");
    case LayerWord::kPool: return "pool" + n(l.a) + (l.b != l.a ? "s" + n(l.b) : "");
    case LayerWord::kReLU: return "relu";
    case LayerWord::kLeakyReLU: return l.value == 0.1 ? "lrelu" : "lrelu" + Decimal(l.value);
    case LayerWord::kSigmoid: return "sigmoid";
    case LayerWord::kTanh: return "tanh";
    case LayerWord::kELU: return l.value == 1.0 ? "elu" : "elu" + Decimal(l.value);
    case LayerWord::kMaxout: return "maxout" + n(l.a);
    case LayerWord::kDropout: return "dropout" + Decimal(l.value);
    case LayerWord::kBatchNorm: return "bn";
    case LayerWord::kFlatten: return "flatten";
  }
  return "";
}

std::string FormatModelSpec(const std::vector<ParsedLayer>& layers) {
  std::string spec;
  for (const ParsedLayer& l : layers) spec += (spec.empty() ? "" : " ") + FormatLayerWord(l);
  return spec;
}

namespace {

struct Word {
  std::string text;
  int column;
};

std::vector<Word> SplitWords(const std::string& spec) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < spec.size()) {
    while (i < spec.size() && std::isspace(static_cast<unsigned char>(spec[i]))) ++i;
    size_t start = i;
    while (i < spec.size() && !std::isspace(static_cast<unsigned char>(spec[i]))) ++i;
    if (i > start) {
      std::string w = spec.substr(start, i - start);
      for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      words.push_back({w, static_cast<int>(start) + 1});
    }
  }
  return words;
}

int ToInt(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

// Parses one word that is not mlp:...; false if it is not a layer word.
bool ParseWord(const Word& w, ParsedLayer* out, std::string* problem) {
  static const std::regex fc(R"(fc(\d{1,6})?)"), linear("linear"),
      conv(R"(conv(\d{1,4})k(\d{1,2})(?:s(\d{1,2}))?(?:p(\d{1,2}))?)"),
      pool(R"(pool(\d{1,2})(?:s(\d{1,2}))?)"), maxout(R"(maxout(\d{1,2}))"),
      number(R"((\d+(?:\.\d*)?|\.\d+))"), act(R"((relu|lrelu|sigmoid|tanh|elu)((?:\d+(?:\.\d*)?|\.\d+))?)"),
      dropout(R"(dropout((?:\d+(?:\.\d*)?|\.\d+))?)");
  std::smatch m;
  *out = ParsedLayer{LayerWord::kFc, 0, 0, 0, 0, 0, w.text, w.column};
  if (std::regex_match(w.text, m, fc)) {
    out->a = ToInt(m[1]);
    if (m[1].matched && out->a < 1) *problem = tr("fc needs at least 1 output");
  } else if (std::regex_match(w.text, linear)) {
    out->a = 0;
  } else if (std::regex_match(w.text, m, conv)) {
    out->word = LayerWord::kConv;
    out->a = ToInt(m[1]);
    out->b = ToInt(m[2]);
    out->c = m[3].matched ? ToInt(m[3]) : 1;
    out->d = m[4].matched ? ToInt(m[4]) : 0;
    if (out->a < 1 || out->b < 1 || out->c < 1) *problem = tr("conv needs at least 1 filter, kernel 1 and stride 1");
  } else if (std::regex_match(w.text, m, pool)) {
    out->word = LayerWord::kPool;
    out->a = ToInt(m[1]);
    out->b = m[2].matched ? ToInt(m[2]) : out->a;
    if (out->a < 1 || out->b < 1) *problem = tr("pool needs a kernel and stride of at least 1");
  } else if (std::regex_match(w.text, m, maxout)) {
    out->word = LayerWord::kMaxout;
    out->a = ToInt(m[1]);
    if (out->a < 2) *problem = tr("maxout needs at least 2 pieces");
  } else if (std::regex_match(w.text, m, act)) {
    const std::string name = m[1];
    const bool has_param = m[2].matched;
    out->value = has_param ? std::atof(std::string(m[2]).c_str()) : 0;
    if (name == "relu") out->word = LayerWord::kReLU;
    else if (name == "sigmoid") out->word = LayerWord::kSigmoid;
    else if (name == "tanh") out->word = LayerWord::kTanh;
    else if (name == "lrelu") {
      out->word = LayerWord::kLeakyReLU;
      if (!has_param) out->value = 0.1;  // the lecture's slope
    } else {
      out->word = LayerWord::kELU;
      if (!has_param) out->value = 1.0;
    }
    if (has_param && out->word != LayerWord::kLeakyReLU && out->word != LayerWord::kELU)
      *problem = Fill(tr("{0} takes no number"), {name});
    // 400 nines parse as infinity: a slope of inf would make every output NaN.
    else if (has_param && !(out->value <= kSpecLimits.activation_parameter))
      *problem = Fill(name == "lrelu" ? tr("lrelu's slope must be from 0 to {0}") : tr("elu's alpha must be from 0 to {0}"),
                      {Decimal(kSpecLimits.activation_parameter)});
  } else if (std::regex_match(w.text, m, dropout)) {
    out->word = LayerWord::kDropout;
    out->value = m[1].matched ? std::atof(std::string(m[1]).c_str()) : 0.5;
    if (!(out->value >= 0 && out->value < 1)) *problem = tr("dropout probability must be in [0, 1)");
  } else if (w.text == "bn" || w.text == "batchnorm") {
    out->word = LayerWord::kBatchNorm;
  } else if (w.text == "flatten") {
    out->word = LayerWord::kFlatten;
  } else {
    return false;
  }
  return true;
}

bool IsModifier(LayerWord w) {
  return w == LayerWord::kReLU || w == LayerWord::kLeakyReLU || w == LayerWord::kSigmoid ||
         w == LayerWord::kTanh || w == LayerWord::kELU || w == LayerWord::kBatchNorm ||
         w == LayerWord::kDropout;
}

bool IsActivation(LayerWord w) { return IsModifier(w) && w != LayerWord::kBatchNorm && w != LayerWord::kDropout; }

}  // namespace

Result<std::vector<ParsedLayer>> ParseModelSpec(const std::string& spec) {
  using R = Result<std::vector<ParsedLayer>>;
  if (spec.size() > 4000) return R::Error(tr("the model spec is too long (over 4,000 characters)"));
  const std::vector<Word> words = SplitWords(spec);
  if (words.empty()) return R::Error(std::string(tr("the model spec is empty; try 'linear' or 'mlp:100 relu'")) + "\n" + ModelSpecHelp());

  std::vector<ParsedLayer> layers;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.text.rfind("mlp:", 0) == 0) {
      ParsedLayer at{LayerWord::kFc, 0, 0, 0, 0, 0, w.text, w.column};
      if (i != 0) return R::Error(PointAt(spec, at, tr("mlp:... describes a whole model and must come first")));
      // Widths, then modifiers that apply to every hidden layer.
      std::vector<int> widths;
      static const std::regex widths_re(R"(\d{1,6}(,\d{1,6})*)");
      const std::string list = w.text.substr(4);
      if (!std::regex_match(list, widths_re))
        return R::Error(PointAt(spec, at, Fill(tr("mlp needs hidden widths like mlp:100 or mlp:100,50, not '{0}'"), {w.text})));
      for (size_t p = 0; p < list.size();) {
        size_t q = list.find(',', p);
        if (q == std::string::npos) q = list.size();
        widths.push_back(ToInt(list.substr(p, q - p)));
        if (widths.back() < 1) return R::Error(PointAt(spec, at, tr("mlp widths must be at least 1")));
        p = q + 1;
      }
      std::vector<ParsedLayer> modifiers;
      bool has_activation = false;
      for (size_t j = i + 1; j < words.size(); ++j) {
        ParsedLayer mod;
        std::string problem;
        if (!ParseWord(words[j], &mod, &problem) || !IsModifier(mod.word))
          return R::Error(PointAt(spec, mod.column ? mod : ParsedLayer{LayerWord::kFc, 0, 0, 0, 0, 0, words[j].text, words[j].column},
                                  Fill(tr("after mlp:... only an activation, bn or dropoutP may follow, not '{0}'"), {words[j].text})));
        if (!problem.empty()) return R::Error(PointAt(spec, mod, problem));
        has_activation |= IsActivation(mod.word);
        modifiers.push_back(mod);
      }
      if (!has_activation) modifiers.insert(modifiers.begin(), ParsedLayer{LayerWord::kReLU, 0, 0, 0, 0, 0, "relu", w.column});
      // Order per hidden layer: fc, [bn], activation, [dropout].
      for (int width : widths) {
        layers.push_back(ParsedLayer{LayerWord::kFc, width, 0, 0, 0, 0, w.text, w.column});
        for (LayerWord pass : {LayerWord::kBatchNorm, LayerWord::kReLU, LayerWord::kDropout})
          for (const ParsedLayer& mod : modifiers) {
            const bool match = pass == LayerWord::kReLU ? IsActivation(mod.word) : mod.word == pass;
            if (match) layers.push_back(mod);
          }
      }
      layers.push_back(ParsedLayer{LayerWord::kFc, 0, 0, 0, 0, 0, w.text, w.column});
      if (static_cast<int>(layers.size()) > kSpecLimits.layers)
        return R::Error(PointAt(spec, at, Fill(tr("this mlp has {0} layers; a model has at most {1}"),
                                               {std::to_string(layers.size()), std::to_string(kSpecLimits.layers)})));
      return layers;
    }
    ParsedLayer layer;
    std::string problem;
    if (!ParseWord(w, &layer, &problem)) {
      ParsedLayer at{LayerWord::kFc, 0, 0, 0, 0, 0, w.text, w.column};
      return R::Error(PointAt(spec, at, Fill(tr("unknown layer '{0}'"), {w.text})) + "\n" + ModelSpecHelp());
    }
    if (!problem.empty()) return R::Error(PointAt(spec, layer, problem));
    if (static_cast<int>(layers.size()) == kSpecLimits.layers)
      return R::Error(PointAt(spec, layer, Fill(tr("a model has at most {0} layers"), {std::to_string(kSpecLimits.layers)})));
    layers.push_back(layer);
  }
  return layers;
}

}  // namespace gradlab::nn
