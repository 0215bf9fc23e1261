"""The action server: rasa_sdk's, serving `bot.actions`, on localhost and optionally with a token.

    python -m bot.action_server            # what `make run` and the tests start

`rasa run actions` listens on 0.0.0.0 with no authentication and runs any tracker it is sent. This
is the same server (rasa_sdk's `create_app`, its plugins and worker count, as in
`rasa_sdk.endpoint.run`) with two differences:

- it binds ACTION_INTERFACE (default 127.0.0.1) on ACTION_PORT (default 5055);
- when ACTION_SERVER_TOKEN is set, every request but /health must carry
  `Authorization: Bearer <token>`, or gets 401. Rasa sends it from the `headers:` of its action
  endpoint (bot/supervise.py writes them into the endpoints file it gives Rasa).
"""

from __future__ import annotations

import argparse
import hmac
import logging

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import settings

logger = logging.getLogger("bot.action_server")  # not "__main__" under -m

ACTIONS_PACKAGE = "bot.actions"
TOKEN_ENV = "ACTION_SERVER_TOKEN"
OPEN_PATHS = frozenset({"/health"})  # a load balancer's or supervisor's probe needs no secret


def authorized(header: str | None, token: str) -> bool:
    """Whether an Authorization header carries this bearer token (constant-time comparison)."""
    expected = f"Bearer {token}".encode()
    return hmac.compare_digest((header or "").encode("utf-8", "surrogateescape"), expected)


def require_token(app: Sanic, token: str) -> None:
    """Refuses (401) every request but /health without `Authorization: Bearer <token>`."""

    @app.on_request
    async def check_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or authorized(request.headers.get("authorization"), token):
            return None
        return response.json(
            {"error": "missing or wrong bearer token"},
            status=401,
            headers={"WWW-Authenticate": "Bearer"},
        )


def create_app(token: str | None = None) -> Sanic:
    """rasa_sdk's app for bot.actions, with the token check when a token is given."""
    from rasa_sdk.endpoint import create_app as sdk_create_app
    from rasa_sdk.plugin import plugin_manager

    # No CORS: only Rasa calls this server, never a browser (`rasa run actions` had none either).
    app = sdk_create_app(ACTIONS_PACKAGE, cors_origins=None)
    if token:
        require_token(app, token)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Parses the options (defaults from the environment), sets up logging and serves."""
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME

    from bot.redact import install_log_redaction

    install_log_redaction()  # no resident's details in the action server's logs (bot/redact.py)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interface", default=settings().action_interface)
    parser.add_argument("--port", type=int, default=settings().action_port)
    utils.add_logging_level_option_arguments(parser)
    utils.add_logging_file_arguments(parser)
    args = parser.parse_args(argv)

    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME),
        args.log_file,
        args.loglevel,
        args.logging_config_file,
    )
    utils.update_sanic_log_level()

    token = settings().action_server_token or None
    app = create_app(token)
    logger.info(
        "Action server up on http://%s:%d (%s)",
        args.interface,
        args.port,
        "bearer token required" if token else f"no token: set {TOKEN_ENV} to require one",
    )
    app.run(args.interface, args.port, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
