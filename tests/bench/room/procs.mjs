// This machine's processes, as Linux's /proc shows them: how busy the whole
// machine was, how much of that was this benchmark (itself, its room server and
// its browsers), and the browsers' priority. Elsewhere every answer is null / 0.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, setPriority } from "node:os";

// Every process this one started, and theirs: the room server, the browser,
// its zygotes, GPU process and renderers.
export function descendants(root = process.pid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statFields(Number(name));
    if (!stat) continue;
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(Number(name));
  }
  const out = [];
  const walk = (pid) => { for (const c of children.get(pid) ?? []) { out.push(c); walk(c); } };
  walk(root);
  return out;
}

// ppid and CPU ticks (user + system) of one process; null when it is gone.
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");   // f[0] is field 3 (state)
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

// The whole machine's CPU ticks so far: busy and total (all CPUs).
export function machineTicks() {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), total };
  } catch {
    return null;
  }
}

// CPU ticks of this process and every process it started, by pid.
export function treeTicks() {
  try {
    const out = new Map();
    for (const pid of [process.pid, ...descendants()]) {
      const s = statFields(pid);
      if (s) out.set(pid, s.ticks);
    }
    return out;
  } catch {
    return null;
  }
}

// Between two samples, in % of one CPU: the whole machine busy, this process
// (the benchmark and its participants), the room server (serverPid), the rest
// of what this process started (the browsers), and everything else on the machine.
export function cpuShare(before, after, serverPid) {
  if (!before?.machine || !after?.machine || !after.tree) return null;
  const perCpu = (after.machine.total - before.machine.total) / cpus().length;
  const used = (pid) => (after.tree.get(pid) ?? 0) - (before.tree?.get(pid) ?? 0);
  let browsers = 0;
  for (const pid of after.tree.keys()) if (pid !== process.pid && pid !== serverPid) browsers += used(pid);
  const pct = (ticks) => (ticks / perCpu) * 100;
  const machine = pct(after.machine.busy - before.machine.busy);
  const bench = pct(used(process.pid)), server = pct(used(serverPid));
  return { machine, bench, server, browsers: pct(browsers), others: Math.max(0, machine - bench - server - pct(browsers)) };
}

export const cpuSample = () => ({ machine: machineTicks(), tree: treeTicks() });

// Gives the browsers' processes a lower CPU priority (nice), so that on a small
// machine the room server and the simulated participants, which make the load
// being measured, run first and the browsers take what is left (their software
// WebGL would otherwise take most of two cores). Linux keeps a nice value per
// thread, so every thread of every browser process is set; threads and
// renderers started later inherit it. Playwright starts the browser in a
// session of its own, and with the kernel's autogroup scheduling a session's
// processes share one weight against the others whatever their threads' nice
// values: so the browsers' autogroup gets the same nice too. Returns how many
// processes it changed.
export function lowerBrowserPriority(niceness) {
  if (!(niceness > 0)) return 0;
  let changed = 0;
  try {
    for (const pid of descendants()) {
      try {
        if (!/chrom/i.test(readFileSync(`/proc/${pid}/comm`, "utf8"))) continue;   // not the room server
        for (const tid of readdirSync(`/proc/${pid}/task`)) setPriority(Number(tid), niceness);
        setAutogroupNice(pid, niceness);
        changed++;
      } catch { /* gone meanwhile */ }
    }
  } catch { /* no /proc */ }
  return changed;
}

function setAutogroupNice(pid, niceness) {
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
  } catch { /* a kernel without autogroup */ }
}
