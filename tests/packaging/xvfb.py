"""Runs a virtual X server (Xvfb) so the app can be started with the xcb platform."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 30


@contextmanager
def running_xvfb() -> Iterator[str]:
    """Start Xvfb on a free display; yields its name (``:N``) once it accepts clients.

    ``-displayfd`` lets the server pick the display and report it when ready, and
    ``-noreset`` keeps it from resetting while clients come and go.
    """
    read_end, write_end = os.pipe()
    # The server's messages go to a file, not a pipe: nobody reads them while it runs.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-noreset",
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "1280x800x24",
            ],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        os.close(write_end)
        try:
            with os.fdopen(read_end, "rb") as reader:
                number = reader.readline().decode().strip()
            if not number:
                server.wait(timeout=START_TIMEOUT_S)
                log.seek(0)
                raise RuntimeError(f"Xvfb did not start: {log.read().decode(errors='replace')}")
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=START_TIMEOUT_S)
