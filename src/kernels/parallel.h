// Work split over a small pool of threads, the same way whatever the pool's size: a loop of
// `count` tasks, each writing only its own outputs, whose tasks may run in any order on any
// thread. So a result never depends on how many threads computed it (the same seed gives the
// same losses with 1 thread or 8). A pool belongs to the thread that installs it (the training
// thread, the CLI's main thread); anywhere else, or with no pool, the tasks run one after
// another on the calling thread.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gradlab::kernels {

// Runs fn(task, slot) for task = 0..count-1 and returns when all have run. `slot` (0..Slots()-1)
// says which thread runs the task, for scratch space of its own.
void ParallelFor(int count, const std::function<void(int task, int slot)>& fn);
// How many slots a ParallelFor on this thread may use: the installed pool's threads, or 1.
int Slots();
// Runs fn(begin, end) over pieces of [0, n) of at least `min_piece` items, one piece per slot,
// for element-wise loops (ReLU, pooling) whose results cannot depend on how they are split.
void ParallelRanges(size_t n, size_t min_piece, const std::function<void(size_t begin, size_t end)>& fn);

class ThreadPool {
 public:
  explicit ThreadPool(int threads);  // in all, the installing thread included: threads - 1 helpers
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  int threads() const { return static_cast<int>(helpers_.size()) + 1; }
  void Run(int count, const std::function<void(int, int)>& fn);

 private:
  void Help(int slot);
  void Work(int slot);  // takes tasks until none are left

  std::vector<std::thread> helpers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(int, int)>* fn_ = nullptr;
  int count_ = 0, next_ = 0, busy_ = 0;
  std::atomic<long> job_{0};  // grows with each Run (under mutex_): a helper joins each job once
  bool stop_ = false;
};

// Installs a pool for the calling thread while alive (nullptr: none).
class UsePool {
 public:
  explicit UsePool(ThreadPool* pool);
  ~UsePool();

 private:
  ThreadPool* previous_;
};

// False in a build without threads (the page that is not cross-origin isolated).
bool ThreadsAvailable();
// Threads a page or an app may give training: the cores less one for the UI, at most 8.
int DefaultTrainingThreads();
// The most threads training may have: 8, and in the page as many as the workers it starts with
// (cmake/Platform.cmake), because a thread beyond them starts only once the page's own thread is
// free, which may be waiting for it.
int MostTrainingThreads();

}  // namespace gradlab::kernels
