#!/usr/bin/env python3
"""Speed and memory of asepsis beside clang -fsyntax-only and clang-tidy.

Runs every tool over the translation units of a compile database, N at a
time, in one go, and prints wall time, the ratio to clang -fsyntax-only,
peak resident memory and throughput. Not part of the test suite.

usage: scripts/bench/bench.py [-j N] [--tidy] [--asepsis BIN] CORPUS_DIR
       (CORPUS_DIR holds compile_commands.json; see ../shared/corpora/)
"""
import argparse
import concurrent.futures
import json
import os
import resource
import shlex
import subprocess
import sys
import time

DROP_NEXT = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD", "-MP"}


def tu_args(entry):
    argv = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in DROP_NEXT:
            skip = True
            continue
        if a in DROP or a.startswith("-Wp,-MD") or a.startswith("-Wp,-MMD"):
            continue
        out.append(a)
    return out


def run_pool(cmds, jobs, cwd):
    """Runs (argv, cwd) pairs jobs at a time; returns (wall seconds, peak RSS KiB, failures)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    failures = 0

    def one(c):
        argv, d = c
        return subprocess.run(argv, cwd=d or cwd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        for rc in ex.map(one, cmds):
            failures += rc != 0
    wall = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before), failures


def run_one(argv, cwd):
    """Runs one command under /usr/bin/time; returns (wall seconds, peak RSS KiB, exit status)."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    rss = 0
    for line in p.stderr.splitlines()[::-1]:
        if line.strip().isdigit():
            rss = int(line.strip())
            break
    return wall, rss, p.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--asepsis", default=os.path.join(os.path.dirname(__file__),
                                                       "../../build/driver/asepsis"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--tidy", action="store_true", help="also run clang-tidy (slow)")
    ap.add_argument("--tidy-bin", default="clang-tidy-19")
    ap.add_argument("--tidy-checks", default="-*,cert-*,bugprone-*")
    args = ap.parse_args()

    corpus = os.path.abspath(args.corpus)
    db = json.load(open(os.path.join(corpus, "compile_commands.json")))
    entries = [e for e in db if e["file"].endswith(".c")]
    files = [os.path.join(e["directory"], e["file"]) for e in entries]
    size = sum(os.path.getsize(f) for f in files if os.path.exists(f))
    print(f"corpus: {corpus}: {len(entries)} translation units, "
          f"{size / 1e6:.1f} MB of .c source, {args.jobs} jobs\n")

    rows = []
    syn = [([args.clang, "-fsyntax-only"] + tu_args(e), e["directory"]) for e in entries]
    wall, rss, fails = run_pool(syn, args.jobs, corpus)
    rows.append(("clang -fsyntax-only", wall, rss, fails))
    base = wall

    if args.tidy:
        tidy = [([args.tidy_bin, "-p", corpus, f"--checks={args.tidy_checks}", "--quiet", f],
                 corpus) for f in files]
        wall, rss, fails = run_pool(tidy, args.jobs, corpus)
        rows.append((f"clang-tidy ({args.tidy_checks})", wall, rss, fails))

    binp = os.path.abspath(args.asepsis)
    for engine in ("clang", "auto", "pattern"):
        argv = [binp, "check", "-p", corpus, "--no-db", "--no-progress", "--quiet",
                "--fail-on", "none", "-j", str(args.jobs), "--engine", engine]
        wall, rss, rc = run_one(argv, corpus)
        rows.append((f"asepsis --engine {engine}", wall, rss, 0 if rc == 0 else 1))

    # pattern engine alone on one core: source bytes per second
    argv = [binp, "check", "-p", corpus, "--no-db", "--no-progress", "--quiet",
            "--fail-on", "none", "-j", "1", "--engine", "pattern"]
    wall1, _, _ = run_one(argv, corpus)

    print("| tool | wall s | ratio to clang -fsyntax-only | peak RSS MB | TUs/s | failures |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, wall, rss, fails in rows:
        print(f"| {name} | {wall:.1f} | {wall / base:.2f} | {rss / 1024:.0f} | "
              f"{len(entries) / wall:.1f} | {fails} |")
    print(f"\npattern engine, one core: {wall1:.2f} s for {size / 1e6:.1f} MB "
          f"= {size / 1e6 / wall1:.1f} MB/s per core (includes start-up and query compilation)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
