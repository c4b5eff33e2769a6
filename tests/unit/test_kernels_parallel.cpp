// Work split over the pool: every item once, and element-wise layers (ReLU, max pooling) give
// the same bits on 3 threads as on one. Without threads (the page's other build) the pool has
// one thread and the checks still hold.
#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <vector>

#include "core/rng.h"
#include "kernels/parallel.h"
#include "nn/activation.h"
#include "nn/maxpool2d.h"

using namespace gradlab;

TEST_CASE("ParallelRanges covers every item once, in pieces of at least the minimum", "[kernels][thread]") {
  for (int threads : {1, 2, 3}) {
    kernels::ThreadPool pool(threads);
    kernels::UsePool use(&pool);
    for (size_t n : {size_t{0}, size_t{1}, size_t{999}, size_t{1000}, size_t{2500}, size_t{100000}}) {
      INFO("threads=" << threads << " n=" << n);
      std::vector<int> seen(n, 0);
      std::mutex mutex;
      std::vector<size_t> pieces;  // checked here: Catch2's CHECK is not for other threads
      kernels::ParallelRanges(n, 1000, [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) ++seen[i];
        std::lock_guard<std::mutex> lock(mutex);
        pieces.push_back(end - begin);
      });
      CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(n));
      CHECK(static_cast<int>(pieces.size()) <= kernels::Slots());
      if (n >= 1000) CHECK(*std::min_element(pieces.begin(), pieces.end()) >= 1000);
      if (n == 100000) CHECK(static_cast<int>(pieces.size()) == kernels::Slots());
    }
  }
}

TEST_CASE("ReLU and max pooling give the same bits on 3 threads as on one", "[kernels][thread]") {
  Rng rng(3);
  TensorT<float> x({40, 16, 16, 16});  // 163,840 values: pieces for three threads
  for (float& v : x.data) v = static_cast<float>(rng.Normal(0.0, 1.0));
  TensorT<float> dy_relu(x.shape), dy_pool({40, 16, 8, 8});
  for (float& v : dy_relu.data) v = static_cast<float>(rng.Normal(0.0, 1.0));
  for (float& v : dy_pool.data) v = static_cast<float>(rng.Normal(0.0, 1.0));
  auto run = [&](int threads) {
    kernels::ThreadPool pool(threads);
    kernels::UsePool use(&pool);
    nn::ActivationT<float> relu(nn::ActivationKind::kReLU);
    nn::MaxPool2dT<float> pool2(2, 2);
    REQUIRE(relu.Build({16, 16, 16}).ok());
    REQUIRE(pool2.Build({16, 16, 16}).ok());
    std::vector<TensorT<float>> out(4);
    relu.Forward(x, out[0], nn::Mode::kTrain);
    relu.Backward(x, out[0], dy_relu, out[1]);
    pool2.Forward(x, out[2], nn::Mode::kTrain);
    pool2.Backward(x, out[2], dy_pool, out[3]);
    return out;
  };
  const auto one = run(1), three = run(3);
  for (int i = 0; i < 4; ++i) {
    INFO("output " << i);
    CHECK(three[i].shape == one[i].shape);
    CHECK(three[i].data == one[i].data);
  }
  CHECK(one[0].data[0] == std::max(x.data[0], 0.0f));
}
