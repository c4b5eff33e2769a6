// The p-quantile of xs (0 <= p <= 1) as the benchmarks report frame times: the sorted value at
// floor(p * n), the largest for p = 1. For Node.js and for the TensorFlow.js page alike.
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
