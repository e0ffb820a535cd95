"""What the cyclic garbage collector need not walk in a `factcheck` process.

A nightly run imports Airflow (and its in-process execution API), dbt and Great
Expectations and holds dbt's parsed project: some 800,000 objects, most of them alive until
the process ends. CPython's collector walks every tracked object on each full collection:
a dozen a night, 0.1 to 0.8 s each as the heap grows (3.3 s of a 29-s night on a
20,000-article archive), and again on the interpreter's way out (2 to 5 s more). None of it
frees anything that matters to a process about to end. Moving what is alive at a few
chosen points to the collector's permanent generation (`gc.freeze`) spares those walks, and
a higher first threshold (YOUNG_THRESHOLD) spares most of the collections themselves.
"""

from __future__ import annotations

import atexit
import gc


def keep_for_life() -> None:
    """Exempt every object alive now from later collections. For points where what exists
    is imported code and state kept until the process ends (after the imports of a run,
    after dbt's): objects created later are collected as before. Cycles already unreachable
    but not yet collected are kept too — what a young collection had not reached yet."""
    gc.freeze()


# Allocations (net of deallocations) between two young collections; CPython's default is
# 700. A night allocates tens of millions of objects, nearly all freed by reference counts,
# and at 700 it ran 2,800 young collections whose promotions triggered 20 full ones (2.5 s
# of a 24-s night in all); at 10,000, 180 young ones and no full one (0.9 s). Cycles that die
# young are still collected young; what survives waits longer for a full collection, which
# still comes after every million net allocations.
YOUNG_THRESHOLD = 10_000


def collect_less_often() -> None:
    """Raise the collector's first threshold (YOUNG_THRESHOLD), for a process that runs a
    whole night; the older generations' thresholds stay as they are."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def skip_collection_at_exit() -> None:
    """Spare the interpreter's final collections of the whole heap: the operating system
    frees it at once. Registered with atexit, whose handlers run after the program's
    threads are joined and before the interpreter tears its modules down; everything a
    handler registered earlier does (multiprocessing's worker shutdown, logging's flush)
    still happens after it."""
    atexit.register(gc.freeze)
