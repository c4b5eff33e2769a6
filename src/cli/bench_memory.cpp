#include "cli/bench_memory.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "train/session.h"

#ifdef __EMSCRIPTEN__
#include <malloc.h>
#endif

namespace gradlab::cli {

namespace {

// WebAssembly: the memory's size (it never shrinks, so this is the peak so far) and the bytes
// malloc has handed out now. Natively: the peak resident set (VmHWM), and no in-use figure.
struct MemoryNow {
  double peak_mb = 0, in_use_mb = -1;
};

MemoryNow Measure() {
  MemoryNow m;
#ifdef __EMSCRIPTEN__
  m.peak_mb = __builtin_wasm_memory_size(0) * 65536.0 / (1 << 20);
  m.in_use_mb = mallinfo().uordblks / double(1 << 20);
#else
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) m.peak_mb = std::stod(line.substr(6)) / 1024;  // in kB
#endif
  return m;
}

}  // namespace

int RunMemoryBench(const MemoryBenchOptions& opt, const std::function<Result<LoadedData>()>& load) {
#ifdef __EMSCRIPTEN__
  const char* what = "WebAssembly memory";
#else
  const char* what = "peak resident set";
#endif
  auto report = [&](const std::string& stage, const std::string& detail) {
    const MemoryNow m = Measure();
    if (opt.json) {
      nlohmann::json j = {{"event", "memory"}, {"target", GRADLAB_TARGET}, {"stage", stage}, {"detail", detail},
                          {"peak_mb", m.peak_mb}};
      if (m.in_use_mb >= 0) j["in_use_mb"] = m.in_use_mb;
      std::cout << j.dump() << std::endl;
    } else {
      std::printf("%-26s %s %7.1f MB", stage.c_str(), what, m.peak_mb);
      if (m.in_use_mb >= 0) std::printf(", malloc in use %7.1f MB", m.in_use_mb);
      std::printf("  %s\n", detail.c_str());
    }
  };
  report("start", "");
  auto data = load();
  if (!data) {
    std::cerr << "gradlab-cli bench: " << data.error() << "\n";
    return kExitFailure;
  }
  const double image_mb = (data->train->pixels.size() + data->test->pixels.size()) / double(1 << 20);
  char detail[160];
  std::snprintf(detail, sizeof detail, "%s; images kept as bytes: %.1f MB", data->description.c_str(), image_mb);
  report("data loaded", detail);

  train::TrainConfig cfg;
  cfg.model_spec = opt.model;
  cfg.optimizer.kind = nn::OptimizerKind::kMomentum;
  cfg.schedule.base_lr = opt.lr;
  cfg.batch_size = opt.batch;
  cfg.micro_batch = opt.micro_batch;
  cfg.epochs = opt.epochs;
  cfg.seed = opt.seed;
  auto created = train::Session::Create(cfg, data->train, data->test);
  if (!created) {
    std::cerr << "gradlab-cli bench: " << created.error() << "\n";
    return kExitUsage;
  }
  train::Session& session = **created;
  std::snprintf(detail, sizeof detail, "%s, %zu parameters", session.model().CanonicalSpec().c_str(),
                session.model().ParameterCount());
  report("model made", detail);
  session.StepBatches(10);  // the training buffers reach their size (fewer steps if the epoch ends)
  report("10 training steps", std::to_string(session.steps()) + " steps of batch " + std::to_string(opt.batch));
  session.RunToEnd();
  const auto& epochs = session.history().epochs;
  std::snprintf(detail, sizeof detail, "%d epoch(s), %ld steps, test accuracy %.1f%%", static_cast<int>(epochs.size()),
                session.steps(), epochs.empty() ? 0.0 : 100 * epochs.back().test_accuracy);
  report("trained and evaluated", detail);
  return session.phase() == train::Phase::kFinished ? kExitOk : kExitFailure;
}

}  // namespace gradlab::cli
