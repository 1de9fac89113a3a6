#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL on 127.0.0.1:5432 with the role the tests and the
# production profile's example use: controlcenter / controlcenter, allowed to create databases.
# Idempotent: safe to run on every test run. Needs root (apt-get) on a fresh Debian machine.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "ops/postgres.sh: installing PostgreSQL (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >/dev/null
fi
# Tests run several silos at once, each with its own connection pool.
conf="/etc/postgresql/$version/main/postgresql.conf"
if ! grep -q '^max_connections = 400' "$conf"; then
  sed -i 's/^#\?max_connections = .*/max_connections = 400/' "$conf"
  pg_ctlcluster "$version" main stop 2>/dev/null || true
fi
# The readings log takes tens of thousands of rows a second under ops/bench: memory for its indexes, and checkpoints
# far enough apart that each page is not written in full to the WAL again and again (a test machine has 24 GiB).
tuning="/etc/postgresql/$version/main/conf.d/controlcenter.conf"
if [ ! -f "$tuning" ]; then
  mkdir -p "$(dirname "$tuning")"
  printf 'shared_buffers = 1GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 15min\n' > "$tuning"
  pg_ctlcluster "$version" main stop 2>/dev/null || true
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'controlcenter') THEN
    CREATE ROLE controlcenter;
  END IF;
  ALTER ROLE controlcenter LOGIN PASSWORD 'controlcenter' CREATEDB;
END $$;
SELECT 'CREATE DATABASE controlcenter OWNER controlcenter'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'controlcenter')\gexec
SQL
echo "ops/postgres.sh: PostgreSQL $version ready on 127.0.0.1:5432 (role controlcenter, database controlcenter)"
