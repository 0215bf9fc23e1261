#!/usr/bin/env bash
# Starts the action server (5055) and the Rasa server (5005) on localhost under bot/supervise.py,
# which restarts any of them that dies (the others keep running) and stops all on Ctrl-C / SIGTERM.
# Called by `make run` (and `make run-cluster`) after setup and training. Rasa runs through
# bot.serve: `rasa run` with our speedups (bot/serve.py). Environment:
#   RASA_PORTS                one port per Rasa process (default "5005"; run-cluster: "5005 5006")
#   ACTION_PORT               action server port (default 5055)
#   RASA_INTERFACE            address to listen on (default 127.0.0.1; 0.0.0.0 behind a proxy)
#   ACTION_INTERFACE          the action server's address (default 127.0.0.1: only Rasa calls it)
#   RASA_AUTH_TOKEN           the HTTP API's token (/conversations, /model; generated into
#                             $DATA_DIR/api-token when unset; bot/api_guard.py)
#   ACTION_SERVER_TOKEN       if set, the action server requires `Authorization: Bearer <it>`
#                             (Rasa sends it); letters, digits and . _ ~ + / = - only
#   DEFAULT_DEPARTMENT        town id used when a message names none (e.g. west-hartford)
#   STAFF_TOKEN, STAFF_PORT   if the token is set, the staff page too, on 127.0.0.1:STAFF_PORT (5077)
#   DATA_DIR, DATABASE_URL, REDIS_URL   where conversations are kept (README, "Conversations")
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a ports <<< "${RASA_PORTS:-${RASA_PORT:-5005}}"
ACTION_PORT=${ACTION_PORT:-5055}
STAFF_PORT=${STAFF_PORT:-5077}
ACTION_INTERFACE=${ACTION_INTERFACE:-127.0.0.1}
RASA_INTERFACE=${RASA_INTERFACE:-127.0.0.1}
if [ "${#ports[@]}" -gt 1 ] && { [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; }; then
  echo "Several Rasa processes need a shared DATABASE_URL and REDIS_URL (README, Scaling)." >&2
  exit 2
fi

mkdir -p "${DATA_DIR:-data}"  # conversations (SQLite) and SMS state live here

if [ -n "${STAFF_TOKEN:-}" ]; then
  staff="The staff page (sign in with STAFF_TOKEN):   http://127.0.0.1:${STAFF_PORT}/"
else
  staff="The staff page is off; to start it, set STAFF_TOKEN, e.g. export STAFF_TOKEN=\$(openssl rand -hex 32)"
fi

cat <<MSG

  Starting the assistant: Rasa on ${RASA_INTERFACE}, port(s) ${ports[*]}; actions on ${ACTION_INTERFACE}:${ACTION_PORT}.
  When "Rasa server is up and running" appears, open the web widget's demo page for a town:

    http://localhost:${ports[0]}/webhooks/webchat/demo?department=west-hartford
    http://localhost:${ports[0]}/webhooks/webchat/demo?department=danbury

  or ask it something from the command line:

    curl -s localhost:${ports[0]}/webhooks/rest/webhook -H 'Content-Type: application/json' \\
      -d '{"sender": "demo", "message": "how do I get a copy of a police report?", "metadata": {"department": "west-hartford"}}'

  The NLU verdict for any text:   curl -s localhost:${ports[0]}/model/parse -d '{"text": "my house is on fire"}'

  ${staff}

MSG

# The supervisor writes Rasa's endpoints file (this action port, the token header if one is set),
# reads RASA_AUTH_TOKEN and ACTION_SERVER_TOKEN from the environment, and becomes this process.
rasa_ports=()
for port in "${ports[@]}"; do rasa_ports+=(--rasa-port "$port"); done
exec .venv/bin/python -m bot.supervise "${rasa_ports[@]}" --rasa-interface "$RASA_INTERFACE" \
  --action-port "$ACTION_PORT" --action-interface "$ACTION_INTERFACE" --staff-port "$STAFF_PORT" \
  --model bot/models/assistant.tar.gz --credentials bot/credentials.yml
