#!/usr/bin/env python3
"""Preview benchmark: time from saving one article to the browser being told to reload.

usage: scripts/bench-serve.py [--sizes 1000,10000] [--edits 10] [--workdir /tmp/posguide-bench] [--no-hugo]

For each corpus (scripts/gencorpus.py, --shape normal, made by scripts/bench.py's
helpers) it starts `posguide serve --port 0` (release build), subscribes to
/_posguide/events, then appends a sentence to one article --edits times and measures the
time from the write returning to the `reload` event arriving.

Beside it, `hugo server` on the same corpus: Hugo's browser signal is a websocket, so its
figure is the time from the write to Hugo printing `Total in N ms` for the rebuild, which
it does just before telling the browser. Medians, minima and maxima are printed.
"""
import argparse, importlib.util, os, re, socket, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench", os.path.join(HERE, "bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_line(stream, pattern, timeout):
    deadline = time.time() + timeout
    seen = []
    while time.time() < deadline:
        line = stream.readline()
        if not line:
            break
        seen.append(line)
        match = re.search(pattern, line)
        if match:
            return match
    sys.exit(f"did not see {pattern!r}; output was:\n{''.join(seen[-20:])}")


class EventStream:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_posguide/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""

    def next_event(self, timeout=30):
        """The next (event, data); blocks are separated by a blank line, chunk framing around them."""
        self.sock.settimeout(timeout)
        while True:
            while b"\n\n" in self.buffer:
                block, _, self.buffer = self.buffer.partition(b"\n\n")
                text = block.decode(errors="replace")
                name = re.search(r"^event: (\S+)", text, re.M)
                if name:
                    data = re.search(r"^data: (.*)$", text, re.M)
                    return name.group(1), data.group(1) if data else ""
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("event stream closed")
            self.buffer += chunk


def article(path):
    folder = os.path.join(path, "content", "articles")
    return os.path.join(folder, sorted(os.listdir(folder))[len(os.listdir(folder)) // 2])


def measure_posguide(posguide, path, edits):
    proc = subprocess.Popen([posguide, "serve", "--source", path, "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(wait_for_line(proc.stdout, r"Serving at http://127\.0\.0\.1:(\d+)/", 300).group(1))
        events = EventStream(port)
        assert events.next_event()[0] == "hello"
        target = article(path)
        times, server_ms = [], []
        for i in range(edits):
            time.sleep(0.3)
            start = time.perf_counter()
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"\n预览基准第{i}次保存。\n")
            name, data = events.next_event()
            times.append((time.perf_counter() - start) * 1000)
            if name != "reload":
                sys.exit(f"expected reload, got {name}: {data}")
            server_ms.append(int(re.search(r'"ms":(\d+)', data).group(1)))
        return times, server_ms
    finally:
        proc.terminate()
        proc.wait()


def measure_hugo(hugo, path, edits):
    port = free_port()
    proc = subprocess.Popen([hugo, "server", "--bind", "127.0.0.1", "--port", str(port), "--source", path],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_line(proc.stdout, r"Web Server is available", 600)
        target = article(path)
        times = []
        for i in range(edits):
            time.sleep(0.3)
            start = time.perf_counter()
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"\n预览基准第{i}次保存。\n")
            wait_for_line(proc.stdout, r"Total in \d+ ms", 120)
            times.append((time.perf_counter() - start) * 1000)
        return times
    finally:
        proc.terminate()
        proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--workdir", default="/tmp/posguide-bench")
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()

    if not args.no_hugo:
        bench.check_hugo_skeleton()
    os.makedirs(args.workdir, exist_ok=True)
    posguide = bench.ensure_posguide()
    hugo = None if args.no_hugo else bench.ensure_hugo()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        path = bench.corpus(args.workdir, size, "normal", with_hugo=hugo is not None)
        print(f"normal {size}: posguide", end="", flush=True)
        pg, server = measure_posguide(posguide, path, args.edits)
        rows.append((size, "posguide serve", pg, server))
        if hugo:
            print(", hugo", end="", flush=True)
            rows.append((size, "hugo server", measure_hugo(hugo, path, args.edits), None))
        print()
    print()
    print(f"{'pages':<8}{'tool':<16}{'median ms':>10}{'min':>8}{'max':>8}{'rebuild ms':>12}")
    for size, tool, times, server in rows:
        rebuild = f"{statistics.median(server):>12.0f}" if server else f"{'':>12}"
        print(f"{size:<8}{tool:<16}{statistics.median(times):>10.1f}{min(times):>8.1f}{max(times):>8.1f}{rebuild}")
    print(f"\nsave -> reload event, {args.edits} saves each; rebuild ms = the server's own figure in the event;")
    print("Hugo: save -> its 'Total in' line (it signals the browser right after)")


if __name__ == "__main__":
    main()
