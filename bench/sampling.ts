// The clocks and counters the measurements read: CPU time of the process, quantiles of samples,
// and the bytes the JavaScript heap allocated over a stretch of work.
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** CPU time of this process so far (user + system, all its threads: GC helpers too), in µs. */
export function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * The value at quantile `q` (0.5 the median) of the samples, by nearest rank.
 *
 * @example
 * quantile([5, 1, 3], 0.5)
 * //=> 3
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Counts the bytes allocated on the JavaScript heap between start() and stop(). Node 20 has no
 * running total of allocated bytes (getHeapStatistics gives only what is live), but
 * v8.GCProfiler records the used heap before and after every collection: what a stretch
 * allocated is the growth of the used heap over it plus everything each collection freed (near
 * enough: V8 counts the used heap after a collection before its concurrent sweeping is done).
 */
export class AllocationCounter {
  private readonly profiler = new GCProfiler();
  private usedAtStart = 0;

  start(): void {
    this.usedAtStart = getHeapStatistics().used_heap_size;
    this.profiler.start();
  }

  /** Bytes allocated since start(), and how many collections ran. */
  stop(): { bytes: number; collections: number } {
    const usedAtEnd = getHeapStatistics().used_heap_size;
    const { statistics } = this.profiler.stop();
    let freed = 0;
    for (const { beforeGC, afterGC } of statistics)
      freed += beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize;
    return { bytes: usedAtEnd - this.usedAtStart + freed, collections: statistics.length };
  }
}
