#!/usr/bin/env python3
"""The workbench under load, on loopback (`make bench-serve`): bounded in count and time.

1. Concurrent simulations: COUNT submitted at once on Phan Rang with RUNS runs each, by a client that reads the
   page's CSRF token as a browser does; the queue's bound answers 503 beyond it, the rest must finish.
   The server's peak memory (VmHWM) and its simulations' (each a child process) are read from /proc.
2. The read pages under `wrk` (SECONDS each, 2 threads, 4 connections, one browser session): the start page, a
   national workspace's (vn-2025: 10,040 units) units page and map JSON, and the results, a run and a comparison
   of the runs above: requests per second, p50 and p99 latency, and the responses that were not 2xx or 3xx
   (and socket errors), which must be none.

Prints a table (Markdown) and exits 1 when a check fails: an error response to a read page, a queued simulation
that did not finish, a refusal that is not 503 or more refusals than the bound allows.

    python3 Tools/workbench-bench/bench.py --binary .build/release/mergersim
"""
import argparse
import html.parser
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "workbench-common"))
import served  # noqa: E402



class Client:
    """A browser's side over HTTP/1.1: its session cookie, and the CSRF token of the last page read."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in sorted(self.cookies.items()))
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        text = content.decode("utf-8", "replace")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', text)
        if token:
            self.csrf = token.group(1)
        connection.close()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, files=()):
        """A multipart form with the session's CSRF token, as the pages' forms send it."""
        boundary = "benchboundary7f3a"
        parts = []
        for name, value in [("csrf", self.csrf)] + list(fields):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, filename, content in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


class FormFields(html.parser.HTMLParser):
    """The fields of the form `form_id` with the values the page gives them (what a person who changes nothing sends)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.action = None
        self.fields = []
        self.select = None

    def handle_starttag(self, tag, attributes):
        a = dict(attributes)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
            if self.inside:
                self.action = a.get("action")
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button", "file", "checkbox", "radio"):
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "input" and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.fields.append((a["name"], a.get("value") or "on"))
        elif tag == "select":
            self.select = [a["name"], None, None]
        elif tag == "option" and self.select is not None:
            if self.select[2] is None:
                self.select[2] = a.get("value", "")
            if "selected" in a:
                self.select[1] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        if tag == "select" and self.select is not None:
            name, chosen, first = self.select
            self.fields.append((name, chosen if chosen is not None else first or ""))
            self.select = None


def form(page, form_id):
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.action, parser.fields


class Server(served.Server):
    """The served workbench, with what the load test reads of its process."""

    def peak_kib(self):
        return status_kib(self.process.pid, "VmHWM")

    def children(self):
        """The ids of the server's child processes (its running simulations)."""
        found = []
        for task in os.listdir(f"/proc/{self.process.pid}/task"):
            try:
                with open(f"/proc/{self.process.pid}/task/{task}/children") as file:
                    found += [int(pid) for pid in file.read().split()]
            except OSError:
                pass
        return found


def status_kib(pid, field):
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def make_workspace(client, name, bundled):
    client.get("/")
    status, headers, _ = client.post("/workspaces", [("name", name), ("bundled", bundled)])
    if status != 303:
        raise SystemExit(f"the workspace {bundled} could not be made: {status}")
    return headers["location"].split("/")[2]


def wrk(port, path, cookie, seconds, threads, connections):
    """`wrk` on one page: requests/s, p50 and p99 latency in ms, requests, and the errors (non-2xx/3xx and socket errors)."""
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
                          "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{path}"],
                         capture_output=True, text=True, check=True).stdout

    def milliseconds(text):
        number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = milliseconds(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)) else 0
    sockets = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out)) if "Socket errors" in out else 0
    return rate, p50, p99, requests, non2xx + sockets


def simulations(server, workspace, count, runs):
    """`count` simulations submitted at once (each its own browser session), then waited for."""
    client = Client(server.port)
    _, _, page = client.get(f"/w/{workspace}/simulate")
    action, fields = form(page, "simulate-form")
    if action is None:
        return None
    fields = [(k, v) for k, v in fields if k not in ("csrf", "transition.runs", "transition.precision")] + [("transition.runs", str(runs))]
    answers = [None] * count
    barrier = threading.Barrier(count)

    def submit(i):
        barrier.wait()
        answers[i] = client.post(action, fields)

    peak = {"children": 0}
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            for pid in server.children():
                peak["children"] = max(peak["children"], status_kib(pid, "VmHWM"))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.time()
    threads = [threading.Thread(target=submit, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    accepted = [headers["location"] for status, headers, _ in answers if status == 303]
    refused = [status for status, _, _ in answers if status != 303]
    finished = 0
    for location in accepted:
        while True:
            status, _, text = client.get(location + ".json")
            state = json.loads(text)["state"] if status == 200 else "unreadable"
            if state not in ("queued", "running"):
                finished += state == "finished"
                break
            time.sleep(0.2)
    seconds = time.time() - started
    sampling.set()
    sampler.join()
    return accepted, refused, finished, seconds, peak["children"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/mergersim"))
    parser.add_argument("--seconds", type=int, default=10, help="wrk's time on each page")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--simulations", type=int, default=6, help="submitted at once")
    parser.add_argument("--runs", type=int, default=200, help="of each simulation")
    parser.add_argument("--queued", type=int, default=4, help="the server's queue bound (its documented limit)")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing (make bench-serve installs it)")
    failures = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="workbench-bench-") as temporary:
        server = Server(options.binary, os.path.join(temporary, "data"))
        try:
            client = Client(server.port)
            national = make_workspace(client, "national", "vn-2025")
            phan_rang = make_workspace(client, "phan-rang", "phan-rang-2024")
            outcome = simulations(server, phan_rang, options.simulations, options.runs)
            if outcome is None:
                failures.append("the simulate page has no form id=simulate-form")
                outcome = [], [], 0, 0.0, 0
            accepted, refused, finished, seconds, children = outcome
            if len(accepted) != min(options.simulations, options.queued) or finished != len(accepted):
                failures.append(f"simulations: {len(accepted)} accepted, {finished} finished (the bound is {options.queued})")
            if any(status != 503 for status in refused):
                failures.append(f"simulations refused with {sorted(set(refused))}, not 503")
            # Warm the national workspace's screening (made once per rule set, then cached).
            client.get(f"/w/{national}/units")
            cookie = "; ".join(f"{k}={v}" for k, v in sorted(client.cookies.items()))
            pages = [("start page", "/"), ("units page (national, page 1)", f"/w/{national}/units"),
                     ("units page (a province, by population)", f"/w/{national}/units?province={urllib.parse.quote('Thành phố Hà Nội')}&sort=population&desc=1"),
                     ("map JSON (10,040 points)", f"/w/{national}/units/map.json"),
                     ("results list (the runs above)", f"/w/{phan_rang}/results"), ("a run's page", f"/w/{phan_rang}/results/1"),
                     ("compare two runs", f"/w/{phan_rang}/compare?run=1&run=2")]
            for name, path in pages:
                status = client.get(path)[0]
                if status != 200:
                    failures.append(f"{name}: {status} before the load")
                    continue
                rate, p50, p99, requests, errors = wrk(server.port, path, cookie, options.seconds, options.threads, options.connections)
                rows.append((name, f"{rate:,.0f}", f"{p50:.1f}", f"{p99:.1f}", f"{requests:,}", str(errors)))
                if errors:
                    failures.append(f"{name}: {errors} responses were errors")
            server_peak = server.peak_kib()
        finally:
            server.stop()
    print(f"\nThe workbench on loopback: wrk, {options.threads} threads, {options.connections} connections, {options.seconds} s a page\n")
    print("| page | requests/s | p50 ms | p99 ms | requests | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\n{options.simulations} simulations of Phan Rang ({options.runs} runs each) submitted at once: "
          f"{len(accepted)} accepted, {len(refused)} refused ({', '.join(str(s) for s in sorted(set(refused))) or 'none'}), "
          f"{finished} finished in {seconds:.1f} s; peak memory: the server {server_peak / 1024:.0f} MiB, "
          f"a simulation {children / 1024:.0f} MiB")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
