#include "train/session_file.h"

#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "i18n/translate.h"

namespace gradlab::train {

namespace {

const char kMagic[8] = {'G', 'R', 'A', 'D', 'L', 'A', 'B', 'S'};
constexpr size_t kMaxHeader = 256u << 20;  // a long history is a few MB of JSON

void Put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int b = 0; b < 4; ++b) out.push_back((v >> (8 * b)) & 0xFF);
}
uint32_t Get32(const uint8_t* p) { return p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24; }

// NaN and infinity have no JSON form: they are written as null and read back as NaN.
nlohmann::json Number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json HistoryToJson(const History& h) {
  nlohmann::json epochs = nlohmann::json::array();
  for (const EpochRecord& e : h.epochs)
    epochs.push_back({e.epoch, Number(e.train_loss), Number(e.train_accuracy), Number(e.test_accuracy), Number(e.test_loss),
                      Number(e.learning_rate), Number(e.images_per_second)});
  nlohmann::json loss = nlohmann::json::array(), lr = nlohmann::json::array();
  for (float v : h.step_loss) loss.push_back(Number(v));
  for (float v : h.step_lr) lr.push_back(Number(v));
  return {{"step_loss", loss}, {"step_lr", lr}, {"epochs", epochs}};
}

// Reads the header without exceptions (the WebAssembly build has none): each accessor checks the
// type and records the first problem.
class Reader {
 public:
  const std::string& problem() const { return problem_; }

  const nlohmann::json& Get(const nlohmann::json& j, const char* key, nlohmann::json::value_t type) {
    static const nlohmann::json none;
    if (!j.is_object() || !j.contains(key)) {
      Fail(std::string("'") + key + "' is missing");
      return none;
    }
    const nlohmann::json& v = j[key];
    const bool number = type == nlohmann::json::value_t::number_float;
    if (number ? !(v.is_number() || v.is_null()) : v.type() != type) {
      Fail(std::string("'") + key + "' has the wrong type");
      return none;
    }
    return v;
  }
  double Real(const nlohmann::json& j, const char* key) { return AsReal(Get(j, key, nlohmann::json::value_t::number_float)); }
  long long Whole(const nlohmann::json& j, const char* key, long long lo, long long hi) {
    const nlohmann::json& v = Get(j, key, nlohmann::json::value_t::number_float);
    const long long x = v.is_number_integer() ? v.get<long long>() : lo - 1;
    if (x < lo || x > hi) {
      Fail(std::string("'") + key + "' is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return lo;
    }
    return x;
  }
  std::string Text(const nlohmann::json& j, const char* key) {
    const nlohmann::json& v = Get(j, key, nlohmann::json::value_t::string);
    return v.is_string() ? v.get<std::string>() : std::string();
  }
  double AsReal(const nlohmann::json& v) {
    if (v.is_null()) return std::nan("");
    if (v.is_number()) return v.get<double>();
    Fail("a number has the wrong type");
    return 0;
  }
  std::vector<float> Floats(const nlohmann::json& j, const char* key) {
    std::vector<float> out;
    const nlohmann::json& v = Get(j, key, nlohmann::json::value_t::array);
    for (const auto& x : v) out.push_back(static_cast<float>(AsReal(x)));
    return out;
  }
  void Fail(const std::string& what) {
    if (problem_.empty()) problem_ = what;
  }

 private:
  std::string problem_;
};

}  // namespace

std::vector<uint8_t> SerializeSession(const SessionFile& session) {
  const Progress& p = session.progress;
  nlohmann::json sizes1 = nlohmann::json::array(), sizes2 = nlohmann::json::array();
  for (const auto& v : p.optimizer1) sizes1.push_back(v.size());
  for (const auto& v : p.optimizer2) sizes2.push_back(v.size());
  nlohmann::json header = {
      {"format", "gradlab-session"},
      {"link", session.link},
      {"history", HistoryToJson(p.history)},
      {"steps", p.steps},
      {"epoch", p.epoch},
      {"order", p.order},
      {"cursor", p.cursor},
      // 64-bit generator words as text: JSON readers elsewhere keep only 53 bits of a number.
      {"rng", {std::to_string(p.data_rng.state), std::to_string(p.data_rng.inc), p.data_rng.has_spare_normal,
               Number(p.data_rng.spare_normal)}},
      {"optimizer_steps", p.optimizer_steps},
      {"optimizer1", sizes1},
      {"optimizer2", sizes2},
      {"epoch_loss_sum", Number(p.epoch_loss_sum)},
      {"epoch_train_seconds", Number(p.epoch_train_seconds)},
      {"first_loss", Number(p.first_loss)},
      {"lr_scale", Number(p.lr_scale)},
      {"images_per_second", Number(p.images_per_second)},
      {"epoch_steps", p.epoch_steps},
      {"epoch_images", p.epoch_images},
      {"finished", p.finished},
      {"diverged", p.divergence.has_value()},
      {"lessons", session.lessons},
  };
  if (const auto& d = p.divergence)  // why, as data: the app words it in the student's language
    header["divergence"] = {{"what", DivergenceWhatName(d->what)}, {"lambda", d->lambda_blamed}, {"step", d->step},
                            {"epoch", d->epoch},                   {"from", Number(d->from)},   {"to", Number(d->to)}};
  const std::string text = header.dump();
  std::vector<uint8_t> out(kMagic, kMagic + 8);
  Put32(out, kSessionFormatVersion);
  Put32(out, static_cast<uint32_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
  Put32(out, static_cast<uint32_t>(session.model.size()));
  out.insert(out.end(), session.model.begin(), session.model.end());
  for (const auto* state : {&p.optimizer1, &p.optimizer2})
    for (const auto& v : *state)
      for (float f : v) {
        uint32_t bits;
        std::memcpy(&bits, &f, 4);
        Put32(out, bits);
      }
  return out;
}

Result<SessionFile> DeserializeSession(const std::vector<uint8_t>& bytes, const std::string& name) {
  using R = Result<SessionFile>;
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    return R::Error(Fill(tr("{0} is not a Gradlab session file (Save session in the Train tab makes one)"), {name}));
  const uint32_t version = Get32(bytes.data() + 8);
  if (version != kSessionFormatVersion && version != 1)
    return R::Error(Fill(tr("{0} is a session file of version {1}; this Gradlab reads version {2}"),
                         {name, std::to_string(version), std::to_string(kSessionFormatVersion)}));
  const size_t header_size = Get32(bytes.data() + 12);
  if (header_size > kMaxHeader || 16 + header_size + 4 > bytes.size()) return R::Error(Fill(tr("{0} is cut short (its header is incomplete)"), {name}));
  const auto header = nlohmann::json::parse(bytes.begin() + 16, bytes.begin() + 16 + static_cast<long>(header_size), nullptr, false);
  if (header.is_discarded() || !header.is_object()) return R::Error(Fill(tr("{0}: the session header is not valid JSON"), {name}));
  const size_t model_at = 16 + header_size + 4;
  const size_t model_size = Get32(bytes.data() + 16 + header_size);
  if (model_size > bytes.size() - model_at) return R::Error(Fill(tr("{0} is cut short (the model inside is incomplete)"), {name}));

  Reader r;
  SessionFile out;
  if (r.Text(header, "format") != "gradlab-session") r.Fail("it is not a session header");
  out.link = r.Text(header, "link");
  if (version >= 2) out.lessons = r.Text(header, "lessons");
  out.model.assign(bytes.begin() + static_cast<long>(model_at), bytes.begin() + static_cast<long>(model_at + model_size));
  Progress& p = out.progress;
  const nlohmann::json& history = r.Get(header, "history", nlohmann::json::value_t::object);
  const std::vector<float> loss = r.Floats(history, "step_loss"), lr = r.Floats(history, "step_lr");
  if (loss.size() != lr.size()) r.Fail("the loss and learning-rate histories differ in length");
  for (size_t i = 0; i < loss.size() && i < lr.size(); ++i) p.history.AddStep(loss[i], lr[i]);
  for (const auto& e : r.Get(history, "epochs", nlohmann::json::value_t::array)) {
    if (!e.is_array() || e.size() != 7 || !e[0].is_number_integer()) {
      r.Fail("an epoch record is malformed");
      break;
    }
    p.history.epochs.push_back({e[0].get<int>(), r.AsReal(e[1]), r.AsReal(e[2]), r.AsReal(e[3]), r.AsReal(e[4]), r.AsReal(e[5]),
                                r.AsReal(e[6])});
  }
  constexpr long long kBig = 1LL << 40;
  p.steps = r.Whole(header, "steps", 0, kBig);
  p.epoch = static_cast<int>(r.Whole(header, "epoch", 0, 1000000));
  for (const auto& i : r.Get(header, "order", nlohmann::json::value_t::array)) {
    if (!i.is_number_integer()) {
      r.Fail("the sample order is malformed");
      break;
    }
    p.order.push_back(i.get<int>());
  }
  p.cursor = static_cast<int>(r.Whole(header, "cursor", 0, 1 << 30));
  const nlohmann::json& rng = r.Get(header, "rng", nlohmann::json::value_t::array);
  if (rng.size() == 4 && rng[0].is_string() && rng[1].is_string() && rng[2].is_boolean()) {
    p.data_rng.state = std::strtoull(rng[0].get<std::string>().c_str(), nullptr, 10);
    p.data_rng.inc = std::strtoull(rng[1].get<std::string>().c_str(), nullptr, 10);
    p.data_rng.has_spare_normal = rng[2].get<bool>();
    p.data_rng.spare_normal = r.AsReal(rng[3]);
  } else {
    r.Fail("the random generator's state is malformed");
  }
  p.optimizer_steps = r.Whole(header, "optimizer_steps", 0, kBig);
  p.epoch_loss_sum = r.Real(header, "epoch_loss_sum");
  p.epoch_train_seconds = r.Real(header, "epoch_train_seconds");
  p.first_loss = r.Real(header, "first_loss");
  p.lr_scale = r.Real(header, "lr_scale");
  p.images_per_second = r.Real(header, "images_per_second");
  p.epoch_steps = static_cast<int>(r.Whole(header, "epoch_steps", 0, 1 << 30));
  p.epoch_images = r.Whole(header, "epoch_images", 0, kBig);
  p.finished = r.Get(header, "finished", nlohmann::json::value_t::boolean).is_boolean() && header["finished"].get<bool>();
  if (r.Get(header, "diverged", nlohmann::json::value_t::boolean).is_boolean() && header["diverged"].get<bool>()) {
    Divergence d;  // a file from before the reason was kept as data says only that it diverged
    if (header.contains("divergence")) {
      const nlohmann::json& j = r.Get(header, "divergence", nlohmann::json::value_t::object);
      if (!j.is_object() || !j.contains("what") || !j["what"].is_string() || !ParseDivergenceWhat(j["what"], &d.what))
        r.Fail("the reason the run diverged is malformed");
      else {
        d.lambda_blamed = j.contains("lambda") && j["lambda"].is_boolean() && j["lambda"].get<bool>();
        d.step = r.Whole(j, "step", 0, kBig);
        d.epoch = static_cast<int>(r.Whole(j, "epoch", 0, 1 << 30));
        d.from = r.Real(j, "from");
        d.to = r.Real(j, "to");
      }
    }
    p.divergence = d;
  }
  // The optimizer's state follows the model: sizes from the header, checked against what is there.
  size_t at = model_at + model_size;
  for (auto [key, state] : {std::pair{"optimizer1", &p.optimizer1}, std::pair{"optimizer2", &p.optimizer2}}) {
    for (const auto& size : r.Get(header, key, nlohmann::json::value_t::array)) {
      if (!size.is_number_unsigned() || size.get<uint64_t>() > (bytes.size() - at) / 4) {
        r.Fail("the optimizer state is cut short");
        break;
      }
      std::vector<float> v(size.get<size_t>());
      for (float& f : v) {
        const uint32_t bits = Get32(bytes.data() + at);
        std::memcpy(&f, &bits, 4);
        at += 4;
      }
      state->push_back(std::move(v));
    }
  }
  if (!r.problem().empty()) return R::Error(name + ": " + r.problem());
  if (at != bytes.size()) return R::Error(Fill(tr("{0}: {1} bytes more than the header describes"), {name, std::to_string(bytes.size() - at)}));
  if (p.cursor > static_cast<int>(p.order.size())) return R::Error(Fill(tr("{0}: the position in the epoch is past its end"), {name}));
  return out;
}

}  // namespace gradlab::train
