#!/usr/bin/env bash
# The one entry script: installs what the system needs from the OS (RabbitMQ) when it is missing, then
#   ./run.sh start [apphost options]   starts the whole system (app host, RabbitMQ, four services, gateway)
#   ./run.sh test                      runs every test against a local RabbitMQ
set -euo pipefail
cd "$(dirname "$0")"

ensure_rabbitmq_installed() {
  if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/sbin/rabbitmq-server ]; then
    echo "Installing rabbitmq-server (Debian package)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  fi
}

ensure_rabbitmq_running() {
  if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
    echo "Starting the local RabbitMQ broker for the tests..."
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
    ensure_rabbitmq_installed
    exec dotnet run --project apphost -- "$@"
    ;;
  test)
    ensure_rabbitmq_installed
    ensure_rabbitmq_running
    exec dotnet test EcosystemMarket.sln
    ;;
  *)
    echo "usage: ./run.sh start [--data DIR] [--gateway-port N] | ./run.sh test" >&2
    exit 2
    ;;
esac
