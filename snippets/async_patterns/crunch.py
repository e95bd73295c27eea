"""CPU-bound work from async code: one process pool for the whole program."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    """Deliberately CPU-bound; module level, so a worker process can import it."""
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


async def crunch(pool: ProcessPoolExecutor, limit: int) -> int:
    """Run one CPU-bound job in the shared pool; the event loop stays free meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, count_primes, limit)


def make_pool() -> ProcessPoolExecutor:
    # "spawn" starts clean interpreters on every platform; "fork" copies a process
    # that may hold locks taken by other threads.
    return ProcessPoolExecutor(
        max_workers=2, mp_context=multiprocessing.get_context("spawn")
    )


async def main() -> list[int]:
    # One pool, created once and passed to every call: starting a worker means
    # starting a new Python interpreter.
    with make_pool() as pool:
        async with asyncio.TaskGroup() as tg:
            jobs = [tg.create_task(crunch(pool, limit)) for limit in (10, 100, 1000)]
    return [job.result() for job in jobs]


# Without this guard, every spawned worker would run asyncio.run(main()) again when it
# imports this file, and the pool breaks.
if __name__ == "__main__":
    print(asyncio.run(main()))
