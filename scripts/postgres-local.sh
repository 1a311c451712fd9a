#!/usr/bin/env bash
# Makes this machine a shared Edaran server for trying it out: installs
# PostgreSQL (Debian/Ubuntu) when missing, starts its cluster, creates the
# role `edaran` (password from $EDARAN_DB_PASSWORD, default "edaran") and an
# empty database `edaran` when missing, then prints the connection string.
# Safe to run again.
set -euo pipefail
password="${EDARAN_DB_PASSWORD:-edaran}"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if ! command -v pg_lsclusters >/dev/null; then
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
[ "$status" = online ] || $sudo_cmd pg_ctlcluster "$version" "$cluster" start
as_postgres() { $sudo_cmd runuser -u postgres -- "$@"; }
psql_admin() { as_postgres psql -p "$port" -qAtX "$@"; }
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'edaran'")" != 1 ]; then
  psql_admin -c "CREATE ROLE edaran LOGIN PASSWORD '${password//\'/\'\'}'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'edaran'")" != 1 ]; then
  as_postgres createdb -p "$port" --owner=edaran --encoding=UTF8 --template=template0 edaran
fi
echo "postgresql://edaran:${password}@localhost:${port}/edaran"
