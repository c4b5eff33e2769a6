// `gradlab-cli bench --memory`: how much memory training takes, the way the app trains (a
// training session: batches made on the fly from the images kept as bytes, micro-batch chunks,
// an evaluation at the epoch's end). In WebAssembly the figure is the size of the module's
// memory, which only ever grows, so its size at the end is the peak; natively it is the peak
// resident set. Prints the size after each stage, so the stage that makes it grow shows.
#pragma once
#include <functional>
#include <string>

#include "cli/data_options.h"

namespace gradlab::cli {

struct MemoryBenchOptions {
  std::string model;
  int batch = 32, micro_batch = 0, epochs = 1;
  double lr = 0.01;
  uint64_t seed = 1;
  bool json = false;
};

// `load` loads the data; called after the first measurement, so loading is counted too.
int RunMemoryBench(const MemoryBenchOptions& opt, const std::function<Result<LoadedData>()>& load);

}  // namespace gradlab::cli
