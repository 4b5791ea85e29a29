"""Is the machine quiet enough for a timing? Every timed block of the benchmark runs inside `block()`,
which records what else the machine was doing, so a figure taken while something else ran is
marked invalid instead of being reported as the app's speed.

For each block:
- the 1-minute load average before and after it (the after-figure includes the benchmark's own
  servers and browser, which is why it is recorded, not judged);
- the CPU that processes *other than the benchmark's own* used during it, in cores: the machine's
  busy time (/proc/stat) minus the CPU time of this process and all its descendants (servers,
  Chromium, and what they have reaped), over the block's wall time.

Before a block, `wait_quiet` waits (up to a limit) until the machine is quiet: a 1-minute load
average below BUSY_LOAD (1.0 on 2 cores), or, when that average still carries the benchmark's own
previous block (it decays over minutes), other processes using at most OTHERS_MAX_CORES over a
few seconds' sample. A block is valid when it started quiet and other processes used at most
OTHERS_MAX_CORES on average during it.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

BUSY_LOAD = 1.0  # 1-minute load average at or above which the machine is busy (2 cores)
OTHERS_MAX_CORES = 0.5  # CPU used by other processes during a block, averaged, in cores
_TICK = os.sysconf("SC_CLK_TCK")


def _busy_s() -> float:
    """CPU seconds the whole machine's processes have spent running since boot (all cores): user,
    nice and system time, and steal (another machine on the same host). Interrupt time is left
    out: it is the kernel carrying network packets, on loopback the benchmark's own (its load
    test's ten sessions), and no process is charged for it."""
    with open("/proc/stat") as f:
        values = [int(x) for x in f.readline().split()[1:]] + [0] * 8
    user, nice, system, steal = values[0], values[1], values[2], values[7]
    return (user + nice + system + steal) / _TICK


def _stat(pid: int) -> tuple[int, float, float] | None:
    """(parent pid, CPU seconds of the process itself, of the children it has reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            raw = f.read()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # after "pid (comm) "
    return (int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK,  # utime stime
            (int(fields[13]) + int(fields[14])) / _TICK)  # cutime cstime


def _tree(root: int) -> dict[int, tuple[float, float]]:
    """pid -> (own CPU seconds, reaped children's) for `root` and every live descendant."""
    stats = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            s = _stat(int(name))
            if s is not None:
                stats[int(name)] = s
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            out[pid] = stats[pid][1:]
        todo.extend(children.get(pid, ()))
    return out


def own_cpu_s(root: int | None = None) -> float:
    """CPU seconds of `root` (this process) and every live descendant, each with its reaped children."""
    return sum(own + reaped for own, reaped in _tree(os.getpid() if root is None else root).values())


class _OwnCpu:
    """The CPU this process and its descendants use from start() to stop(), sampled every
    `every_s` in a thread: a descendant that ends during the block counts with what it had used at
    its last sample, even when nobody reaps it into our tree (Chromium's renderers, whose zygote
    is gone first, end up as init's children)."""

    def __init__(self, every_s: float = 0.5):
        self.every_s, self.root = every_s, os.getpid()
        self._first: dict[int, float] = {}
        self._last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for pid, (own, reaped) in _tree(self.root).items():
            now = own if pid != self.root else own + reaped  # ours: our reaped children too
            self._first.setdefault(pid, now)
            self._last[pid] = now

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self._sample()

    def start(self) -> _OwnCpu:
        self._sample()
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self._sample()
        return sum(self._last[pid] - self._first[pid] for pid in self._last)


def others_cores(sample_s: float = 3.0) -> float:
    """CPU used by processes other than this one and its descendants over `sample_s`, in cores."""
    busy0, own0, t0 = _busy_s(), own_cpu_s(), time.monotonic()
    time.sleep(sample_s)
    wall = time.monotonic() - t0
    return max(((_busy_s() - busy0) - (own_cpu_s() - own0)) / wall, 0.0)


def wait_quiet(log=print, max_wait_s: float = 300) -> tuple[float, float]:
    """Waits until the machine is quiet (the module's docstring), at most `max_wait_s`; returns
    (1-minute load average, other processes' cores over the last sample)."""
    deadline = time.monotonic() + max_wait_s
    said = False
    while True:
        load, others = os.getloadavg()[0], others_cores()
        if load < BUSY_LOAD or others <= OTHERS_MAX_CORES or time.monotonic() > deadline:
            return load, others
        if not said:
            log(f"waiting for a quiet machine (load average {load:.2f}, other processes {others:.2f} cores; "
                f"at most {max_wait_s:.0f} s)")
            said = True


@dataclass
class Block:
    """What the machine did around one timed block."""
    name: str
    load_before: float
    others_before: float = 0.0  # other processes' cores just before the block (a short sample)
    load_after: float | None = None
    others_cores: float | None = None  # ... and on average during it
    wall_s: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        started_quiet = self.load_before < BUSY_LOAD or self.others_before <= OTHERS_MAX_CORES
        return started_quiet and self.others_cores is not None and self.others_cores <= OTHERS_MAX_CORES

    def as_dict(self) -> dict:
        return {"name": self.name, "load_before": self.load_before, "others_before": self.others_before,
                "load_after": self.load_after,
                "others_cores": self.others_cores, "wall_s": self.wall_s, "valid": self.valid}


@contextmanager
def block(name: str, log=print, wait: bool = True):
    """Runs a timed block, waiting first for a quiet machine; yields its Block, filled in at the end."""
    load, others = wait_quiet(log) if wait else (os.getloadavg()[0], 0.0)
    b = Block(name, load, others)
    t0, busy0, own = time.monotonic(), _busy_s(), _OwnCpu().start()
    try:
        yield b
    finally:
        used = own.stop()
        wall = time.monotonic() - t0
        others = ((_busy_s() - busy0) - used) / wall if wall > 0 else 0.0
        b.load_after, b.others_cores, b.wall_s = os.getloadavg()[0], max(others, 0.0), wall
        log(f"{name}: load average {b.load_before:.2f} → {b.load_after:.2f}, other processes "
            f"{b.others_cores:.2f} cores over {wall:.0f} s: {'valid' if b.valid else 'INVALID (busy machine)'}")
