"""Running work in threads that start together, for tests of concurrent writers."""

from __future__ import annotations

import threading
from collections.abc import Callable


def all_at_once(count: int, work: Callable[[int], object]) -> list[BaseException]:
    """Run ``work(0)`` to ``work(count - 1)`` in threads released together; the errors they
    raised (none when all went well)."""
    barrier = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            work(index)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures
