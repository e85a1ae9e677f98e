#!/usr/bin/env python3
"""Measures a CSV import of N rows and the export after it, against a running server.

  python3 bench/csv_import.py --url http://127.0.0.1:8080 --token ADMIN_TOKEN --users 100000

Creates the users it needs through /Bulk (1,000 per request, 4 at a time), uploads one CSV
row per user (license, role, queues), waits for the import to end, then streams the export.
Prints each phase's wall time. Standard library only.
"""
import argparse
import concurrent.futures
import json
import time
import urllib.request


def call(url, token, method="GET", body=None, content_type="application/scim+json"):
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, dict(response.headers), response.read()


def create_users(root, token, prefix, first, count):
    operations = [
        {"method": "POST", "path": "/Users", "bulkId": str(i),
         "data": {"userName": f"{prefix}{i:07d}@bench.example", "displayName": f"User {i}"}}
        for i in range(first, first + count)]
    body = json.dumps({"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
                       "Operations": operations}).encode()
    call(root + "/scim/v2/Bulk", token, "POST", body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--token", required=True)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--prefix", default="bench")
    args = parser.parse_args()
    root = args.url.rstrip("/")

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda f: create_users(root, args.token, args.prefix, f,
                                             min(1000, args.users - f)),
                      range(0, args.users, 1000)))
    print(f"created {args.users:,} users through /Bulk: {time.monotonic() - start:.1f} s")

    tiers = ["standard", "premium", "none"]
    lines = ["userName,license,role,queues"]
    for i in range(args.users):
        lines.append(f"{args.prefix}{i:07d}@bench.example,{tiers[i % 3]},"
                     f"{'supervisor' if i % 10 == 0 else 'agent'},Sales;Support {i % 7}")
    csv = ("\r\n".join(lines) + "\r\n").encode()

    start = time.monotonic()
    _, headers, _ = call(root + "/admin/imports?mode=sync", args.token, "POST", csv, "text/csv")
    location = headers["Location"]
    while True:
        status = json.loads(call(location, args.token)[2])
        if status["state"] != "running":
            break
        time.sleep(0.5)
    elapsed = time.monotonic() - start
    print(f"import of {status['total']:,} rows ({len(csv) / 1e6:.1f} MB), mode=sync: "
          f"{elapsed:.1f} s, {status['total'] / elapsed:,.0f} rows/s, state {status['state']}, "
          f"{status['failed']} failed")

    start = time.monotonic()
    _, _, body = call(root + "/admin/exports/users.csv", args.token)
    users = body.count(b"\n") - 1
    print(f"export of {users:,} users ({len(body) / 1e6:.1f} MB): "
          f"{time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
