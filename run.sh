#!/usr/bin/env bash
# The one entry script: installs what the system needs from the OS (RabbitMQ, and for the tests Chromium for the
# browser tests and kubectl, whose kustomize renders the Kubernetes manifests) when it is missing, then
#   ./run.sh start [apphost options]   starts the whole system under the .NET Aspire app host and its dashboard
#   ./run.sh test                      runs every test against a local RabbitMQ
set -euo pipefail
cd "$(dirname "$0")"

# Installs the Debian packages whose program is missing, with one package-list update for all of them.
ensure_installed() {
  local missing=()
  [ -x /usr/sbin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1 || missing+=(rabbitmq-server)
  if [ "${1:-}" = for-tests ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ "${1:-}" = for-tests ] && ! command -v kubectl >/dev/null 2>&1; then missing+=(kubernetes-client); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} (Debian packages)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The tests' shared broker, with its management API (http://127.0.0.1:15672); each test fixture takes a virtual host of it.
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
    # Plain HTTP for the Aspire dashboard and its OTLP endpoint on a machine without a trusted development certificate.
    export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
    exec dotnet run --project apphost -- "$@"
    ;;
  test)
    ensure_installed for-tests
    ensure_rabbitmq_running
    # One test assembly at a time: each starts real processes (services, RabbitMQ nodes, the app host), and on two
    # cores several of them at once slow one another past the tests' waits.
    exec dotnet test EcosystemMarket.sln --max-parallel-test-modules 1
    ;;
  *)
    echo "usage: ./run.sh start [--seed-demo] [--data DIR] [--gateway-port N] [--messaging AMQP_URI] [--sqlserver CONNECTION_STRING] [--trace-sampling RATIO] | ./run.sh test" >&2
    exit 2
    ;;
esac
