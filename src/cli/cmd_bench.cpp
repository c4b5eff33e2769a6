// `gradlab-cli bench`: how fast this build trains and runs one model, measured the way
// scripts/bench measures every peer: the batches are made before the clock starts, then
// training steps (zero grad, forward, softmax cross-entropy, backward, SGD-momentum update) and
// inference batches (forward only) run for a few seconds each. Nothing else is timed: no data
// loading, no augmentation, no evaluation, no divergence checks (the training session does
// those; `train` reports its images per second including them).
// `--memory` instead reports the memory a training session takes (bench_memory.h).
// `--gemm` instead times the GEMM products of the three reference models at batch 32, in
// GFLOP/s, for every kernel this build has, next to the build's peak (kernels/peak_f32.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/bench_memory.h"
#include "cli/command_line.h"
#include "cli/commands.h"
#include "cli/data_options.h"
#include "core/rng.h"
#include "data/batch.h"
#include "kernels/gemm.h"
#include "kernels/gemm_f32.h"
#include "kernels/peak_f32.h"
#include "kernels/parallel.h"
#include "nn/loss.h"
#include "nn/model.h"
#include "nn/optimizer.h"

namespace gradlab::cli {

namespace {

constexpr const char* kSmallCnn = "conv16k5p2 relu pool2 conv20k5p2 relu pool2 conv20k5p2 relu pool2 fc10";

double Now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Calls step() until at least `seconds` have passed and at least `min_calls` calls were made;
// returns calls per second.
template <typename F>
double CallsPerSecond(double seconds, int min_calls, F&& step) {
  const double start = Now();
  long calls = 0;
  double elapsed = 0;
  do {
    step(calls++);
    elapsed = Now() - start;
  } while (elapsed < seconds || calls < min_calls);
  return calls / elapsed;
}

// ---- the GEMM table ------------------------------------------------------------------------------

struct GemmShape {
  const char* what;
  bool trans_a, trans_b;
  int m, n, k;
  float beta;
};

// The products Linear and Conv2d make at batch 32 (conv: per image): forward, dW, dX / dcols.
const std::vector<GemmShape>& ModelGemmShapes() {
  static const std::vector<GemmShape> shapes = {
      {"linear 3072-10 forward", false, true, 32, 10, 3072, 1},
      {"linear 3072-10 dW", true, false, 10, 3072, 32, 1},
      {"linear 3072-10 dX", false, false, 32, 3072, 10, 0},
      {"mlp fc 3072-100 forward", false, true, 32, 100, 3072, 1},
      {"mlp fc 3072-100 dW", true, false, 100, 3072, 32, 1},
      {"mlp fc 3072-100 dX", false, false, 32, 3072, 100, 0},
      {"cnn conv1 forward", false, false, 16, 1024, 75, 1},
      {"cnn conv1 dW", false, true, 16, 75, 1024, 1},
      {"cnn conv1 dcols", true, false, 75, 1024, 16, 0},
      {"cnn conv2 forward", false, false, 20, 256, 400, 1},
      {"cnn conv2 dW", false, true, 20, 400, 256, 1},
      {"cnn conv2 dcols", true, false, 400, 256, 20, 0},
      {"cnn conv3 forward", false, false, 20, 64, 500, 1},
      {"cnn conv3 dW", false, true, 20, 500, 64, 1},
      {"cnn conv3 dcols", true, false, 500, 64, 20, 0},
  };
  return shapes;
}

// GFLOP/s (2mnk per product) of `gemm` on one shape, over about `seconds`.
template <typename F>
double GemmGflops(const GemmShape& s, double seconds, F&& gemm) {
  const int lda = s.trans_a ? s.m : s.k, ldb = s.trans_b ? s.k : s.n;
  Rng rng(3);
  std::vector<float> a(static_cast<size_t>(s.m) * s.k), b(static_cast<size_t>(s.k) * s.n), c(static_cast<size_t>(s.m) * s.n);
  for (float& v : a) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  for (float& v : b) v = static_cast<float>(rng.Uniform(-1.0, 1.0));
  auto call = [&](long) { gemm(s, a.data(), lda, b.data(), ldb, c.data(), s.n); };
  for (int i = 0; i < 3; ++i) call(0);  // warm the caches and the packing buffers
  // The best of many short rounds: on a shared machine other processes only ever slow it down,
  // and a round short next to the scheduler's time slice often runs undisturbed.
  double rate = 0;
  for (int round = 0; round < 40; ++round) rate = std::max(rate, CallsPerSecond(seconds / 40, 2, call));
  return rate * 2.0 * s.m * s.n * s.k / 1e9;
}

double PeakGflops(double seconds) {
  const kernels::PeakKernelF32 peak = kernels::PeakKernelF32ForThisBuild();
  long iterations = 1000;
  volatile float sink = 0;
  double best = 0;
  for (int round = 0; round < 12; ++round) {
    const double start = Now();
    sink = sink + peak.run(iterations);
    const double elapsed = Now() - start;
    if (elapsed > 0) best = std::max(best, iterations * peak.flops_per_iteration / elapsed / 1e9);
    if (elapsed < seconds / 4) iterations *= 2;  // grow until one round takes a while
  }
  return best;
}

// "gemm_f32_6x8_wasmsimd / gemm_f32_5x8_wasmsimd + gemm_nt_f32_2x4_wasmsimd", or "eigen".
std::string ChosenGemmName() {
  const kernels::GemmChoiceF32& chosen = kernels::GemmChosenF32();
  if (chosen.broadcast.empty()) return "eigen";
  std::string name;
  for (const auto* v : chosen.broadcast) name += (name.empty() ? "" : " / ") + std::string(v->name);
  return name + (chosen.dot ? std::string(" + ") + chosen.dot->name : "");
}

int RunGemmTable(bool json, double seconds) {
  using kernels::GemmKindF32;
  const kernels::PeakKernelF32 peak_kernel = kernels::PeakKernelF32ForThisBuild();
  const double peak = PeakGflops(seconds);
  const auto& all = kernels::GemmVariantsF32();
  const kernels::GemmVariantF32* first_broadcast = nullptr;
  for (const auto& v : all)
    if (!first_broadcast && v.kind == GemmKindF32::kBroadcast) first_broadcast = &v;
  if (json)
    std::cout << nlohmann::json{{"event", "peak"}, {"target", GRADLAB_TARGET}, {"kernel", peak_kernel.name},
                                {"gflops", peak}, {"gemm", ChosenGemmName()}}.dump()
              << std::endl;
  else {
    std::printf("peak (%s): %.1f GFLOP/s; Gemm<float> uses %s\n\n%-26s %5s %5s %5s  %11s %5s", peak_kernel.name, peak,
                ChosenGemmName().c_str(), "product", "m", "n", "k", "Gemm<float>", "%peak");
    for (const auto& v : all) std::printf("  %24s", v.name);
    std::printf("  %8s\n", "eigen");
  }

  // Each micro-kernel alone, k = 256, on panels that stay in L1: the ceiling the driver can reach.
  {
    const int k = 256;
    std::vector<float> a(16 * k, 0.5f), b(16 * k, 0.25f), c(16 * 16);
    nlohmann::json variants = nlohmann::json::object();
    if (!json) std::printf("%-26s %5s %5s %5d  %11s %5s", "micro-kernel alone (L1)", "", "", k, "", "");
    for (const auto& v : all) {
      const bool dot = v.kind == GemmKindF32::kDot;
      auto call = [&](long) { v.kernel(k, a.data(), dot ? k : v.mr, b.data(), dot ? k : v.nr, c.data(), v.nr, 1.0f, 1.0f); };
      double rate = 0;
      for (int round = 0; round < 40; ++round) rate = std::max(rate, CallsPerSecond(seconds / 40, 20, call));
      variants[v.name] = rate * 2.0 * v.mr * v.nr * k / 1e9;
      if (!json) std::printf("  %24.1f", variants[v.name].get<double>());
    }
    if (json) std::cout << nlohmann::json{{"event", "micro-kernel"}, {"k", k}, {"variants", variants}}.dump() << std::endl;
    else std::printf("\n");
  }

  for (const GemmShape& s : ModelGemmShapes()) {
    const double dispatched = GemmGflops(s, seconds, [](const GemmShape& g, const float* a, int lda, const float* b, int ldb, float* c, int ldc) {
      kernels::Gemm<float>(g.trans_a, g.trans_b, g.m, g.n, g.k, 1.0f, a, lda, b, ldb, g.beta, c, ldc);
    });
    nlohmann::json variants = nlohmann::json::object();
    std::vector<double> rates;
    const bool nt = !s.trans_a && s.trans_b;
    for (const auto& v : all) {
      if (v.kind == GemmKindF32::kDot && !nt) {  // dot kernels only do A * B^T
        rates.push_back(-1);
        continue;
      }
      const kernels::GemmVariantF32& broadcast = v.kind == GemmKindF32::kBroadcast ? v : *first_broadcast;
      const kernels::GemmVariantF32* dot = v.kind == GemmKindF32::kDot ? &v : nullptr;
      rates.push_back(GemmGflops(s, seconds, [&](const GemmShape& g, const float* a, int lda, const float* b, int ldb, float* c, int ldc) {
        kernels::GemmMicroF32(broadcast, dot, g.trans_a, g.trans_b, g.m, g.n, g.k, 1.0f, a, lda, b, ldb, g.beta, c, ldc);
      }));
      variants[v.name] = rates.back();
    }
    const double eigen = GemmGflops(s, seconds, [](const GemmShape& g, const float* a, int lda, const float* b, int ldb, float* c, int ldc) {
      kernels::GemmEigen<float>(g.trans_a, g.trans_b, g.m, g.n, g.k, 1.0f, a, lda, b, ldb, g.beta, c, ldc);
    });
    variants["eigen"] = eigen;
    if (json) {
      std::cout << nlohmann::json{{"event", "gemm"}, {"product", s.what}, {"trans_a", s.trans_a}, {"trans_b", s.trans_b},
                                  {"m", s.m}, {"n", s.n}, {"k", s.k}, {"gflops", dispatched},
                                  {"fraction_of_peak", dispatched / peak}, {"variants", variants}}.dump()
                << std::endl;
    } else {
      std::printf("%-26s %5d %5d %5d  %11.1f %4.0f%%", s.what, s.m, s.n, s.k, dispatched, 100 * dispatched / peak);
      for (double r : rates) r < 0 ? std::printf("  %24s", "-") : std::printf("  %24.1f", r);
      std::printf("  %8.1f\n", eigen);
    }
  }
  return kExitOk;
}

}  // namespace

int RunBench(const std::vector<std::string>& words) {
  std::vector<OptionSpec> specs = DataOptionSpecs();
  specs.push_back({"model", "SPEC", "model spec (linear, mlp:100, or the small CNN by default)", kSmallCnn});
  specs.push_back({"batch", "N", "images per training step and per inference batch", "32"});
  specs.push_back({"lr", "X", "SGD learning rate (momentum 0.9)", "0.01"});
  specs.push_back({"seconds", "S", "time each measurement (training, inference) for at least S seconds", "2"});
  specs.push_back({"seed", "N", "weights' and data order's seed", "1"});
  specs.push_back({"threads", "N", "threads that train, 1 to 8 (conv layers split their images over them)", "1"});
  specs.push_back({"gemm", "", "time the models' GEMM products and this build's peak instead (GFLOP/s)", ""});
  specs.push_back({"memory", "", "report memory while a training session runs an epoch instead (peak WebAssembly heap)", ""});
  specs.push_back({"epochs", "N", "with --memory: epochs to train", "1"});
  specs.push_back({"micro-batch", "N", "with --memory: images per forward/backward chunk (0 = the whole batch)", "0"});
  specs.push_back({"json", "", "print one JSON object per line instead of text", ""});
  CommandLine cmd("bench", "[options]",
                  "Training and inference images per second of one model (forward + backward + SGD-momentum update\n"
                  "only), or with --gemm the GEMM speed in GFLOP/s, or with --memory the peak WebAssembly heap.\n"
                  "Example: gradlab-cli bench --model mlp:100 --seconds 3 --json",
                  specs, words);
  if (auto stop = cmd.Start()) return *stop;
  Args& args = cmd.args();
  const int batch = static_cast<int>(args.get_int("batch", 1, 4096));
  const double lr = args.get_double("lr"), seconds = args.get_double("seconds");
  const uint64_t seed = static_cast<uint64_t>(args.get_int("seed", 0, 2000000000L));
  const int threads = static_cast<int>(args.get_int("threads", 1, 8));
  if (!args.ok()) return cmd.UsageError(args.error());
  if (threads > 1 && !kernels::ThreadsAvailable()) return cmd.UsageError("--threads: this build has no threads (use 1)");
  kernels::ThreadPool pool(threads);
  kernels::UsePool use_pool(&pool);
  if (!(seconds > 0 && seconds <= 600)) return cmd.UsageError("--seconds must be above 0 and at most 600");
  const bool json = args.flag("json");
  if (args.flag("gemm")) return RunGemmTable(json, std::min(seconds, 1.0) / 4);
  if (args.flag("memory")) {
    MemoryBenchOptions opt;
    opt.model = args.get("model");
    opt.batch = batch;
    opt.lr = lr;
    opt.seed = seed;
    opt.json = json;
    opt.epochs = static_cast<int>(args.get_int("epochs", 1, 1000));
    opt.micro_batch = static_cast<int>(args.get_int("micro-batch", 0, 4096));
    if (!args.ok()) return cmd.UsageError(args.error());
    return RunMemoryBench(opt, [&] { return LoadDataFromArgs(args, seed); });
  }

  auto data = LoadDataFromArgs(args, seed);
  if (!data) return cmd.Problem(data.error());
  const data::Dataset& train = *data->train;
  const int batches = train.size() / batch;
  if (batches < 1)
    return cmd.UsageError("the data has " + std::to_string(train.size()) + " training samples, fewer than one batch of " +
                       std::to_string(batch));
  auto created = nn::Model::Create(args.get("model"), train.sample_shape, train.num_classes(), seed);
  if (!created) return cmd.UsageError(created.error());
  nn::Model& model = *created;

  // Every batch made up front, in one shuffled order: the clock sees only the model.
  std::vector<int> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  Rng rng(seed);
  rng.Shuffle(order);
  std::vector<Tensor> xs(batches), targets(batches);
  std::vector<int> labels;
  for (int i = 0; i < batches; ++i) {
    data::FillBatch(train, order.data() + i * batch, batch, xs[i], labels);
    data::OneHot(labels.data(), batch, train.num_classes(), targets[i]);
  }

  nn::OptimizerConfig opt_cfg;
  opt_cfg.kind = nn::OptimizerKind::kMomentum;
  nn::OptimizerT<float> optimizer(opt_cfg);
  const std::vector<nn::ParamT<float>*> params = model.Params();
  Tensor dscores;
  float loss = 0;
  auto train_step = [&](long i) {
    const int b = static_cast<int>(i % batches);
    model.ZeroGrad();
    const Tensor& scores = model.Forward(xs[b], nn::Mode::kTrain);
    loss = nn::ComputeLoss(nn::LossKind::kSoftmax, scores, targets[b], &dscores);
    model.Backward(dscores);
    optimizer.Step(params, lr);
  };
  float checksum = 0;
  auto infer_step = [&](long i) { checksum += model.Forward(xs[i % batches], nn::Mode::kEval)[0]; };

  for (int i = 0; i < 3; ++i) train_step(i);  // buffers reach their size; caches warm
  const double train_rate = CallsPerSecond(seconds, 3, train_step) * batch;
  for (int i = 0; i < 3; ++i) infer_step(i);
  const double infer_rate = CallsPerSecond(seconds, 3, infer_step) * batch;

  if (json) {
    std::cout << nlohmann::json{{"event", "bench"}, {"target", GRADLAB_TARGET}, {"model", model.CanonicalSpec()},
                                {"data", data->description}, {"batch", batch}, {"optimizer", "momentum"}, {"lr", lr},
                                {"train_images_per_second", train_rate}, {"infer_images_per_second", infer_rate},
                                {"gemm", ChosenGemmName()}, {"threads", threads}, {"last_loss", loss}}.dump()
              << std::endl;
  } else {
    std::printf("model:     %s\ndata:      %s, batch %d, SGD momentum 0.9 lr %g\ngemm:      %s\n", model.CanonicalSpec().c_str(),
                data->description.c_str(), batch, lr, ChosenGemmName().c_str());
    std::printf("training:  %.0f images/s (forward + backward + update; last loss %.4f)\ninference: %.0f images/s\n",
                train_rate, loss, infer_rate);
  }
  volatile float sink = checksum;  // keeps the inference loop from being optimised away
  (void)sink;
  return kExitOk;
}

}  // namespace gradlab::cli
