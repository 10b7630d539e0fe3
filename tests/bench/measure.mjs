// Timing helpers shared by the benchmarks, in Node and in the browser: per-call times from
// batches (a call of a few microseconds is below the clock's resolution alone), reported as
// the median and the 95th percentile over the batches.

/** Sorted quantile q (0..1) of an array of numbers. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)]) - s[lo]);
}

/** Per-call milliseconds of `f` over `batches` batches of `size` calls, after a warm-up. */
export function perCall(f, { batches = 100, size = 100, warmup = 200 } = {}) {
  for (let i = 0; i < warmup; i++) f();
  const times = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < size; i++) f();
    times.push((performance.now() - t0) / size);
  }
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}
