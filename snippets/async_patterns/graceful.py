"""A worker that stops on SIGTERM: no new work, in-flight jobs get a drain deadline."""

from __future__ import annotations

import asyncio
import signal

DRAIN_SECONDS = 0.1  # in production: less than the orchestrator's grace period


async def job(seconds: float) -> None:
    await asyncio.sleep(seconds)  # stands in for real work


async def main() -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with asyncio.TaskGroup() as tg:
        in_flight = {
            tg.create_task(job(0.05), name="quick"),
            tg.create_task(job(60), name="slow"),
        }
        print("ready", flush=True)
        await stop.wait()  # a real service takes new work until here, and no longer
        print("SIGTERM: draining", flush=True)
        done, cut_short = await asyncio.wait(in_flight, timeout=DRAIN_SECONDS)
        for task in cut_short:
            task.cancel()  # the deadline passed: the task group waits for these
    print("finished:", *sorted(task.get_name() for task in done), flush=True)
    print("cut short:", *sorted(task.get_name() for task in cut_short), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
