/**
 * The inotify watches a process holds (Linux), read from /proc: what a file watcher really costs
 * the system, and proof that it let them go.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The number of inotify watches of process `pid` (this one by default); undefined off Linux. */
export function inotifyWatches(pid: number | 'self' = 'self'): number | undefined {
  if (process.platform !== 'linux') return undefined;
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      count += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((line) => line.startsWith('inotify wd:')).length;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}
