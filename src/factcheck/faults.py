"""Named crash points, to prove recovery from a kill at any moment.

`crash_point("publish:renamed")` does nothing, unless the environment variable
FACTCHECK_CRASH_AT names that point: then the process sends itself SIGKILL, exactly what
`kill -9`, the OOM killer or a power cut does to it. The reliability tests use it to kill
real `factcheck run` processes at chosen moments and check what survives.
"""

from __future__ import annotations

import os
import signal

CRASH_ENV = "FACTCHECK_CRASH_AT"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
