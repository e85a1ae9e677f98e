#!/usr/bin/env python3
"""The multi-process benchmark behind bench/multiprocess.sh (read that first).

The same three scenarios (bench/lua) on three setups, each on a freshly seeded store: one process
on SQLite, one process on PostgreSQL, and two processes on one PostgreSQL, where wrk's two threads
take one process each (BENCH_ADDRS, bench/lua/report.lua): the load is split evenly, and the
latency reported is that of both together. Every process first gets each scenario alone (the
JIT's warm-up), then warm-up and measurement as bench/harness.py does them; while the measured
run lasts, the CPU time of the servers and of PostgreSQL is counted. Prints one
table, also written to bench/results/multiprocess-<date>-<time>.md. Standard library only.
"""
import argparse
import datetime
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from harness import (JAR, ROOT, TOKEN, Process, call, cpu_model, free_port, measure, paths_file,
                     user_ids, wrk)

PSQL = "/usr/lib/postgresql/15/bin/psql"
TICKS = os.sysconf("SC_CLK_TCK")
SCENARIOS = ["GET /Users/{id}", "POST /Users (durable)", "PATCH add 1 member to a group"]


class RunProbe:
    """What one measured run cost. CPU: seconds of the servers, of PostgreSQL, of wrk and of the
    whole machine, as cores busy on average (2.0 = both cores of a 2-core box); what the machine
    spent beyond those is others' work on a shared box, and says how far to trust the run. Group
    commits (the servers' /metrics): how many, how many writes each carried, and how long each
    took, waiting for the other processes' writes included."""

    COMMIT = re.compile(r'^switchboard_store_commit_(seconds|batch_size)_(count|sum)'
                        r'(?:\{outcome="committed",?\})?\s+(\S+)$', re.MULTILINE)

    def __init__(self, servers, bases, postmaster_pid):
        self.servers = servers
        self.bases = bases
        self.postmaster_pid = postmaster_pid

    def start(self):
        self.before = self.sample()

    def stop(self):
        after = self.sample()
        delta = {name: after[name] - self.before[name] for name in after}
        seconds = delta.pop("wall")
        report = {f"cpu_{name}": delta[name] / seconds
                  for name in ("servers", "postgres", "wrk", "machine")}
        report["cpu_others"] = max(0.0, report["cpu_machine"] - report["cpu_servers"]
                                   - report["cpu_postgres"] - report["cpu_wrk"])
        commits = delta["seconds_count"]
        report["commits_per_s"] = commits / seconds
        report["writes_per_commit"] = delta["batch_size_sum"] / commits if commits else 0.0
        report["commit_ms"] = 1000 * delta["seconds_sum"] / commits if commits else 0.0
        return report

    def sample(self):
        postgres = 0.0
        if self.postmaster_pid:
            postgres = sum(process_cpu(pid) for pid in [self.postmaster_pid]
                           + children(self.postmaster_pid))
        with open("/proc/stat") as stat:
            fields = [int(f) for f in stat.readline().split()[1:]]
        busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
        finished = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk, once it has ended
        sample = {"wall": time.monotonic(), "postgres": postgres, "machine": busy / TICKS,
                  "wrk": finished.ru_utime + finished.ru_stime,
                  "servers": sum(process_cpu(server.proc.pid) for server in self.servers),
                  "seconds_count": 0.0, "seconds_sum": 0.0, "batch_size_count": 0.0,
                  "batch_size_sum": 0.0}
        for base in self.bases:
            request = urllib.request.Request(base + "/metrics")
            request.add_header("Authorization", "Bearer " + TOKEN)
            with urllib.request.urlopen(request, timeout=60) as response:
                for meter, statistic, value in self.COMMIT.findall(response.read().decode()):
                    sample[f"{meter}_{statistic}"] += float(value)
        return sample


def process_cpu(pid):
    """User and system CPU seconds of pid (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError):
        return 0.0


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return found


class Postgres:
    """The throwaway cluster bench/multiprocess.sh started: one schema per setup."""

    def __init__(self, url, cluster_dir):
        match = re.match(r"jdbc:postgresql://([^:/]+):(\d+)/(\w+)", url)
        self.url, self.host, self.port, self.database = url, *match.groups()
        self.env = {"SWITCHBOARD_DB_USER": "switchboard", "SWITCHBOARD_DB_PASSWORD": "switchboard"}
        with open(os.path.join(cluster_dir, "data", "postmaster.pid")) as pid:
            self.postmaster_pid = int(pid.readline())

    def schema(self, name):
        subprocess.run([PSQL, "-h", self.host, "-p", self.port, "-U", "switchboard", "-d",
                        self.database, "-qc", f"CREATE SCHEMA {name}"], check=True,
                       env={**os.environ, "PGPASSWORD": "switchboard"})
        return f"{self.url}?currentSchema={name}"


def run_setup(name, db, env, processes, args, work, postmaster_pid, rows, notes):
    """Seeds db, starts `processes` servers on it, and measures every scenario."""
    print(f"{name}: seeding {args.users:,} users", flush=True)
    started = time.monotonic()
    subprocess.run(["java", "-jar", JAR, "seed", "--db", db, "--users", str(args.users),
                    "--group", "small=10"], check=True, env={**os.environ, **env},
                   stdout=subprocess.DEVNULL)
    notes.append(f"{name}: seeding {args.users:,} users took {time.monotonic() - started:.1f} s")
    servers, ports = [], []
    try:
        for n in range(processes):
            ports.append(free_port())
            servers.append(Process(
                ["-jar", JAR, "--port", str(ports[-1]), "--db", db], "listening on",
                env={**env, "SWITCHBOARD_ADMIN_TOKEN": TOKEN},
                log=os.path.join(work, f"{name.replace(' ', '-')}-{n}.log")))
        base = f"http://127.0.0.1:{ports[0]}"
        spread = {"BENCH_ADDRS": ",".join(f"127.0.0.1:{p}" for p in ports)}
        sample = user_ids(base, 1, 2000)
        outside = user_ids(base, 11, min(20_000, args.users - 10))
        _, groups = call(base, "GET", "/scim/v2/Groups?attributes=displayName")
        small = next(g["id"] for g in groups["Resources"] if g["displayName"] == "small")
        probe = RunProbe(servers, [f"http://127.0.0.1:{port}" for port in ports],
                         postmaster_pid)
        scenarios = [
            (SCENARIOS[0], "get.lua",
             {"BENCH_PATHS": paths_file([f"/scim/v2/Users/{i}" for i in sample])}),
            (SCENARIOS[1], "create-user.lua", {}),
            (SCENARIOS[2], "add-member.lua",
             {"BENCH_PATHS": paths_file(outside), "BENCH_GROUP": small})]
        # Two JVMs given half the load each take minutes to compile what one JVM given all of it
        # compiles in seconds (measured: GET at a third of its speed after 50 s of split load),
        # and a slow climb can fool measure()'s "two runs agree" rule. So first every process
        # gets every scenario's full load on its own, as long for each process in every setup.
        for port in ports:
            for _, script, extra in scenarios:
                wrk(f"http://127.0.0.1:{port}", script, args.jit_seconds, env=extra)
        for scenario, script, extra in scenarios:
            report = measure(base, script, {**spread, **extra}, seconds=args.seconds,
                             min_warmups=args.warmups, probe=probe)
            rows.append((scenario, name, report))
            if processes > 1:
                sent = report["sent_per_thread"]
                notes.append(f"{name}, {scenario}: requests per process "
                             + " / ".join(f"{n / sum(sent):.0%}" for n in sent))
            print(f"  {scenario}: {report['rps']:,.0f} req/s, p50 {report['p50_ms']:.1f} ms, "
                  f"p99 {report['p99_ms']:.1f} ms, errors {report['errors']}, "
                  f"cores busy: switchboard {report['cpu_servers']:.2f}, postgres "
                  f"{report['cpu_postgres']:.2f}, wrk {report['cpu_wrk']:.2f}, others "
                  f"{report['cpu_others']:.2f}; group commits {report['commits_per_s']:,.0f}/s"
                  f" x {report['writes_per_commit']:.1f} writes, {report['commit_ms']:.1f} ms each",
                  flush=True)
        notes.append(f"{name}: server RSS after the scenarios "
                     + ", ".join(f"{s.rss_mb():.0f} MB" for s in servers))
    finally:
        for server in servers:
            server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", required=True, help="jdbc:postgresql://HOST:PORT/DB")
    parser.add_argument("--postgres-dir", required=True, help="the cluster's directory")
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--jit-seconds", type=int, default=30,
                        help="each process's warm-up, per scenario, alone (see run_setup)")
    parser.add_argument("--warmups", type=int, default=4, help="at least this many 5 s runs")
    args = parser.parse_args()
    for tool in ("wrk", "java"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing; run bench/multiprocess.sh, which installs it")
    postgres = Postgres(args.postgres, args.postgres_dir)
    work = tempfile.mkdtemp(prefix="switchboard-multiprocess-")
    rows, notes = [], []
    run_setup("1 process, SQLite", os.path.join(work, "bench.db"), {}, 1, args, work, None,
              rows, notes)
    run_setup("1 process, PostgreSQL", postgres.schema("bench_one"), postgres.env, 1, args,
              work, postgres.postmaster_pid, rows, notes)
    run_setup("2 processes, PostgreSQL", postgres.schema("bench_two"), postgres.env, 2, args,
              work, postgres.postmaster_pid, rows, notes)
    write_results(args, rows, notes)
    shutil.rmtree(work, ignore_errors=True)


def write_results(args, rows, notes):
    now = datetime.datetime.now()
    cpu = cpu_model()
    lines = [f"# Several processes on PostgreSQL: benchmark {now.date().isoformat()}", "",
             f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; "
             f"PostgreSQL 15 (`.ci/postgres`, fsync on) and wrk on the same box. "
             f"{args.users:,} seeded users per setup, a fresh store each. wrk: 2 threads, "
             f"16 connections; with two processes each thread (8 connections) talks to one "
             f"process, and p50/p99 are over both. Each process first gets each scenario alone "
             f"for {args.jit_seconds} s (the JIT's warm-up); then each scenario is warmed up at "
             f"least {5 * args.warmups} s and until two 5 s runs agree within 5 %, then "
             f"{args.seconds} s measured. Cores busy: average CPU "
             f"use during the measured run (of {os.cpu_count()}) by the Switchboard processes, "
             f"PostgreSQL, wrk, and others on the box (not part of the benchmark). Group commits "
             f"(all processes' `/metrics`): commits a second, writes per commit, and time per "
             f"commit (its writes, the durable commit, and the wait for the other process's).", "",
             f"Command: `bench/multiprocess.sh --users {args.users} --jit-seconds "
             f"{args.jit_seconds}`", "",
             "| scenario | setup | req/s | p50 | p99 | errors | cores busy: switchboard / "
             "postgres / wrk / others | group commits/s × writes each, ms each |",
             "|---|---|---|---|---|---|---|---|"]
    for scenario in SCENARIOS:
        for name, setup, report in [(s, n, r) for s, n, r in rows if s == scenario]:
            lines.append(f"| {name} | {setup} | {report['rps']:,.0f} | {report['p50_ms']:.1f} ms "
                         f"| {report['p99_ms']:.1f} ms | {report['errors']} | "
                         f"{report['cpu_servers']:.2f} / {report['cpu_postgres']:.2f} / "
                         f"{report['cpu_wrk']:.2f} / {report['cpu_others']:.2f} | "
                         + (f"{report['commits_per_s']:,.0f} × {report['writes_per_commit']:.1f}, "
                            f"{report['commit_ms']:.1f} ms |" if report["commits_per_s"] >= 1
                            else "– |"))
    lines += [""] + [f"- {note}" for note in notes]
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(ROOT, "bench", "results"), exist_ok=True)
    path = os.path.join(ROOT, "bench", "results", f"multiprocess-{now.date()}-{now:%H%M}.md")
    with open(path, "w") as out:
        out.write(text)
    print()
    print(text)
    print(f"written to {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
