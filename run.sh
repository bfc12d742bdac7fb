#!/usr/bin/env bash
# The one entry script: installs what the system needs from the OS (RabbitMQ, and Chromium for the
# dashboard's browser tests) when it is missing, then
#   ./run.sh start [apphost options]   starts the whole system (app host, RabbitMQ, four services, gateway)
#   ./run.sh test                      runs every test against a local RabbitMQ
set -euo pipefail
cd "$(dirname "$0")"

# Installs the Debian packages whose program is missing, with one package-list update for all of them.
ensure_installed() {
  local missing=()
  [ -x /usr/sbin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  if [ "${1:-}" = with-browser ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} (Debian packages)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The tests' broker, with its management API (http://127.0.0.1:15672), which the dashboard's queues page reads.
ensure_rabbitmq_running() {
  if rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    rabbitmq-plugins -q enable rabbitmq_management >/dev/null
  else
    echo "Starting the local RabbitMQ broker for the tests..."
    rabbitmq-plugins -q enable --offline rabbitmq_management >/dev/null
    rabbitmq-server -detached
    for _ in $(seq 1 60); do
      rabbitmq-diagnostics -q ping >/dev/null 2>&1 && return 0
      sleep 1
    done
    echo "RabbitMQ did not answer within 60 s" >&2
    exit 1
  fi
}

case "${1:-}" in
  start)
    shift
    ensure_installed
    exec dotnet run --project apphost -- "$@"
    ;;
  test)
    ensure_installed with-browser
    ensure_rabbitmq_running
    exec dotnet test EcosystemMarket.sln
    ;;
  *)
    echo "usage: ./run.sh start [--seed-demo] [--data DIR] [--gateway-port N] [--dashboard-port N] | ./run.sh test" >&2
    exit 2
    ;;
esac
