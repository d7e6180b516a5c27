"""Crash campaign: kill -9 at seeded random points of a multi-volume `frus-kg ingest`, aimed at each phase of
the write path, then check the store is whole and that a rerun converges to a clean run; plus a full disk
and an unwritable store.

Why here and not in the product: the kills are aimed by this module, which runs `frus-kg ingest` in a child
(`python -m bench.crash -- ingest ARGS`) after wrapping the functions that make up each phase (the store's
`load`, the ledger's `write`, the batch writer, the checkpoint, a volume's finish, a worker's document).
A wrapper counts its calls and, at a chosen call, sends SIGKILL before, during (a timer thread, while the
call runs in Rust or SQLite) or after it. Spawned ingest workers import this module as `__mp_main__`, which
arms the worker phase there. The product keeps only its two coarse hooks (FRUS_KG_INGEST_KILL_AFTER/PAUSE_AFTER).

Every child (crashed runs, reruns, `frus-kg validate`) runs from a copy of the code taken when the campaign
starts: the working tree may change during a campaign of many minutes, and a rerun must be compared with a
clean run of the same code.

`tests/ingest/test_crash_campaign.py` runs the same campaign on the TEI fixtures (slow marker);
`python -m bench --only crash` on real volumes.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["TITLE", "run", "PHASES", "PLAN_ENV", "Snapshot", "Trial", "Campaign", "prepare_base", "snapshot",
           "freeze_code", "clean_run", "plan_trials", "run_trial", "full_disk", "unwritable_store", "run_campaign"]

TITLE = "Reliability: crash campaign"
ROOT = Path(__file__).resolve().parents[1]
PLAN_ENV = "FRUS_KG_CRASH_PLAN"
PHASES = ("worker", "writer", "load", "ledger", "checkpoint", "bulk", "finish", "anywhere")
DOCUMENT_GRAPH = re.compile(r"/historicaldocuments/[^/]+/d\d+[a-z]?$")
# how long after entering a phase the kill may land (s): about the phase's length on the fixtures
_DELAY = {"worker": 0.6, "writer": 0.15, "load": 0.03, "ledger": 0.004, "checkpoint": 0.05, "bulk": 0.05,
          "finish": 0.02}
_MODES = {"worker": ("during", "during", "worker-only"), "writer": ("during",), "load": ("during", "after"),
          "ledger": ("before", "during", "after"), "checkpoint": ("before", "during", "after"),
          "bulk": ("during", "after"), "finish": ("before", "during", "after")}


# ------------------------------------------------------------------------------ child side (the ingest)
def _plan() -> dict:
    return json.loads(os.environ.get(PLAN_ENV) or "{}")


def _die(group: bool = True) -> None:
    if group:
        os.killpg(os.getpgrp(), signal.SIGKILL)        # the writer and its workers, as `kill -9 -PGID`
    os.kill(os.getpid(), signal.SIGKILL)


class _Arm:
    """Counts the calls of one phase; at call `hit` of the planned phase, kills before, during or after it."""

    def __init__(self, plan: dict, counts: Counter, phase: str):
        self.plan, self.counts, self.phase = plan, counts, phase

    def wrap(self, fn, when=lambda *a, **k: True):
        def wrapper(*args, **kwargs):
            if not when(*args, **kwargs):
                return fn(*args, **kwargs)
            self.counts[self.phase] += 1
            if self.plan.get("phase") != self.phase or self.counts[self.phase] != self.plan.get("hit"):
                return fn(*args, **kwargs)
            mode = self.plan.get("mode", "during")
            if mode == "before":
                _die()
            if mode in ("during", "worker-only"):
                timer = threading.Timer(self.plan.get("delay", 0.0), _die, kwargs={"group": mode != "worker-only"})
                timer.daemon = True
                timer.start()
            result = fn(*args, **kwargs)
            if mode == "after":
                _die()
            return result
        return wrapper


def _write_counts(path: str, counts: Counter) -> None:
    Path(path).write_text(json.dumps(dict(counts)))


def _arm_writer(plan: dict) -> None:
    """Wraps the writer process's phases (before `frus-kg ingest` runs in this process)."""
    from graph.ledger_file import LedgerFile
    from graph.store import OxigraphStore
    from ingest import ledger, parallel

    counts: Counter = Counter()
    arm = lambda phase: _Arm(plan, counts, phase)                       # noqa: E731
    bulk = lambda store, *a, **k: store.options.bulk                    # noqa: E731 (a store opened by --bulk)
    OxigraphStore.load = arm("bulk").wrap(arm("load").wrap(OxigraphStore.load, lambda *a, **k: not bulk(*a, **k)), bulk)
    LedgerFile.write = arm("ledger").wrap(LedgerFile.write)
    OxigraphStore.checkpoint = arm("checkpoint").wrap(OxigraphStore.checkpoint)
    ledger.BatchWriter.write = arm("writer").wrap(ledger.BatchWriter.write, lambda self, batch: bool(batch))
    ledger.BatchWriter.finish_volume = arm("finish").wrap(ledger.BatchWriter.finish_volume)
    defaults = parallel.ingest_corpus.__kwdefaults__
    defaults["batch_bytes"] = plan.get("batch_bytes", defaults["batch_bytes"])      # more batches: more kill points
    defaults["checkpoint_bytes"] = plan.get("checkpoint_bytes", defaults["checkpoint_bytes"])
    if plan.get("counts"):
        atexit.register(_write_counts, plan["counts"], counts)


def _arm_worker(plan: dict) -> None:
    """In a spawned ingest worker: the worker phase is its documents."""
    from ingest import parallel

    counts: Counter = Counter()
    arm = _Arm(plan, counts, "worker")
    original = arm.wrap(parallel.process_document)

    def counted(*args, **kwargs):
        result = original(*args, **kwargs)
        if plan.get("counts"):
            _write_counts(f"{plan['counts']}.worker{os.getpid()}", counts)
        return result

    parallel.process_document = counted


def _child(argv: list[str]) -> None:
    plan = _plan()
    _arm_writer(plan)
    from frus_kg.cli import main

    sys.argv = ["frus-kg", *argv]
    main()


if __name__ == "__mp_main__" and os.environ.get(PLAN_ENV):
    _arm_worker(_plan())


# ------------------------------------------------------------------------------ parent side (the checks)
@dataclass
class Snapshot:
    """What a store holds: sorted N-Quads lines, ledger rows, and per graph its quad count and digest."""
    lines: list[str]
    ledger: list[tuple[str, str, str]]
    graphs: dict[str, tuple[int, str]]
    pending: set[str]

    @property
    def documents(self) -> set[str]:
        return {g for g in self.graphs if DOCUMENT_GRAPH.search(g)}


def snapshot(store: Path) -> Snapshot:
    from graph import open_store
    from ingest.ledger import INGEST_PENDING

    db = open_store(store, read_only=True)
    try:
        by_graph: dict[str, list[str]] = {}
        for q in db.quads():
            by_graph.setdefault(getattr(q.graph_name, "value", ""), []).append(str(q))
        ledger = [tuple(r) for r in db.ledger.rows()]
    finally:
        db.close()
    graphs = {}
    for g, lines in by_graph.items():
        lines.sort()
        graphs[g] = (len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest())
    pending = {s for s, f, v in ledger if v == INGEST_PENDING}
    return Snapshot(sorted(line for lines in by_graph.values() for line in lines), ledger, graphs, pending)


PACKAGES = ("ontology", "ingest", "graph", "api", "frus_kg", "bench")


def freeze_code(work: Path) -> Path:
    """A copy of the product's packages (and this harness), from which every child of the campaign runs."""
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, code / package, ignore=shutil.ignore_patterns("__pycache__", "out", "*.pyc"))
    return code


def _frus_kg(code: Path, args: list[str], plan: dict | None = None, **popen) -> subprocess.Popen:
    """`frus-kg ARGS` from the frozen code, through the harness (which kills only if `plan` names a phase)."""
    env = {**os.environ, PLAN_ENV: json.dumps(plan or {}), "PYTHONPATH": str(code)}
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "bench.crash", "--", *args], cwd=code, env=env, text=True,
                            start_new_session=True, preexec_fn=_no_sigint, **popen)


def _frus_kg_run(code: Path, args: list[str], timeout: float = 3600) -> subprocess.CompletedProcess:
    proc = _frus_kg(code, args)
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
    _reap_group(proc.pid)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", stderr)


def prepare_base(work: Path) -> Path:
    """A store holding only what every `frus-kg ingest` loads first (the authority graphs), compacted, to copy."""
    from graph import open_store
    from ingest.authorities.rdf import ensure_authority_graphs

    base = work / "base"
    if not (base / "CURRENT").exists():
        shutil.rmtree(base, ignore_errors=True)
        db = open_store(base)
        ensure_authority_graphs(db)
        db.checkpoint()
        db.optimize()
        db.close()
    return base


def _ingest_args(store: Path, inputs: list[Path], workers: int, bulk: bool = False) -> list[str]:
    return ["ingest", "--store", str(store), "--workers", str(workers), *(["--bulk"] if bulk else []),
            *map(str, inputs)]


def _no_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Reference:
    code: Path
    snapshot: Snapshot
    counts: Counter
    seconds: float
    documents: int
    exit_code: int = 0                   # 1 when a real volume has a document that cannot be read (reported, kept out)


def clean_run(base: Path, inputs: list[Path], work: Path, *, workers: int, settings: dict, code: Path) -> Reference:
    """The uninterrupted run, through the same harness with no kill planned: its quads, ledger and phase counts."""
    store = work / "clean"
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(base, store)
    counts_file = work / "clean.counts"
    for old in work.glob("clean.counts*"):
        old.unlink()
    started = time.monotonic()
    proc = _frus_kg(code, _ingest_args(store, inputs, workers), {**settings, "counts": str(counts_file)})
    _, stderr = proc.communicate(timeout=3600)
    seconds = time.monotonic() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"the clean run failed ({proc.returncode}): {stderr[-2000:]}")
    counts = Counter(json.loads(counts_file.read_text()))
    for worker_file in work.glob("clean.counts.worker*"):
        counts["worker"] = max(counts["worker"], json.loads(worker_file.read_text()).get("worker", 0))
    counts["bulk"] = counts["load"]                       # the same fresh graphs, by the bulk loader
    snap = snapshot(store)
    return Reference(code, snap, counts, seconds, len(snap.documents), proc.returncode)


@dataclass
class Trial:
    number: int
    phase: str
    mode: str
    hit: int
    delay: float
    double: bool = False
    killed: bool = False                 # the run ended by SIGKILL (or, worker-only, by its clear error)
    exit_code: int | None = None
    committed: int = 0                   # document graphs in the store after the crash
    partial: list[str] = field(default_factory=list)        # graphs that differ from the clean run's, not pending
    pending: int = 0                     # bulk graphs marked pending (dropped by the next run)
    entries_without_data: list[str] = field(default_factory=list)
    shacl_violations: list[str] = field(default_factory=list)
    cli_validate: str = "not run"
    converged: bool = False
    ledger_equal: bool = False
    lost: int = 0                        # documents of the clean run missing or different after the rerun
    clear_error: bool = True             # no Python traceback on stderr
    seconds: float = 0.0
    notes: str = ""

    @property
    def ok(self) -> bool:
        return (not self.partial and not self.entries_without_data and not self.shacl_violations and self.converged
                and self.ledger_equal and self.lost == 0 and self.clear_error and self.cli_validate != "failed")


def plan_trials(n: int, counts: Counter, seed: int, *, doubles_every: int = 4) -> list[Trial]:
    """`n` trials spread over the phases in turn, each at a seeded random call of its phase and random delay."""
    rng = random.Random(seed)
    trials = []
    for i in range(n):
        phase = PHASES[i % len(PHASES)]
        if phase == "anywhere":
            trials.append(Trial(i + 1, phase, "external", 0, rng.uniform(0.1, 1.0), double=(i % doubles_every == 3)))
            continue
        hit = rng.randint(1, max(1, counts.get(phase, 1)))
        trials.append(Trial(i + 1, phase, rng.choice(_MODES[phase]), hit, rng.uniform(0, _DELAY[phase]),
                            double=(i % doubles_every == 3)))
    return trials


def _fast_shacl(store: Path, graphs: set[str]) -> list[str]:
    from graph import open_store
    from ontology.validation import validate

    db = open_store(store, read_only=True)
    try:
        return [g for g in sorted(graphs) if not validate(list(db.quads(g)), engine="fast").conforms]
    finally:
        db.close()


def _cli_validate(code: Path, store: Path) -> str:
    done = _frus_kg_run(code, ["validate", "--store", str(store)], timeout=1800)
    return "passed" if done.returncode == 0 else "failed"


def run_trial(trial: Trial, ref: Reference, base: Path, inputs: list[Path], work: Path, *, workers: int,
              settings: dict, rerun_workers: int = 1, cli_validate: bool = False) -> Trial:
    """One kill, then the checks: the store opens, every graph present is whole (or marked pending by --bulk),
    every ledger entry has its whole graph, the shapes hold, and a rerun gives the clean run's quads and ledger."""
    started = time.monotonic()
    store = work / f"trial-{trial.number:02d}"
    bulk = trial.phase == "bulk"
    returncode, stderr = _crashed_run(trial, ref, base, store, _ingest_args(store, inputs, workers, bulk=bulk), settings)
    trial.exit_code = returncode
    trial.killed = returncode == -signal.SIGKILL or (trial.mode == "worker-only" and returncode != 0)
    trial.clear_error = "Traceback" not in stderr
    if trial.mode == "worker-only" and returncode not in (0, -signal.SIGKILL):
        trial.clear_error = trial.clear_error and "worker died" in stderr
    if not trial.clear_error:
        trial.notes += f" stderr: {stderr[-1500:]}"
    _check_crashed(trial, store, ref, cli_validate)
    if trial.double:                                        # the rerun is killed too, at a random time
        again = _frus_kg(ref.code, _ingest_args(store, inputs, rerun_workers, bulk=bulk))
        try:
            again.wait(timeout=random.Random(trial.number).uniform(0.2, 0.8) * ref.seconds)
        except subprocess.TimeoutExpired:
            os.killpg(again.pid, signal.SIGKILL)
        again.communicate(timeout=600)
        _reap_group(again.pid)
        _check_crashed(trial, store, ref, False)
    done = _frus_kg_run(ref.code, _ingest_args(store, inputs, rerun_workers, bulk=bulk))
    if done.returncode != ref.exit_code:
        trial.notes += f" rerun exited {done.returncode}: {done.stderr[-300:]}"
    after = snapshot(store)
    differ = sorted(g for g in set(after.graphs) | set(ref.snapshot.graphs) if after.graphs.get(g) != ref.snapshot.graphs.get(g))
    if differ:
        trial.notes += f" graphs differing after the rerun: {differ[:5]}"
    trial.converged = done.returncode == ref.exit_code and after.lines == ref.snapshot.lines
    trial.ledger_equal = after.ledger == ref.snapshot.ledger
    trial.lost = sum(1 for d in ref.snapshot.documents if after.graphs.get(d) != ref.snapshot.graphs[d])
    trial.lost += len(trial.entries_without_data)
    trial.seconds = time.monotonic() - started
    shutil.rmtree(store, ignore_errors=True)
    return trial


def _crashed_run(trial: Trial, ref: Reference, base: Path, store: Path, args: list[str], settings: dict) -> tuple[int, str]:
    """The run to crash, on a fresh copy of the base store: (exit code, stderr). A kill from outside (`anywhere`) is
    timed as a share of the clean run, which the machine's load can make slower or faster than this run: when the
    run ends first, it is tried again with half the delay (at most three times), so that the trial is a kill."""
    for attempt in range(3 if trial.phase == "anywhere" else 1):
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(base, store)
        plan = {**settings, "phase": trial.phase, "hit": trial.hit, "mode": trial.mode, "delay": trial.delay}
        proc = _frus_kg(ref.code, args, plan)
        if trial.phase == "anywhere":
            try:
                proc.wait(timeout=trial.delay * ref.seconds)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate(timeout=3600)
        _reap_group(proc.pid)
        if trial.phase != "anywhere" or proc.returncode == -signal.SIGKILL:
            break
        trial.notes += f" attempt {attempt + 1} ended (exit {proc.returncode}) before its kill at {trial.delay:.2f};"
        trial.delay /= 2
    return proc.returncode, stderr


def _check_crashed(trial: Trial, store: Path, ref: Reference, cli_validate: bool) -> None:
    from ingest.ledger import INGEST_VOLUME

    crashed = snapshot(store)                               # the store opens (read-only, as `serve` would)
    trial.committed = len(crashed.documents)
    trial.pending = len(crashed.pending)
    trial.partial += [g for g, cd in crashed.graphs.items()
                      if g not in crashed.pending and cd != ref.snapshot.graphs.get(g)]
    entries = {s for s, f, v in crashed.ledger if f == INGEST_VOLUME and s not in crashed.pending}
    trial.entries_without_data += [d for d in sorted(entries) if crashed.graphs.get(d) != ref.snapshot.graphs.get(d)]
    trial.shacl_violations += _fast_shacl(store, crashed.documents - crashed.pending)
    if cli_validate:
        trial.cli_validate = "skipped: bulk graphs pending" if crashed.pending else _cli_validate(ref.code, store)


def _reap_group(pgid: int) -> None:
    """Workers of a killed writer exit by themselves within a second; make sure none is left."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# ------------------------------------------------------------------------------ full disk, unwritable store
def _mount(target: Path, options: str) -> str | None:
    """Mounts a tmpfs; returns why not if it cannot (not root, no CAP_SYS_ADMIN in a container)."""
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True)
    return None if done.returncode == 0 else f"mount refused: {(done.stderr or done.stdout).strip() or done.returncode}"


def _mounted_copy(mnt: Path, size_mb: int, base: Path) -> tuple[Path | None, str | None]:
    """A copy of `base` on a fresh tmpfs of `size_mb` at `mnt`: (the store, None), or (None, why not)."""
    why = _mount(mnt, f"size={size_mb}m")
    if why:
        return None, why
    store = mnt / "store"
    try:
        shutil.copytree(base, store)
    except OSError as exc:
        _umount(mnt)
        return None, f"cannot copy the base store onto the tmpfs: {exc}"
    return store, None


def _umount(target: Path) -> None:
    subprocess.run(["umount", str(target)], capture_output=True)


def _size_mb(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) // (1 << 20) + 1


def full_disk(base: Path, inputs: list[Path], ref: Reference, work: Path, *, headroom_mb: int = 5) -> dict:
    """The store on a tmpfs with a few MB free: the ingest must stop with a clear error (no traceback), keep what
    it committed whole, and a rerun once the store has room must converge to the clean run."""
    mnt = work / "full-disk"
    store, why = _mounted_copy(mnt, _size_mb(base) + headroom_mb, base)
    if why:
        return {"skipped": why}
    try:
        done = _frus_kg_run(ref.code, _ingest_args(store, inputs, 1))
        crashed = snapshot(store)
        result = {"exit_code": done.returncode, "message": _last_error(done.stderr),
                  "clear_error": "Traceback" not in done.stderr and done.returncode != 0,
                  "committed": len(crashed.documents),
                  "partial": [g for g, cd in crashed.graphs.items() if cd != ref.snapshot.graphs.get(g)]}
        roomy = work / "full-disk-rescued"
        shutil.rmtree(roomy, ignore_errors=True)
        shutil.copytree(store, roomy)                       # the user frees space: here, moves the store
    finally:
        _umount(mnt)
    result.update(_rerun(ref, roomy, inputs))
    shutil.rmtree(roomy, ignore_errors=True)
    return result


def _rerun(ref: Reference, store: Path, inputs: list[Path]) -> dict:
    """Rerun the ingest: does the store converge to the clean run (quads and ledger), and how many documents are lost."""
    rerun = _frus_kg_run(ref.code, _ingest_args(store, inputs, 1))
    after = snapshot(store)
    converged = rerun.returncode == ref.exit_code and after.lines == ref.snapshot.lines and after.ledger == ref.snapshot.ledger
    return {"converged": converged,
            "lost": sum(1 for d in ref.snapshot.documents if after.graphs.get(d) != ref.snapshot.graphs[d])}


def unwritable_store(base: Path, inputs: list[Path], ref: Reference, work: Path) -> dict:
    """A store half ingested, then its filesystem remounted read-only (root ignores chmod): the ingest must refuse
    with a clear error and change nothing; remounted writable, a rerun converges to the clean run."""
    mnt = work / "read-only"
    clean = work / "clean"                                  # the rerun must fit: room for three clean runs' stores
    room = max(_size_mb(base) * 3, _size_mb(clean) * 3 if clean.exists() else 0) + 64
    store, why = _mounted_copy(mnt, room, base)
    if why:
        return {"skipped": why}
    try:
        first = _frus_kg_run(ref.code, _ingest_args(store, inputs[:1], 1))
        before = snapshot(store)
        remount = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        if remount.returncode != 0:
            return {"skipped": f"remount read-only refused: {remount.stderr.strip()}"}
        done = _frus_kg_run(ref.code, _ingest_args(store, inputs, 1), timeout=600)
        unchanged = snapshot(store)
        result = {"first_exit_code": first.returncode, "exit_code": done.returncode, "message": _last_error(done.stderr),
                  "clear_error": "Traceback" not in done.stderr and done.returncode != 0,
                  "unchanged": unchanged.lines == before.lines and unchanged.ledger == before.ledger,
                  "committed": len(before.documents)}
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], capture_output=True, check=True)
        result.update(_rerun(ref, store, inputs))
        return result
    finally:
        _umount(mnt)


def _last_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip().startswith("error:")]
    return lines[-1] if lines else stderr.strip()[-300:]


# ------------------------------------------------------------------------------ the campaign and the section
@dataclass
class Campaign:
    inputs: list[Path]
    reference: Reference
    trials: list[Trial]
    full_disk: dict
    unwritable: dict
    seed: int

    @property
    def lost(self) -> int:
        return sum(t.lost for t in self.trials) + self.full_disk.get("lost", 0) + self.unwritable.get("lost", 0)


def run_campaign(inputs: list[Path], work: Path, *, trials: int = 24, seed: int = 17, workers: int = 2,
                 settings: dict | None = None, cli_validate_every: int = 8, disks: bool = True,
                 log=lambda message: None) -> Campaign:
    inputs, work = [Path(p).resolve() for p in inputs], Path(work).resolve()     # children run from the frozen code
    work.mkdir(parents=True, exist_ok=True)
    settings = settings or {"batch_bytes": 1, "checkpoint_bytes": 256 << 10}
    base = prepare_base(work)
    ref = clean_run(base, inputs, work, workers=workers, settings=settings, code=freeze_code(work))
    log(f"clean run: {ref.documents} documents, {len(ref.snapshot.lines)} quads, {ref.seconds:.1f} s; "
        f"calls per phase {dict(ref.counts)}")
    done = []
    for trial in plan_trials(trials, ref.counts, seed):
        run_trial(trial, ref, base, inputs, work, workers=workers, settings=settings,
                  cli_validate=cli_validate_every > 0 and (trial.number - 1) % cli_validate_every == 0)
        log(f"trial {trial.number:2d} {trial.phase:10s} {trial.mode:11s} hit {trial.hit:3d}: exit {trial.exit_code}, "
            f"{trial.committed} documents, {trial.pending} pending, lost {trial.lost}, "
            f"{'ok' if trial.ok else 'FAILED ' + repr(trial)} ({trial.seconds:.0f} s)")
        done.append(trial)
    disk = full_disk(base, inputs, ref, work) if disks else {"skipped": "not asked"}
    log(f"full disk: {disk}")
    ro = unwritable_store(base, inputs, ref, work) if disks else {"skipped": "not asked"}
    log(f"unwritable store: {ro}")
    return Campaign(inputs, ref, done, disk, ro, seed)


QUICK_VOLUMES = ("frus1917-72PubDip", "frus1961-63v07-09mSupp")       # 44 full documents, 483 microfiche entries


def _volumes(ctx) -> list[Path]:
    """Quick: two small real volumes (every trial ingests them twice); else the three smallest by size."""
    found = sorted(Path(ctx.corpus).glob("*.xml.gz"), key=lambda p: p.stat().st_size)
    if ctx.quick:
        return [p for p in found if p.name.removesuffix(".xml.gz") in QUICK_VOLUMES] or found[:2]
    return found[:3]


def run(ctx) -> str:
    inputs = _volumes(ctx)
    if not inputs:
        return f"No volumes in {ctx.corpus}: the crash campaign did not run."
    campaign = run_campaign(inputs, Path(ctx.work) / "crash", trials=20 if ctx.quick else 40, seed=17,
                            settings={"batch_bytes": 1 << 20, "checkpoint_bytes": 4 << 20},
                            cli_validate_every=0 if ctx.quick else 8,
                            log=lambda m: print(f"   crash: {m}", file=sys.stderr, flush=True))
    return report(campaign)


def report(c: Campaign) -> str:
    by_phase: dict[str, list[Trial]] = {}
    for t in c.trials:
        by_phase.setdefault(t.phase, []).append(t)
    rows = ["| phase | trials | kills (modes) | documents after the crash | pending (bulk) | rerun = clean run | lost |",
            "|---|---|---|---|---|---|---|"]
    for phase in PHASES:
        ts = by_phase.get(phase, [])
        if not ts:
            continue
        modes = ", ".join(f"{m} {n}" for m, n in sorted(Counter(t.mode for t in ts).items()))
        rows.append(f"| {phase} | {len(ts)} | {sum(t.killed for t in ts)} ({modes}) | "
                    f"{min(t.committed for t in ts)}–{max(t.committed for t in ts)} of {c.reference.documents} | "
                    f"{sum(t.pending for t in ts)} | {sum(t.converged and t.ledger_equal for t in ts)}/{len(ts)} | "
                    f"{sum(t.lost for t in ts)} |")
    failed = [t for t in c.trials if not t.ok]
    validated = [t for t in c.trials if t.cli_validate != "not run"]
    lines = [
        f"Inputs: {', '.join(p.name for p in c.inputs)} ({c.reference.documents} documents, "
        f"{len(c.reference.snapshot.lines):,} quads with the authority graphs; clean run {c.reference.seconds:.0f} s). "
        f"{len(c.trials)} trials, seed {c.seed}, {sum(t.double for t in c.trials)} of them double kills (the rerun "
        f"killed too); **documents lost: {c.lost}**; trials failing a check: {len(failed)}.",
        "",
        *rows,
        "",
        "After each kill the store opened read-only, every graph in it equalled the clean run's (or was marked "
        "pending by `--bulk`), every ledger entry had its whole graph, the fast SHACL engine passed every "
        f"document graph, and a rerun gave the clean run's sorted N-Quads and ledger. "
        + (f"`frus-kg validate` (pySHACL) ran on {len(validated)} crashed stores: "
           f"{sum(t.cli_validate == 'passed' for t in validated)} passed." if validated else
           "`frus-kg validate` (pySHACL, about 30 s per store) was not run in this mode."),
        "",
        f"- Full disk: {_disk_line(c.full_disk)}",
        f"- Unwritable store: {_disk_line(c.unwritable)}",
    ]
    for t in failed:
        lines.append(f"- FAILED trial {t.number} ({t.phase}, {t.mode}, hit {t.hit}): {t}")
    return "\n".join(lines)


def _disk_line(result: dict) -> str:
    if "skipped" in result:
        return f"skipped ({result['skipped']})"
    parts = [f"exit {result['exit_code']}, `{result['message'][:160]}`",
             "no traceback" if result.get("clear_error") else "NOT a clear error",
             f"{result['committed']} documents committed before"]
    if "unchanged" in result:
        parts.append("store unchanged" if result["unchanged"] else "STORE CHANGED")
    if "partial" in result:
        parts.append(f"{len(result['partial'])} partial graphs")
    parts.append("rerun converged" if result.get("converged") else "RERUN DID NOT CONVERGE")
    parts.append(f"lost {result.get('lost')}")
    return "; ".join(parts)


if __name__ == "__main__":
    args = sys.argv[1:]
    _child(args[1:] if args[:1] == ["--"] else args)
