"""`mergersim serve` for the workbench's tools (the browser end to end and the load test): a fresh data
folder, a free loopback port, stopped with Ctrl-C's signal."""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`binary serve` on a free port with its workspaces in `data`; its output in serve.log beside `data`."""

    def __init__(self, binary, data):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(os.path.dirname(data), "serve.log"), "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--port", str(self.port), "--data", data, "--scenarios", os.path.join(ROOT, "scenarios")],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"mergersim serve ended with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise SystemExit("mergersim serve did not answer within 60 s")

    def stop(self):
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
