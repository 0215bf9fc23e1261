#!/usr/bin/env bash
# Starts the action server (5055) and the Rasa server (5005) on localhost; Ctrl-C stops both.
# Called by `make run` after setup and training. Environment:
#   RASA_PORT / ACTION_PORT   ports (default 5005 / 5055)
#   RASA_INTERFACE            address to listen on (default 127.0.0.1; 0.0.0.0 behind a proxy)
#   RASA_AUTH_TOKEN           if set, the HTTP API (/model/parse, /conversations) requires ?token=
#   DEFAULT_DEPARTMENT        town id used when a message names none (e.g. west-hartford)
set -euo pipefail
cd "$(dirname "$0")/.."
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
RASA_INTERFACE=${RASA_INTERFACE:-127.0.0.1}
RASA=.venv/bin/rasa

mkdir -p data  # conversations (SQLite) and SMS state live here
endpoints=$(mktemp --suffix=.yml)
sed "s#localhost:5055#localhost:${ACTION_PORT}#" bot/endpoints.yml > "$endpoints"

"$RASA" run actions --actions bot.actions --port "$ACTION_PORT" &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null; rm -f "$endpoints"' EXIT INT TERM

auth=()
[ -n "${RASA_AUTH_TOKEN:-}" ] && auth=(--auth-token "$RASA_AUTH_TOKEN")

cat <<MSG

  Starting the assistant: Rasa on http://${RASA_INTERFACE}:${RASA_PORT}, actions on :${ACTION_PORT}.
  When "Rasa server is up and running" appears, ask it something:

    curl -s localhost:${RASA_PORT}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
      -d '{"sender": "demo", "message": "how do I get a copy of a police report?", "metadata": {"department": "west-hartford"}}'

  The NLU verdict for any text:   curl -s localhost:${RASA_PORT}/model/parse -d '{"text": "my house is on fire"}'

MSG

"$RASA" run --model bot/models/assistant.tar.gz --endpoints "$endpoints" \
  --credentials bot/credentials.yml --port "$RASA_PORT" --interface "$RASA_INTERFACE" \
  --enable-api "${auth[@]}"
