-- wrk reporting: p50, p90, p95, p99 latency (ms) and throughput, one line each, for bench/cases.md.
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.1f req/s, errors %d (status %d, timeout %d)\n",
    summary.requests, secs, summary.requests / secs,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
