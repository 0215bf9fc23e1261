#!/usr/bin/env bash
# Starts the action server (5055) and the Rasa server (5005) on localhost; Ctrl-C stops all.
# Called by `make run` (and `make run-cluster`) after setup and training. Rasa runs through
# bot.serve: `rasa run` with our speedups (bot/serve.py). Environment:
#   RASA_PORTS                one port per Rasa process (default "5005"; run-cluster: "5005 5006")
#   ACTION_PORT               action server port (default 5055)
#   RASA_INTERFACE            address to listen on (default 127.0.0.1; 0.0.0.0 behind a proxy)
#   RASA_AUTH_TOKEN           if set, the HTTP API (/model/parse, /conversations) requires ?token=
#   DEFAULT_DEPARTMENT        town id used when a message names none (e.g. west-hartford)
#   DATA_DIR, DATABASE_URL, REDIS_URL   where conversations are kept (README, "Conversations")
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a ports <<< "${RASA_PORTS:-${RASA_PORT:-5005}}"
ACTION_PORT=${ACTION_PORT:-5055}
RASA_INTERFACE=${RASA_INTERFACE:-127.0.0.1}
RASA=.venv/bin/rasa
if [ "${#ports[@]}" -gt 1 ] && { [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; }; then
  echo "Several Rasa processes need a shared DATABASE_URL and REDIS_URL (README, Scaling)." >&2
  exit 2
fi

mkdir -p "${DATA_DIR:-data}"  # conversations (SQLite) and SMS state live here
endpoints=$(mktemp --suffix=.yml)
sed "s#localhost:5055#localhost:${ACTION_PORT}#" bot/endpoints.yml > "$endpoints"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -f "$endpoints"' EXIT INT TERM
"$RASA" run actions --actions bot.actions --port "$ACTION_PORT" &
pids+=($!)

auth=()
[ -n "${RASA_AUTH_TOKEN:-}" ] && auth=(--auth-token "$RASA_AUTH_TOKEN")

cat <<MSG

  Starting the assistant: Rasa on ${RASA_INTERFACE}, port(s) ${ports[*]}; actions on :${ACTION_PORT}.
  When "Rasa server is up and running" appears, open the web widget's demo page for a town:

    http://localhost:${ports[0]}/webhooks/webchat/demo?department=west-hartford
    http://localhost:${ports[0]}/webhooks/webchat/demo?department=danbury

  or ask it something from the command line:

    curl -s localhost:${ports[0]}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
      -d '{"sender": "demo", "message": "how do I get a copy of a police report?", "metadata": {"department": "west-hartford"}}'

  The NLU verdict for any text:   curl -s localhost:${ports[0]}/model/parse -d '{"text": "my house is on fire"}'

MSG

for port in "${ports[@]}"; do
  .venv/bin/python -m bot.serve run --model bot/models/assistant.tar.gz --endpoints "$endpoints" \
    --credentials bot/credentials.yml --port "$port" --interface "$RASA_INTERFACE" \
    --enable-api "${auth[@]}" &
  pids+=($!)
done
wait -n "${pids[@]}"
