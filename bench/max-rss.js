// Preloaded into a benchmarked process (node --require): prints its peak resident set at exit.
// Worker threads run preloads too; only the main thread reports, at the process's own exit.
if (require('worker_threads').isMainThread) {
  process.on('exit', () => {
    process.stderr.write(`BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
  });
}
