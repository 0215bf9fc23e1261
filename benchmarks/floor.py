"""The floor: a trivial sanic endpoint (same sanic as Rasa), to show what HTTP and JSON alone cost
on this machine. `make bench` runs it beside the assistant.

    python -m benchmarks.floor --port 5099
"""

from __future__ import annotations

import argparse

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

app = Sanic("bench_floor")


@app.post("/echo")
async def echo(request: Request) -> HTTPResponse:
    return response.json([{"text": (request.json or {}).get("text", "")}])


@app.get("/health")
async def health(_: Request) -> HTTPResponse:
    return response.json({"status": "ok"})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5099)
    args = parser.parse_args()
    app.run(host="127.0.0.1", port=args.port, access_log=False, workers=1)
