"""`rasa run` with our server speedups and its API behind a token: what `make run` and the tests
start.

    python -m bot.serve run --model ... (the same arguments as `rasa run`)

Rasa 3.6 validates every action server response with `jsonschema.validate(result, schema)`, which
first re-checks the constant schema against the JSON Schema metaschema, on every call. In our
profile (py-spy on the Rasa server during a service-question load, see README "Performance") that
was 29 % of the server's CPU per service answer. `apply()` builds the validator once and checks each
response with it: the same schema, the same errors, the same message. It checks the Rasa version
it was written for, and does nothing on any other.
"""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any

logger = logging.getLogger(__name__)
PATCHED_FOR = "3.6.21"
_DOCS_HINT = (
    ". Failed to validate Action server response from API, make sure your response from the "
    "Action endpoint is valid. For more information about the format visit "
)


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, not per response
    return cls(schema)


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        error.message += f"{_DOCS_HINT}{DOCS_BASE_URL}/custom-actions"
        raise error
    return True


def _guard_api() -> None:
    """Every app Rasa creates gets the API guard (bot/api_guard.py)."""
    from rasa import server

    from bot import api_guard

    create_app = server.create_app

    @functools.wraps(create_app)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)
        api_guard.install(app)
        return app

    server.create_app = guarded  # rasa.core.run calls it as server.create_app


def apply() -> bool:
    """Installs the API guard, then the speedups; the speedups only on the Rasa version they were
    written for (False and a warning on another)."""
    import rasa
    from rasa.core.actions.action import RemoteAction

    _guard_api()
    if rasa.__version__ != PATCHED_FOR:
        logger.warning("bot.serve: speedups are for Rasa %s, not %s", PATCHED_FOR, rasa.__version__)
        return False
    RemoteAction._validate_action_result = _validate_action_result
    return True


def main() -> None:
    from rasa.__main__ import main as rasa_main

    from bot.redact import install_log_redaction

    install_log_redaction()  # no resident's details in Rasa's logs, at any level (bot/redact.py)
    apply()
    rasa_main()


if __name__ == "__main__":
    sys.exit(main())
