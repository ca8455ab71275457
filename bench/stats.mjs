// Summary statistics for benchmark samples (milliseconds or any other unit).

/** The q-quantile (0..1) of `values` by linear interpolation between order statistics. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Median, extremes and 95th percentile of a sample set. */
export function summarise(values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    min: values.length ? Math.min(...values) : NaN,
    max: values.length ? Math.max(...values) : NaN,
    p95: quantile(values, 0.95),
  };
}
