"""schemathesis fuzzes every operation of the published OpenAPI schema: no input makes the server answer 5xx.

The server is the real one (uvicorn on 127.0.0.1, the sample store), and schemathesis runs as users run
it, from its command line. Each operation gets a bounded number of generated requests with a fixed
seed, so the run is short and repeatable.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_no_generated_request_gets_a_server_error(server, tmp_path):
    exe = Path(sys.executable).with_name("schemathesis")
    run = subprocess.run([str(exe), "run", server + "/openapi.json", "--checks", "not_a_server_error",
                          "--max-examples", "15", "--seed", "20261201", "--request-timeout", "60",
                          "--phases", "examples,coverage,fuzzing", "--workers", "2"],
                         capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    tested = re.search(r"Selected: (\d+)/(\d+)", run.stdout)
    assert tested and int(tested.group(1)) == int(tested.group(2)) >= 10, run.stdout[-3000:]
