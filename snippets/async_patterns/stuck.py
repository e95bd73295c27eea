"""A crawler whose tasks all wait for replies that never come: something to inspect.

Run as a script, it prints its process id once every task waits, then waits until it is
killed.
"""

from __future__ import annotations

import asyncio
import os


async def fetch(url: str, reply: asyncio.Event) -> str:
    # Stands in for a request to a server that does not answer.
    await reply.wait()
    return url


async def crawl(urls: list[str], reply: asyncio.Event) -> list[str]:
    async with asyncio.TaskGroup() as tg:
        fetches = [
            tg.create_task(fetch(url, reply), name=f"fetch {url}") for url in urls
        ]
    return [task.result() for task in fetches]


async def start_crawler(
    urls: list[str],
) -> tuple[asyncio.Task[list[str]], asyncio.Event]:
    """Start the crawl; return once every task it started is waiting."""
    reply = asyncio.Event()
    crawler = asyncio.create_task(crawl(urls, reply), name="crawler")
    await asyncio.sleep(0)  # the crawler runs, starts its fetches and waits for them
    await asyncio.sleep(0)  # the fetches run up to their wait
    return crawler, reply


async def main() -> None:
    crawler, _ = await start_crawler(["/a", "/b"])
    print(os.getpid(), flush=True)
    await crawler  # no reply ever comes: this waits until the process is killed


if __name__ == "__main__":
    asyncio.run(main())
