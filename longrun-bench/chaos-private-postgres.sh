#!/usr/bin/env bash
# The chaos benchmark (-Dbench=chaos) with a real PostgreSQL restart in the middle, on a PostgreSQL cluster of its
# own (a fresh initdb on 127.0.0.1:${CHAOS_PG_PORT:-5433}, removed afterwards), so the machine's shared PostgreSQL and
# its other users are never restarted. Extra arguments go to the bench, e.g.
#   longrun-bench/chaos-private-postgres.sh nodes=3 jobs=1500 load-seconds=90 kill-every-seconds=6
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${CHAOS_PG_PORT:-5433}
DIR=$(mktemp -d /tmp/longrun-chaos-pg.XXXXXX)
# initdb refuses to run as root: run the cluster as the postgres user then.
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; as_pg() { su postgres -s /bin/sh -c "$1"; }; else as_pg() { sh -c "$1"; }; fi
PGCTL="$PGBIN/pg_ctl -D $DIR/data -w"
stop() { as_pg "$PGCTL -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap stop EXIT
as_pg "$PGBIN/initdb -D $DIR/data -A trust -U postgres" > "$DIR/initdb.log"
as_pg "$PGCTL -l $DIR/postgres.log -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200' start" >/dev/null
as_pg "$PGBIN/psql -h 127.0.0.1 -p $PORT -U postgres -qc 'create database test'"
# pg_ctl restart keeps the options the server was started with (postmaster.opts); -m fast drops every connection.
export CHAOS_RESTART_COMMAND
CHAOS_RESTART_COMMAND=$(if [ "$(id -u)" = 0 ]; then echo "su postgres -s /bin/sh -c '$PGCTL -l $DIR/postgres.log -m fast restart'"; else echo "$PGCTL -l $DIR/postgres.log -m fast restart"; fi)
./mvnw -q -B -ntp -pl longrun-bench -am package -DskipTests -Dbench=chaos \
  -Dbench.args="postgres=restart jdbc-url=jdbc:postgresql://127.0.0.1:$PORT/test $*"
