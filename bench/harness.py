#!/usr/bin/env python3
"""The benchmark harness behind bench/run.sh (read that first).

Starts the baseline (bare Grizzly+Jersey, constant JSON) and the real jar on a freshly seeded
database, runs each scenario with wrk on loopback after warming up until throughput is stable,
and prints one table (also written to bench/results/<date>-<time>.md). Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "bench", "lua")
JAR = os.path.join(ROOT, "target", "switchboard.jar")
BASELINE_JAR = os.path.join(ROOT, "bench", "baseline", "target", "baseline.jar")
TOKEN = "bench-admin-token"
CC = "urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A java -jar child; stopped with the harness."""

    def __init__(self, args, ready, env=None, log=None):
        self.log = open(log or os.devnull, "w")
        self.proc = subprocess.Popen(["java"] + args, stdout=subprocess.PIPE, stderr=self.log,
                                     text=True, env={**os.environ, **(env or {})})
        started = time.monotonic()
        for line in self.proc.stdout:
            if ready in line:
                self.ready_seconds = time.monotonic() - started
                break
        else:
            raise SystemExit(f"{args} exited before printing {ready!r}")
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def call(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + TOKEN)
    if data is not None:
        request.add_header("Content-Type", "application/scim+json")
    with urllib.request.urlopen(request, timeout=600) as response:
        text = response.read()
        return response.status, (json.loads(text) if text else None)


def wrk(base, script, seconds, connections=16, env=None):
    """One wrk run; returns its report (req/s, p50, p99, errors)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s",
               os.path.join(LUA, script), base]
    out = subprocess.run(command, capture_output=True, text=True, check=True,
                         env={**os.environ, "BENCH_LUA": LUA, "BENCH_TOKEN": TOKEN,
                              "BENCH_RUN": str(time.time_ns()), **(env or {})})
    report = json.loads(out.stdout.strip().splitlines()[-1])
    report["rps"] = report["requests"] / report["seconds"]
    report["errors"] = report["non2xx"] + report["socket_errors"]
    return report


def measure(base, script, env=None, connections=16, warm_seconds=5, seconds=10, min_warmups=4,
            max_warmups=16, probe=None):
    """Warms up at least min_warmups runs (the JIT needs tens of seconds of load) and until two
    consecutive runs agree within 5 %, then measures. A probe (start(), stop() -> dict) watches
    the measured run only; what it returns joins the report."""
    previous = None
    for run in range(max_warmups):
        current = wrk(base, script, warm_seconds, connections, env)["rps"]
        stable = previous and abs(current - previous) <= 0.05 * max(current, previous)
        if stable and run + 1 >= min_warmups:
            break
        previous = current
    if probe:
        probe.start()
    report = wrk(base, script, seconds, connections, env)
    if probe:
        report.update(probe.stop())
    return report


def paths_file(lines):
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    handle.write("\n".join(lines) + "\n")
    handle.close()
    return handle.name


def user_ids(base, start, count):
    """Ids of users in userName order from startIndex (pages of 1,000)."""
    ids = []
    while len(ids) < count:
        take = min(1000, count - len(ids))
        _, page = call(base, "GET", f"/scim/v2/Users?sortBy=userName&startIndex={start + len(ids)}"
                                    f"&count={take}&attributes=id")
        ids += [r["id"] for r in page["Resources"]]
        if len(page["Resources"]) < take:
            break
    return ids


def filter_path(user_name):
    return "/scim/v2/Users?filter=" + urllib.parse.quote(f'userName eq "{user_name}"')


def entra_first_sync(base, users, groups, members_per_group, clients=16):
    """Entra's first cycle (bench/EntraSync.java, a Java client: python could not keep up)."""
    out = subprocess.run(["java", os.path.join(ROOT, "bench", "EntraSync.java"), base, TOKEN,
                          str(users), str(groups), str(members_per_group), str(clients)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="also the 1M-user scenarios")
    parser.add_argument("--sync-users", type=int, default=20_000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    for tool in ("wrk", "java"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing; run bench/run.sh, which installs it")
    work = tempfile.mkdtemp(prefix="switchboard-bench-")
    rows = []
    notes = []

    def row(name, report, unit="req/s"):
        rows.append((name, report, unit))
        print(f"  {name}: {report['rps']:,.0f} {unit}"
              + (f", p50 {report['p50_ms']:.1f} ms, p99 {report['p99_ms']:.1f} ms,"
                 f" errors {report['errors']}" if 'p50_ms' in report else ""), flush=True)

    print("baseline (bare Grizzly+Jersey, constant JSON)", flush=True)
    port = free_port()
    baseline = Process(["-jar", BASELINE_JAR, str(port)], "baseline listening")
    try:
        base_paths = paths_file(["/constant"])
        baseline_report = measure(f"http://127.0.0.1:{port}", "get.lua",
                                  {"BENCH_PATHS": base_paths}, seconds=args.seconds)
        row("baseline GET /constant", baseline_report)
    finally:
        baseline.stop()

    extra = 20_000
    db = os.path.join(work, "bench.db")
    print(f"seeding {args.users + extra:,} users, groups of 10 and {args.users:,}", flush=True)
    subprocess.run(["java", "-jar", JAR, "seed", "--db", db, "--users", str(args.users + extra),
                    "--group", "small=10", "--group", f"big={args.users}"], check=True)
    port = free_port()
    server = Process(["-jar", JAR, "--port", str(port), "--db", db], "listening on",
                     env={"SWITCHBOARD_ADMIN_TOKEN": TOKEN}, log=os.path.join(work, "server.log"))
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"switchboard ({args.users:,} users)", flush=True)
        sample = user_ids(base, 1, 2000)
        outside = user_ids(base, args.users + 1, extra)
        row("GET /Users/{id}", measure(base, "get.lua", {
            "BENCH_PATHS": paths_file([f"/scim/v2/Users/{i}" for i in sample])},
            seconds=args.seconds))
        names = [f"user{n:07d}@seed.example" for n in range(0, args.users, max(1, args.users // 5000))]
        row(f"GET /Users?filter=userName eq ({args.users:,} users)", measure(base, "get.lua", {
            "BENCH_PATHS": paths_file([filter_path(n) for n in names])}, seconds=args.seconds))
        row("POST /Users (durable)", measure(base, "create-user.lua", seconds=args.seconds))
        _, groups = call(base, "GET", "/scim/v2/Groups?attributes=displayName")
        group_ids = {g["displayName"]: g["id"] for g in groups["Resources"]}
        members = paths_file(outside)
        row("PATCH add 1 member, 10-member group", measure(base, "add-member.lua", {
            "BENCH_PATHS": members, "BENCH_GROUP": group_ids["small"]}, seconds=args.seconds))
        row(f"PATCH add 1 member, {args.users:,}-member group", measure(base, "add-member.lua", {
            "BENCH_PATHS": members, "BENCH_GROUP": group_ids["big"]}, seconds=args.seconds))

        sync = entra_first_sync(base, args.sync_users, 200, 50)
        row(f"Entra first sync ({args.sync_users:,} users, 200 groups x 50)",
            {"rps": sync["operations"] / sync["seconds"]}, "operations/s")
        notes.append(f"Entra first sync: {sync['operations']:,} operations in "
                     f"{sync['seconds']:.1f} s, {sync['errors']} errors (Java client, 16 threads)")

        started = time.monotonic()
        status, _ = call(base, "POST", "/scim/v2/LicenseTemplates", {
            "name": "bench premium", "group": {"value": group_ids["big"]},
            "contactCenter": "premium"})
        seconds = time.monotonic() - started
        assert status == 201
        _, check = call(base, "GET", f"/scim/v2/Users/{sample[0]}")
        assert check[CC]["effectiveLicense"] == "premium"
        row(f"premium template onto the {args.users:,}-member group, one request",
            {"rps": args.users / seconds}, "users resolved/s")
        notes.append(f"template onto {args.users:,} members: {seconds:.1f} s in one request")
        notes.append(f"server RSS after the scenarios: {server.rss_mb():.0f} MB")
    finally:
        server.stop()

    if args.million:
        million(args, work, rows, notes, row)

    write_results(args, rows, notes, baseline_report["rps"])
    shutil.rmtree(work, ignore_errors=True)


def million(args, work, rows, notes, row):
    db = os.path.join(work, "million.db")
    print("seeding 1,000,000 users", flush=True)
    subprocess.run(["java", "-jar", JAR, "seed", "--db", db, "--users", "1000000"], check=True)
    port = free_port()
    server = Process(["-jar", JAR, "--port", str(port), "--db", db], "listening on",
                     env={"SWITCHBOARD_ADMIN_TOKEN": TOKEN}, log=os.path.join(work, "million.log"))
    base = f"http://127.0.0.1:{port}"
    try:
        notes.append(f"1M users: start to listening line {server.ready_seconds:.1f} s")
        names = [f"user{n:07d}@seed.example" for n in range(0, 1_000_000, 200)]
        row("1M users: GET filter userName eq", measure(base, "get.lua", {
            "BENCH_PATHS": paths_file([filter_path(n) for n in names])}, seconds=args.seconds))
        row("1M users: GET count=100 pages", measure(base, "get.lua", {
            "BENCH_PATHS": paths_file([f"/scim/v2/Users?count=100&startIndex={s}"
                                       for s in range(1, 1_000_000, 9973)])},
            seconds=args.seconds))
        started = time.monotonic()
        call(base, "GET", "/scim/v2/Users?startIndex=900000&count=100")
        notes.append(f"1M users: one page at startIndex 900,000: "
                     f"{(time.monotonic() - started) * 1000:.0f} ms")
        notes.append(f"1M users: server RSS under load {server.rss_mb():.0f} MB")
    finally:
        server.stop()


def cpu_model():
    try:
        with open("/proc/cpuinfo") as info:
            return re.search(r"model name\s*:\s*(.*)", info.read()).group(1)
    except (OSError, AttributeError):
        return "unknown CPU"


def write_results(args, rows, notes, baseline_rps):
    now = datetime.datetime.now()
    date = now.date().isoformat()
    cpu = cpu_model()
    lines = [f"# Benchmark {date}", "",
             f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; "
             f"wrk on the same box, 16 connections, warmed up at least 20 s and until two 5 s runs agree "
             f"within 5 %, "
             f"then {args.seconds} s measured.", "",
             "Command: `bench/run.sh" + (" --million" if args.million else "") + "`", "",
             "| scenario | throughput | p50 | p99 | errors | ratio to baseline |",
             "|---|---|---|---|---|---|"]
    for name, report, unit in rows:
        if "p50_ms" in report:
            lines.append(f"| {name} | {report['rps']:,.0f} {unit} | {report['p50_ms']:.1f} ms | "
                         f"{report['p99_ms']:.1f} ms | {report['errors']} | "
                         f"{report['rps'] / baseline_rps:.2f} |")
        else:
            lines.append(f"| {name} | {report['rps']:,.0f} {unit} | | | | |")
    lines += [""] + [f"- {note}" for note in notes]
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    name = f"{date}-{now:%H%M}.md"  # one file per run: runs of a day are compared
    with open(os.path.join(ROOT, "bench", "results", name), "w") as out:
        out.write(text)
    print()
    print(text)


if __name__ == "__main__":
    sys.exit(main())
