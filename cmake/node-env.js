// Linked into the tools that run under Node.js (--pre-js): lets getenv() see the real
// environment (GRADLAB_CIFAR10_DIR and friends), which Emscripten does not pass through.
Module['preRun'] = (Module['preRun'] || []).concat([function () {
  if (typeof process === 'object' && process.env) Object.assign(ENV, process.env);
}]);
