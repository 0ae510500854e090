#!/usr/bin/env python3
"""Times AWS's cloudformation-validate (PyPI) over a folder of templates in one process, its engine built
once, beside nag on the same files: the speed peer of issue 20.

  scripts/bench-cfn-validate.py [--runs N] [--nag PATH] [--pack P ...] [FOLDER]

Prints the median wall and CPU time of each, and the ratios. Needs `pip install cloudformation-validate`.
"""
import argparse, os, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def templates(folder):
    out = []
    for dirpath, _, files in os.walk(folder):
        out += [os.path.join(dirpath, f) for f in files if f.endswith((".json", ".yaml", ".yml", ".template"))]
    return sorted(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus", "templates"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--nag", default=os.path.join(ROOT, ".build", "release", "nag"))
    ap.add_argument("--pack", action="append", default=[])
    args = ap.parse_args()
    try:
        from cloudformation_validate import CompositeEngine
    except ImportError:
        print("cloudformation-validate is not installed (pip install cloudformation-validate)"); return 2
    paths = templates(args.folder)
    engine = CompositeEngine()
    peer = []
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        for path in paths:
            try: engine.validate_template(path)
            except Exception: pass
        peer.append((time.perf_counter() - wall, time.process_time() - cpu))
    nag = []
    packs = [a for p in args.pack for a in ("--pack", p)]
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run([args.nag, *packs, "--fail-on", "none", "-q", args.folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        nag.append((time.perf_counter() - wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
    pw, pc = statistics.median(w for w, _ in peer), statistics.median(c for _, c in peer)
    nw, nc = statistics.median(w for w, _ in nag), statistics.median(c for _, c in nag)
    print(f"{len(paths)} templates, median of {args.runs} runs")
    print(f"cloudformation-validate (one process, engine built once): wall {pw:.2f} s, CPU {pc:.2f} s")
    print(f"nag {' '.join(packs) or '(default packs)'}: wall {nw*1000:.0f} ms, CPU {nc*1000:.0f} ms")
    print(f"nag is {pw/nw:.1f}x faster in wall time, {pc/nc:.1f}x in CPU")
    return 0

if __name__ == "__main__":
    sys.exit(main())
