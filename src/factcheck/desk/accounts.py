"""Reviewer accounts: who may log in to the review desk, with salted, slow password hashes.

The accounts live in one JSON file under the data directory (`Paths.reviewers_file`), in a
directory only its owner can enter. `factcheck reviewer add/remove/list` change it, under a
lock and by atomic replacement, while the server may be running: the server reads the file
at every login and every request, so a removed reviewer is logged out at their next click.

Passwords are hashed with scrypt from the standard library. Its parameters are stored with
each account, so they can be raised later without locking anyone out.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck.fsutil import write_atomic

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # scrypt's cost does not depend on it, but nobody needs more
MAX_NAME_LENGTH = 80


class AccountError(ValueError):
    """A refused account change or unreadable accounts file; the message says why."""


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's work factors: n=2**14, r=8 takes about 50 ms and 16 MiB per check — cheap
    for one login, expensive for someone guessing millions of passwords."""

    n: int = 2**14
    r: int = 8
    p: int = 1

    def derive(self, password: str, salt: bytes) -> bytes:
        return hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=self.n, r=self.r, p=self.p, dklen=32
        )


@dataclass(frozen=True)
class Reviewer:
    """One account. `name` is what verdicts recorded through the desk carry as reviewed_by."""

    name: str
    salt: str  # hex
    key: str  # hex scrypt output
    cost: ScryptCost
    created_at: str

    def has_password(self, password: str) -> bool:
        derived = self.cost.derive(password, bytes.fromhex(self.salt))
        return hmac.compare_digest(derived, bytes.fromhex(self.key))


def check_name(name: str) -> str:
    """A reviewer name as it will appear in the verdict log: printable, one line, not blank."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise AccountError("the reviewer name is empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise AccountError(f"the reviewer name is longer than {MAX_NAME_LENGTH} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in cleaned):
        raise AccountError("the reviewer name contains control characters")
    return cleaned


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at most {MAX_PASSWORD_LENGTH} characters")
    return password


def new_reviewer(name: str, password: str, cost: ScryptCost = ScryptCost()) -> Reviewer:
    salt = secrets.token_bytes(16)
    return Reviewer(
        name=check_name(name),
        salt=salt.hex(),
        key=cost.derive(check_password(password), salt).hex(),
        cost=cost,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def name_key(name: str) -> str:
    """What makes two spellings the same reviewer: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def load(path: Path) -> dict[str, Reviewer]:
    """Every account, keyed by the case-folded name (names are unique whatever their case)."""
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["reviewers"]
        reviewers = [
            Reviewer(**(entry | {"cost": ScryptCost(**entry["cost"])})) for entry in entries
        ]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AccountError(f"the reviewer accounts file {path} cannot be read: {exc}") from None
    return {name_key(reviewer.name): reviewer for reviewer in reviewers}


def find(path: Path, name: str) -> Reviewer | None:
    return load(path).get(name_key(name))


@functools.cache
def _nobody() -> Reviewer:
    """Checked against when the name is unknown, so a wrong name costs as long as a wrong
    password and the time of a refusal does not tell which names exist."""
    return new_reviewer("nobody", secrets.token_hex(MIN_PASSWORD_LENGTH))


def authenticate(path: Path, name: str, password: str) -> Reviewer | None:
    """The account whose name and password these are, or None."""
    reviewer = find(path, name)
    if len(password) > MAX_PASSWORD_LENGTH:
        return None
    matches = (reviewer or _nobody()).has_password(password)
    return reviewer if reviewer is not None and matches else None


@contextmanager
def _locked(path: Path) -> Iterator[dict[str, Reviewer]]:
    """The accounts, for changing; `_save` inside the block. One writer at a time."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield load(path)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _save(path: Path, reviewers: dict[str, Reviewer]) -> None:
    entries = [asdict(r) for _, r in sorted(reviewers.items())]
    text = json.dumps({"reviewers": entries}, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
    os.chmod(path, 0o600)


def add(path: Path, name: str, password: str) -> Reviewer:
    reviewer = new_reviewer(name, password)
    with _locked(path) as reviewers:
        if name_key(reviewer.name) in reviewers:
            raise AccountError(
                f"reviewer {reviewer.name!r} already exists (remove it first to set a new password)"
            )
        reviewers[name_key(reviewer.name)] = reviewer
        _save(path, reviewers)
    return reviewer


def remove(path: Path, name: str) -> Reviewer:
    with _locked(path) as reviewers:
        reviewer = reviewers.pop(name_key(name), None)
        if reviewer is None:
            raise AccountError(f"there is no reviewer named {name!r}")
        _save(path, reviewers)
    return reviewer
