#!/usr/bin/env python3
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
"""The official Python server SDK's trigger loop, re-implemented with the stdlib.

The SDK (`apinator-server` on PyPI) cannot be installed here, so this does per
trigger exactly what its `Apinator.trigger()` / `_request()` do: build the payload
dict, `json.dumps` it with default separators, take `int(time.time())`, MD5 the
body, HMAC-SHA256 the string to sign with a fresh `hmac.new`, set the same four
headers, send, read the answer and `json.loads` it when non-empty, map errors by
status. One request at a time, as an application calling `trigger()` in a loop.

Transports:
  keepalive (default)  http.client.HTTPConnection kept alive across triggers
  urllib               urllib.request.urlopen per trigger, as the SDK really does
                       (a new TCP connection and `Connection: close` every time)

Prints one JSON object like `apinatorctl bench trigger --json`.
"""

import argparse
import hashlib
import hmac
import http.client
import json
import math
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def bench_data(seq, size):
    """A data string of exactly `size` characters, shaped like `apinatorctl bench trigger`'s."""
    head = '{"seq":%d,"pad":"' % seq
    tail = '"}'
    pad = size - len(head) - len(tail)
    if pad < 0:
        return "x" * size
    return head + "x" * pad + tail


def sign_request(secret, method, path, body, timestamp):
    body_md5 = hashlib.md5(body).hexdigest() if body else ""
    sig_string = f"{timestamp}\n{method}\n{path}\n{body_md5}"
    return hmac.new(secret.encode("utf-8"), sig_string.encode("utf-8"), hashlib.sha256).hexdigest()


class SdkLikeClient:
    def __init__(self, base_url, app_id, key, secret, transport):
        self.base_url = base_url.rstrip("/")
        self.app_id = app_id
        self.key = key
        self.secret = secret
        self.transport = transport
        parsed = urllib.parse.urlsplit(self.base_url)
        if parsed.scheme != "http":
            raise SystemExit("python_loop.py: --base-url: only http:// is measured here")
        self.host = parsed.hostname
        self.port = parsed.port or 80
        self.conn = None

    def trigger(self, name, data, channel):
        payload = {"name": name, "data": data}
        if channel:
            payload["channel"] = channel
        return self._request("POST", f"/apps/{self.app_id}/events", payload)

    def _request(self, method, path, body):
        timestamp = int(time.time())
        body_bytes = json.dumps(body).encode("utf-8") if body is not None else b""
        canonical_path = path.split("?", 1)[0]
        signature = sign_request(self.secret, method, canonical_path, body_bytes, timestamp)
        headers = {
            "Content-Type": "application/json",
            "X-Realtime-Key": self.key,
            "X-Realtime-Timestamp": str(timestamp),
            "X-Realtime-Signature": signature,
        }
        if self.transport == "urllib":
            return self._urllib(method, path, body_bytes, headers)
        return self._keepalive(method, path, body_bytes, headers)

    def _urllib(self, method, path, body_bytes, headers):
        req = urllib.request.Request(self.base_url + path, data=body_bytes or None, method=method)
        for k, v in headers.items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req) as response:
                text = response.read().decode("utf-8")
                return 200, (json.loads(text) if text else {})
        except urllib.error.HTTPError as e:
            e.read()
            return e.code, None
        except urllib.error.URLError as e:
            return 0, str(e.reason)

    def _keepalive(self, method, path, body_bytes, headers):
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.request(method, path, body=body_bytes or None, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8")
                if 200 <= response.status < 300:
                    return response.status, (json.loads(text) if text else {})
                return response.status, None
            except (http.client.HTTPException, OSError) as e:
                # A server may close an idle kept-alive connection: reconnect once.
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    return 0, type(e).__name__
        return 0, "unreachable"


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    # Nearest rank, as apinatorctl bench trigger computes it.
    rank = math.ceil(p / 100.0 * len(sorted_values))
    return sorted_values[min(len(sorted_values), max(1, rank)) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=os.environ.get("APINATOR_BASE_URL", "http://127.0.0.1:6001"))
    parser.add_argument("--app-id", default=os.environ.get("APINATOR_APP_ID", "local"))
    parser.add_argument("--key", default=os.environ.get("APINATOR_KEY", "local-key"))
    parser.add_argument("--channel", default="bench")
    parser.add_argument("--size", type=int, default=1024, help="length of the data string")
    parser.add_argument("--count", type=int, default=1000000, help="at most this many triggers")
    parser.add_argument("--duration", type=float, default=5.0, help="at most this many seconds")
    parser.add_argument("--transport", choices=("keepalive", "urllib"), default="keepalive")
    args = parser.parse_args()
    # The secret comes from the environment only, so it never shows in `ps`.
    secret = os.environ.get("APINATOR_SECRET", "local-secret")
    if args.count < 1 or args.size < 0 or args.duration <= 0:
        parser.error("--count must be >= 1, --size >= 0, --duration > 0")

    client = SdkLikeClient(args.base_url, args.app_id, args.key, secret, args.transport)
    latencies = []
    failures = {}
    ok = 0
    started = time.perf_counter()
    deadline = started + args.duration
    sent = 0
    while sent < args.count and time.perf_counter() < deadline:
        data = bench_data(sent, args.size)
        t0 = time.perf_counter()
        status, result = client.trigger("bench-event", data, args.channel)
        latencies.append((time.perf_counter() - t0) * 1000.0)
        sent += 1
        if 200 <= status < 300:
            ok += 1
        else:
            cause = str(status) if status else f"network:{result}"
            failures[cause] = failures.get(cause, 0) + 1
    elapsed = time.perf_counter() - started
    latencies.sort()
    print(json.dumps({
        "implementation": "python-sdk-loop (stdlib re-implementation of apinator-server's trigger)",
        "transport": args.transport,
        "sent": sent,
        "ok": ok,
        "failed": sent - ok,
        "failures": failures,
        "seconds": round(elapsed, 3),
        "events_per_second": round(ok / elapsed, 1) if elapsed > 0 else 0,
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 3),
            "p90": round(percentile(latencies, 90), 3),
            "p99": round(percentile(latencies, 99), 3),
            "max": round(latencies[-1], 3) if latencies else 0,
        },
    }))
    sys.stdout.flush()
    return 0 if ok == sent else 1


if __name__ == "__main__":
    sys.exit(main())
