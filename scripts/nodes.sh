#!/usr/bin/env bash
# `make nodes`: Odoo the way it scales, on this one machine. A streaming
# replica of the local PostgreSQL server (a Debian cluster, created once),
# PgBouncer in session pooling in front of the primary (when Debian's package
# is there or installable), and two Odoo nodes on one database and one data
# folder (shared filestore and sessions):
#   node A: 2 HTTP workers and the cron worker,  http://127.0.0.1:8069
#   node B: 2 HTTP workers, no cron,             http://127.0.0.1:8070
# both sending their read-only requests (web_search_read, web_read...) to the
# replica (db_replica_host / db_replica_port).
#
#   scripts/nodes.sh [start]       start everything (what `make nodes` does)
#   scripts/nodes.sh stop          stop the nodes, PgBouncer and the replica
#   scripts/nodes.sh status        what runs, and how far the replica lags
#   scripts/nodes.sh drop-replica  stop and remove the replica cluster
#
# Settings (environment): DANVAN_DB (danvan), DANVAN_NODES_DIR (.run/nodes:
# logs, pid files, PgBouncer's files), DANVAN_NODES_DATA_DIR (Odoo's default
# data folder), DANVAN_NODE_A_PORT / DANVAN_NODE_B_PORT (8069 / 8070),
# DANVAN_NODE_A_GEVENT_PORT / DANVAN_NODE_B_GEVENT_PORT (8072 / 8073),
# DANVAN_REPLICA_CLUSTER (danvan_replica), DANVAN_REPLICA_PORT (5434),
# DANVAN_PGBOUNCER (auto; 0 to go without), DANVAN_PGBOUNCER_PORT (6432).
source "$(dirname "$0")/common.sh"

NODES_DIR="${DANVAN_NODES_DIR:-$RUN_DIR/nodes}"
DB="${DANVAN_DB:-danvan}"
PORT_A="${DANVAN_NODE_A_PORT:-8069}"
PORT_B="${DANVAN_NODE_B_PORT:-8070}"
GEVENT_A="${DANVAN_NODE_A_GEVENT_PORT:-8072}"
GEVENT_B="${DANVAN_NODE_B_GEVENT_PORT:-8073}"
REPLICA="${DANVAN_REPLICA_CLUSTER:-danvan_replica}"
REPLICA_PORT="${DANVAN_REPLICA_PORT:-5434}"
PGB_PORT="${DANVAN_PGBOUNCER_PORT:-6432}"
PGB_DIR="$NODES_DIR/pgbouncer"
LOCK="/tmp/danvan-nodes.lock"
mkdir -p "$NODES_DIR"

# The Debian cluster that serves us: "<version> <name> <socket dir> <port>".
# Anything else (the private cluster of ensure_postgres, a remote server)
# cannot be given a replica by this script.
primary_cluster() {
    local port datadir sockdir line
    port="$(psql -d postgres -tAc 'SHOW port')" || die "PostgreSQL does not answer."
    datadir="$(psql -d postgres -tAc 'SHOW data_directory')"
    sockdir="$(psql -d postgres -tAc 'SHOW unix_socket_directories' | cut -d, -f1)"
    command -v pg_lsclusters >/dev/null 2>&1 && [ "$(id -u)" = 0 ] \
        || die "The replica needs a Debian PostgreSQL cluster (pg_createcluster, postgresql-common)" \
               "and root to create it; this server is not one ($datadir, port $port)." \
               "See the README, section 'Several machines', to set the replica up by hand."
    line="$(pg_lsclusters -h | awk -v p="$port" -v d="$datadir" '$3 == p && $6 == d {print $1, $2}')"
    [ -n "$line" ] || die "The PostgreSQL server on port $port ($datadir) is not a Debian cluster" \
        "(pg_lsclusters does not list it): the replica cannot be made by this script."
    echo "$line $sockdir $port"
}

# Replication connections from the replica: WAL senders, a pg_hba line.
allow_replication() {
    local version="$1" name="$2" hba level senders
    hba="$(psql -d postgres -tAc 'SHOW hba_file')"
    level="$(psql -d postgres -tAc 'SHOW wal_level')"
    senders="$(psql -d postgres -tAc 'SHOW max_wal_senders')"
    if [ "$level" = minimal ] || [ "$senders" = 0 ]; then
        info "The primary has wal_level=$level and max_wal_senders=$senders: setting replica/10" \
             "and RESTARTING the primary ($version/$name) with pg_ctlcluster"
        psql -q -d postgres -c "ALTER SYSTEM SET wal_level = replica" \
            -c "ALTER SYSTEM SET max_wal_senders = 10"
        pg_ctlcluster --skip-systemctl-redirect "$version" "$name" restart 9>&-
    fi
    if ! grep -Eq '^[[:space:]]*local[[:space:]]+replication[[:space:]]+(postgres|all)[[:space:]]' "$hba"; then
        info "Allowing local replication connections of the postgres user in $hba (reload)"
        printf '%s\n' "# danvan (scripts/nodes.sh): the streaming replica on this machine" \
            "local   replication     postgres                                peer" >> "$hba"
        psql -q -d postgres -tAc 'SELECT pg_reload_conf()' >/dev/null
    fi
}

replica_exists() {
    pg_lsclusters -h | awk -v n="$REPLICA" '$2 == n {found = 1} END {exit !found}'
}

replica_sql() {
    psql -h "$1" -p "$REPLICA_PORT" -d postgres -tAc "$2" 2>/dev/null
}

# A copy of the primary taken with pg_basebackup -R (standby.signal and
# primary_conninfo written for us), in a cluster of its own on REPLICA_PORT.
create_replica() {
    local version="$1" sockdir="$2" port="$3" datadir setting
    info "Creating the replica cluster $version/$REPLICA on port $REPLICA_PORT (pg_basebackup of the primary)"
    pg_createcluster "$version" "$REPLICA" --port="$REPLICA_PORT" --start-conf=manual >/dev/null
    datadir="/var/lib/postgresql/$version/$REPLICA"
    # A hot standby needs these at least as high as on the primary.
    {
        echo "# danvan (scripts/nodes.sh): a hot standby of $version/main"
        echo "hot_standby = on"
        for setting in max_connections max_worker_processes max_wal_senders \
            max_prepared_transactions max_locks_per_transaction; do
            echo "$setting = $(psql -d postgres -tAc "SHOW $setting")"
        done
    } > "/etc/postgresql/$version/$REPLICA/conf.d/danvan-replica.conf"
    find "$datadir" -mindepth 1 -delete
    runuser -u postgres -- pg_basebackup -D "$datadir" -R -X stream -c fast \
        -h "$sockdir" -p "$port" -U postgres \
        || die "pg_basebackup of the primary failed."
}

# Starts the replica and waits until it streams; a replica too far behind
# (the primary recycled the WAL it needs: no replication slot on purpose, so
# that a stopped replica never fills the primary's disk) is made again.
ensure_replica() {
    local version="$1" sockdir="$2" port="$3" tries
    replica_exists || create_replica "$version" "$sockdir" "$port"
    for tries in 1 2; do
        if ! pg_isready -q -h "$sockdir" -p "$REPLICA_PORT"; then
            info "Starting the replica $version/$REPLICA (port $REPLICA_PORT)"
            pg_ctlcluster --skip-systemctl-redirect "$version" "$REPLICA" start 9>&-
        fi
        for _ in $(seq 60); do
            [ "$(replica_sql "$sockdir" "SELECT status FROM pg_stat_wal_receiver")" = streaming ] && return
            sleep 0.5
        done
        [ "$tries" = 2 ] && break
        info "The replica does not stream from the primary: making it again"
        pg_dropcluster --stop "$version" "$REPLICA"
        create_replica "$version" "$sockdir" "$port"
    done
    die "The replica $version/$REPLICA does not stream from the primary:" \
        "see /var/log/postgresql/postgresql-$version-$REPLICA.log"
}

# PgBouncer in session pooling: Odoo keeps a connection for LISTEN (the bus
# and the cron's wake-ups) and runs whole requests in one transaction with
# server-side state; transaction pooling would break LISTEN/NOTIFY.
ensure_pgbouncer() {
    local sockdir="$1" port="$2"
    PGB_HOST=""
    if [ "${DANVAN_PGBOUNCER:-auto}" = 0 ]; then
        info "PgBouncer: skipped (DANVAN_PGBOUNCER=0), the nodes connect to PostgreSQL directly"
        return
    fi
    if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
        if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
            info "Installing Debian's pgbouncer"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q pgbouncer >"$NODES_DIR/apt.log" 2>&1 || true
        fi
    fi
    local bin
    bin="$(command -v pgbouncer 2>/dev/null || echo /usr/sbin/pgbouncer)"
    if [ ! -x "$bin" ]; then
        info "PgBouncer: skipped (not installed and not installable here), the nodes connect to PostgreSQL directly"
        return
    fi
    mkdir -p "$PGB_DIR"
    if [ -f "$PGB_DIR/pgbouncer.pid" ] && kill -0 "$(cat "$PGB_DIR/pgbouncer.pid")" 2>/dev/null; then
        PGB_HOST=127.0.0.1
        return
    fi
    cat > "$PGB_DIR/pgbouncer.ini" <<EOF
; Written by scripts/nodes.sh: PgBouncer in front of the primary.
[databases]
* = host=$sockdir port=$port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir = $PGB_DIR
auth_type = trust
auth_file = $PGB_DIR/userlist.txt
admin_users = $(id -un)
pool_mode = session
max_client_conn = 400
default_pool_size = 80
ignore_startup_parameters = extra_float_digits
logfile = $PGB_DIR/pgbouncer.log
pidfile = $PGB_DIR/pgbouncer.pid
EOF
    printf '"%s" ""\n' "$(id -un)" > "$PGB_DIR/userlist.txt"
    # PgBouncer refuses to run as root.
    local as=()
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$PGB_DIR"
        as=(runuser -u postgres --)
    fi
    "${as[@]}" "$bin" -d -q "$PGB_DIR/pgbouncer.ini" 9>&- \
        || die "PgBouncer did not start: see $PGB_DIR/pgbouncer.log"
    for _ in $(seq 20); do
        pg_isready -q -h 127.0.0.1 -p "$PGB_PORT" -d "$DB" && break
        sleep 0.5
    done
    PGB_HOST=127.0.0.1
    info "PgBouncer (session pooling) in front of the primary on 127.0.0.1:$PGB_PORT"
}

# The database with our addons, as `make run` makes it, when it is not there.
ensure_database() {
    local installed
    installed="$(psql -d "$DB" -tAc "SELECT count(*) FROM ir_module_module WHERE name LIKE 'danvan\_%' AND state = 'installed'" 2>/dev/null || true)"
    if [ -z "$installed" ] || [ "$installed" = 0 ]; then
        info "Creating the database $DB with $ADDONS, demo data and Vietnamese (a few minutes, once)"
        dropdb --if-exists "$DB" >/dev/null 2>&1 || true
        odoo_bin -d "$DB" -i "$ADDONS" --load-language=vi_VN --stop-after-init --db-filter="^$DB\$" \
            "${DATA_DIR_OPT[@]}" --log-level=warn >"$NODES_DIR/install.log" 2>&1 \
            || die "Installing the addons failed: see $NODES_DIR/install.log"
    fi
}

# One Odoo node in the background, in a session of its own (setsid).
start_node() {
    local name="$1" port="$2" gevent="$3" crons="$4" db_opts=()
    local pidfile="$NODES_DIR/node-$name.pid" log="$NODES_DIR/node-$name.log"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        info "Node $name already runs (pid $(cat "$pidfile"))"
        return
    fi
    [ -n "$PGB_HOST" ] && db_opts=(--db_host="$PGB_HOST" --db_port="$PGB_PORT")
    # The prefork server starts its websocket process as `python argv[0]
    # gevent ...`: argv[0] must be a file, which `python -m odoo` is not.
    printf '%s\n' "# Written by scripts/nodes.sh: Odoo's command as a file." \
        "import odoo.cli" "odoo.cli.main()" > "$NODES_DIR/odoo-server.py"
    ODOO_PGAPPNAME="danvan-node-$name-{pid}" PYTHONPATH="$ODOO_PYTHONPATH${PYTHONPATH:+:$PYTHONPATH}" \
        setsid "$ODOO_PYTHON" "$NODES_DIR/odoo-server.py" -c "$ROOT/odoo.conf" --addons-path="$ADDONS_PATH" \
        --http-interface=127.0.0.1 -d "$DB" --db-filter="^$DB\$" "${DATA_DIR_OPT[@]}" \
        --http-port="$port" --gevent-port="$gevent" --workers=2 --max-cron-threads="$crons" \
        "${db_opts[@]}" --db_replica_host="$REPLICA_HOST" --db_replica_port="$REPLICA_PORT" \
        --log-level=info </dev/null >"$log" 2>&1 9>&- &
    echo $! > "$pidfile"
}

wait_node() {
    local name="$1" port="$2" pidfile="$NODES_DIR/node-$1.pid"
    for _ in $(seq 240); do
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            tail -n 30 "$NODES_DIR/node-$name.log" >&2
            die "Node $name exited: see $NODES_DIR/node-$name.log"
        fi
        curl -fsS -o /dev/null "http://127.0.0.1:$port/web/health" 2>/dev/null && return
        sleep 0.5
    done
    die "Node $name does not answer on port $port after 120 s: see $NODES_DIR/node-$name.log"
}

stop_pid() {
    local pidfile="$1" what="$2" pid
    [ -f "$pidfile" ] || return 0
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        info "Stopping $what (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        # Whatever is left of its process group (workers of a stuck node).
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

do_start() {
    local version name sockdir port cluster
    cluster="$(primary_cluster)" || exit 2
    read -r version name sockdir port <<<"$cluster"
    REPLICA_HOST="$sockdir"
    DATA_DIR_OPT=()
    [ -n "${DANVAN_NODES_DATA_DIR:-}" ] && DATA_DIR_OPT=(--data-dir="$DANVAN_NODES_DATA_DIR")
    allow_replication "$version" "$name"
    ensure_replica "$version" "$sockdir" "$port"
    ensure_pgbouncer "$sockdir" "$port"
    ensure_database
    info "Node A: http://127.0.0.1:$PORT_A (2 workers, the cron worker; log: $NODES_DIR/node-A.log)"
    start_node A "$PORT_A" "$GEVENT_A" 1
    info "Node B: http://127.0.0.1:$PORT_B (2 workers, no cron; log: $NODES_DIR/node-B.log)"
    start_node B "$PORT_B" "$GEVENT_B" 0
    wait_node A "$PORT_A"
    wait_node B "$PORT_B"
    info "Both nodes serve $DB; read-only requests go to the replica on port $REPLICA_PORT." \
         "Stop with: make nodes-stop"
}

do_stop() {
    local version
    stop_pid "$NODES_DIR/node-A.pid" "node A"
    stop_pid "$NODES_DIR/node-B.pid" "node B"
    stop_pid "$PGB_DIR/pgbouncer.pid" "PgBouncer"
    if command -v pg_lsclusters >/dev/null 2>&1; then
        version="$(pg_lsclusters -h | awk -v n="$REPLICA" '$2 == n && $4 ~ /online/ {print $1}')"
        if [ -n "$version" ]; then
            info "Stopping the replica $version/$REPLICA"
            pg_ctlcluster --skip-systemctl-redirect "$version" "$REPLICA" stop
        fi
    fi
}

do_status() {
    local name pidfile sockdir
    for name in A B; do
        pidfile="$NODES_DIR/node-$name.pid"
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "node $name: running (pid $(cat "$pidfile"))"
        else
            echo "node $name: stopped"
        fi
    done
    if [ -f "$PGB_DIR/pgbouncer.pid" ] && kill -0 "$(cat "$PGB_DIR/pgbouncer.pid")" 2>/dev/null; then
        echo "pgbouncer: running on 127.0.0.1:$PGB_PORT"
    else
        echo "pgbouncer: stopped"
    fi
    command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h | awk -v n="$REPLICA" '$2 == n {print "replica: " $1 "/" $2 " port " $3 " " $4}'
    sockdir="$(psql -d postgres -tAc 'SHOW unix_socket_directories' 2>/dev/null | cut -d, -f1)"
    [ -n "$sockdir" ] && replica_sql "$sockdir" \
        "SELECT 'replica lag: ' || coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::int::text || ' s since the last replayed transaction', 'nothing replayed yet')" || true
}

do_drop_replica() {
    local version
    replica_exists || { info "No replica cluster $REPLICA"; return; }
    version="$(pg_lsclusters -h | awk -v n="$REPLICA" '$2 == n {print $1}')"
    info "Removing the replica cluster $version/$REPLICA"
    pg_dropcluster --stop "$version" "$REPLICA"
}

command="${1:-start}"
# One user of the replica and the nodes at a time (make nodes, the test,
# which holds the lock itself for its whole run and says so). The processes
# left running do not inherit the lock (9>&-).
if [ -z "${DANVAN_NODES_LOCK_HELD:-}" ]; then
    exec 9>"$LOCK"
    flock -w 600 9 || die "Another scripts/nodes.sh holds $LOCK."
fi
case "$command" in
    start)
        find_odoo
        ensure_requirements
        ensure_postgres
        do_start
        ;;
    stop) do_stop ;;
    status) do_status ;;
    drop-replica) do_drop_replica ;;
    *) die "Unknown command $command: start, stop, status or drop-replica." ;;
esac
