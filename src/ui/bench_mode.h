// The page's benchmark mode, ?bench=linear|mlp|cnn: trains that model the way scripts/bench
// races its peers (5,000 CIFAR-10 training images, 500 per class; batch 32 in one chunk; SGD
// with momentum 0.9, lr 0.01) for two epochs, and reports the second epoch's training images per
// second through the test hook (state().bench), so the browser's figure is measured, not assumed
// from Node.js. The first epoch warms up: the browser compiles the hot code with its optimising
// tier while it runs (a linear model's first epoch ran at a third of the second's in Node.js).
// It is a preset of the Train tab's link settings plus whole-batch chunks and longer training
// slices per frame; scripts/bench --browser runs it in headless Chromium.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace gradlab::ui {

struct AppState;

// Applies the preset for `model` (linear, mlp or cnn); false with *problem set if unknown.
bool ApplyBenchMode(AppState& state, const std::string& model, std::string* problem);

// {"model": "cnn", "spec": ..., "finished": true, "imagesPerSecond": ...,  "steps": ...};
// imagesPerSecond counts training time only (forward, backward, update, batch assembly), as the
// training session measures it; null when no benchmark runs.
nlohmann::json BenchStateJson(const AppState& state);

}  // namespace gradlab::ui
