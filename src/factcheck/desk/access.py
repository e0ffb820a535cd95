"""Who is logged in, which form came from the desk, and how fast someone may guess passwords.

Sessions live in the server's memory: the cookie carries only a random token, the server
knows which reviewer it belongs to. Restarting the server logs everyone out, which is the
safe failure. Each session has its own CSRF token, put in every form the desk renders and
required by every request that changes something: another site can make a logged-in
browser post to the desk, but it cannot read the token.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

SESSION_COOKIE = "factcheck_desk"
SESSION_HOURS = 12  # a working day; then the reviewer logs in again


@dataclass(frozen=True)
class Session:
    token: str
    reviewer: str
    csrf_token: str
    expires_at: float  # on the store's clock

    def accepts(self, csrf_token: str | None) -> bool:
        """Whether a submitted form carries this session's CSRF token."""
        return bool(csrf_token) and hmac.compare_digest(self.csrf_token, csrf_token)


@dataclass
class Sessions:
    """The open sessions of this server process, safe to use from several threads."""

    lifetime_seconds: float = SESSION_HOURS * 3600
    clock: Callable[[], float] = time.monotonic
    _open: dict[str, Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, reviewer: str) -> Session:
        session = Session(
            token=secrets.token_urlsafe(32),
            reviewer=reviewer,
            csrf_token=secrets.token_urlsafe(32),
            expires_at=self.clock() + self.lifetime_seconds,
        )
        with self._lock:
            self._forget_expired()
            self._open[session.token] = session
        return session

    def find(self, token: str | None) -> Session | None:
        with self._lock:
            session = self._open.get(token or "")
            if session is not None and session.expires_at <= self.clock():
                del self._open[session.token]
                return None
            return session

    def end(self, token: str | None) -> None:
        with self._lock:
            self._open.pop(token or "", None)

    def _forget_expired(self) -> None:
        now = self.clock()
        for token in [t for t, s in self._open.items() if s.expires_at <= now]:
            del self._open[token]


@dataclass
class LoginThrottle:
    """Refuses logins for a while after too many failures for the same name or address.

    Counting by name stops guessing one reviewer's password from many addresses; counting
    by address stops trying many names from one. Failures older than the window are
    forgotten; a successful login clears its name and address.
    """

    max_failures: int = 5
    window_seconds: float = 15 * 60
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait_seconds(self, *keys: str) -> float:
        """0 when a login may be tried now; otherwise how long until it may."""
        now = self.clock()
        with self._lock:
            waits = [
                recent[0] + self.window_seconds - now
                for recent in (self._recent(key, now) for key in keys)
                if len(recent) >= self.max_failures
            ]
        return max(waits, default=0.0)

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._failures[key] = self._recent(key, now)
                self._failures[key].append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def _recent(self, key: str, now: float) -> deque[float]:
        """The failures of `key` within the window; a key with none left is forgotten."""
        recent = self._failures.pop(key, deque())
        while recent and recent[0] <= now - self.window_seconds:
            recent.popleft()
        if recent:
            self._failures[key] = recent
        return recent
