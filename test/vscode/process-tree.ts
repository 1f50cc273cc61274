// Stops a process and everything it started, by process ids read from /proc, never by name
// (other engineers run their own code-servers and language servers on the same machine).
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every live process, read from /proc/<pid>/stat. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name sits in parentheses and may itself hold spaces or ')';
      // the fields after the last ')' are: state, ppid, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we were reading: it has no children to worry about.
    }
  }
  return parents;
}

/** All descendants of `root` (not `root` itself), parents before children. */
export function descendantsOf(root: number): number[] {
  const parents = parentsByPid();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    for (const [child, parent] of parents) {
      if (parent === pid && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/**
 * Freezes `root` and all its descendants with SIGSTOP (so no supervisor can restart what
 * is being killed, e.g. the extension host restarting a language server), repeating until
 * no new process appears, then kills every frozen process with SIGKILL.
 */
export function killProcessTree(root: number): void {
  const frozen = new Set<number>();
  signal(root, 'SIGSTOP');
  frozen.add(root);
  for (;;) {
    const fresh = descendantsOf(root).filter((pid) => !frozen.has(pid));
    if (fresh.length === 0) break;
    for (const pid of fresh) {
      signal(pid, 'SIGSTOP');
      frozen.add(pid);
    }
  }
  // Children first, so the root cannot observe and react to their deaths.
  for (const pid of [...frozen].reverse()) signal(pid, 'SIGKILL');
}
