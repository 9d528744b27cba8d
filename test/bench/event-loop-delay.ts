// Process: benchmark (Node). How long the host's event loop was held at a time: while it is held, no window's
// request is answered, however small. A 1 ms timer probes the loop; each gap between its turns is one hold. On a
// shared, loaded machine a gap also holds time the process waited for a core, so each gap's own CPU time on this
// thread is kept too: that part is the code's, whatever the load.
export type EventLoopHolds = {
  /** The longest gap, wall clock, ms. */
  longestMs: number;
  /** The most CPU this thread spent in one gap, ms: the longest block the code itself made. */
  longestCpuMs: number;
  p99Ms: number;
  gaps: number;
};

export function watchEventLoop(): { stop(): EventLoopHolds } {
  const gaps: number[] = [];
  let longestCpuMs = 0;
  let wall = performance.now();
  let cpu = process.threadCpuUsage();
  let timer: NodeJS.Timeout;
  const tick = () => {
    const nowWall = performance.now();
    const spent = process.threadCpuUsage(cpu);
    // The probe's own 1 ms period is not a hold.
    gaps.push(Math.max(0, nowWall - wall - 1));
    longestCpuMs = Math.max(longestCpuMs, (spent.user + spent.system) / 1000);
    wall = nowWall;
    cpu = process.threadCpuUsage();
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return {
    stop() {
      clearTimeout(timer);
      tick();
      clearTimeout(timer);
      const sorted = [...gaps].sort((a, b) => a - b);
      return { longestMs: sorted[sorted.length - 1] ?? 0, longestCpuMs, p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? 0, gaps: gaps.length };
    },
  };
}
