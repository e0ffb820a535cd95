"""`factcheck serve`: the review desk on one address — by default this machine only.

On any other address the desk must sit behind a reverse proxy that terminates TLS: the
session cookie and passwords would otherwise cross the network in clear text. uvicorn
trusts the proxy's X-Forwarded-* headers from 127.0.0.1 only (FORWARDED_ALLOW_IPS), and the
cookie is marked Secure when the proxy says the request came over https.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress

from factcheck.desk import accounts
from factcheck.settings import Paths

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def warnings(paths: Paths, host: str) -> list[str]:
    """What an operator should know before reviewers try to log in."""
    notes = []
    if not is_loopback(host):
        notes.append(
            f"the desk listens on {host}, reachable from other machines: put it behind a "
            "reverse proxy with TLS (https), never serve it in clear text"
        )
    if not accounts.load(paths.reviewers_file):
        notes.append("no reviewer accounts yet: add one with `factcheck reviewer add NAME`")
    if not paths.warehouse_db.is_file():
        notes.append(f"no published database at {paths.warehouse_db}: run `factcheck run` first")
    return notes


def port_number(text: str) -> int:
    """A TCP port from the command line (argparse reports the error as a usage error)."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port (1 to 65535)")
    return int(text)


def serve(paths: Paths, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> bool:
    """Run the desk until interrupted (Ctrl-C). False when it could not listen at all (the
    address is taken or unknown; uvicorn has logged why)."""
    import uvicorn

    from factcheck.desk.app import Desk, create_app

    config = uvicorn.Config(
        create_app(Desk(paths)), host=host, port=port, server_header=False, log_level="info"
    )
    server = uvicorn.Server(config)
    with contextlib.suppress(SystemExit):  # uvicorn exits the process when it cannot bind
        server.run()
    return server.started
