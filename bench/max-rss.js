// Preloaded into a benchmarked process (node --require): prints its peak resident set at exit.
process.on('exit', () => {
  process.stderr.write(`BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
