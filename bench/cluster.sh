#!/usr/bin/env bash
# Two app nodes behind HAProxy, and what happens when one of them (or one database node) dies mid-run.
#
#   bash bench/cluster.sh           # phase "nodes": two nodes of the production jar on the one MariaDB at
#                                   # 127.0.0.1:3306 (database cluster_encounter, demo world), HAProxy in front
#                                   # (sticky sessions by cookie, health checks on /actuator/health/readiness);
#                                   # the load client and the probe run through HAProxy; node a is killed (kill -9)
#   bash bench/cluster.sh galera    # phase "galera": the same two nodes on three local MariaDB Galera nodes
#                                   # (Debian's mariadb-server + galera-4, loopback ports), reached with the JDBC
#                                   # URL jdbc:mariadb:sequential://…; database node 1 is killed mid-run
#   bash bench/cluster.sh all       # both, one after the other
#
# The probe (bench/cluster-probe.py) is PEOPLE demo learners followed one by one: which node served them, every
# page and autosave, whether they were asked to sign in again, whether the text they had saved was all there. The
# load client (bench/load.sh, when present; LOAD_DIR names another checkout that has it) adds LOAD_USERS users.
# The scheduled jobs run every few seconds here (REMINDER_INTERVAL, RETENTION_CRON, ...): ShedLock's log lines and
# the database show whether each ran once. Prints the figures; everything it started it stops by PID, even on failure.
#
# Settings: LOAD_USERS (100; 0 = probe only), HOLD (90 s measured by the load client), KILL_AFTER (seconds after the
# probe starts, 40), RUN (seconds the probe runs, 80), PEOPLE (probe accounts), HEAP (each node's -Xmx, 512m),
# PORT_BASE (18600: uses it to +33), KEEP=1 keeps the database and the temporary directory, LOCK=file holds that file's exclusive flock during the
# measured part only (not while the nodes start). Ports 18600-18699 on 127.0.0.1. On a shared machine:
#   LOCK=/work/cpu.lock bash bench/cluster.sh all
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PHASE=${1:-nodes}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
B=${PORT_BASE:-18600}   # HAProxy B, app nodes B+11 and B+12; Galera node n: SQL B+20+n, group B+23+n, IST B+26+n, SST B+30+n
LB_PORT=$B PORT_A=$((B + 11)) PORT_B=$((B + 12))
DB=cluster_encounter
HEAP=${HEAP:-512m}
LOAD_USERS=${LOAD_USERS:-100}
HOLD=${HOLD:-90}
KILL_AFTER=${KILL_AFTER:-40}
RUN=${RUN:-80}
LOAD_DIR=${LOAD_DIR:-$ROOT}
PASSWORD=${DEMO_PASSWORD:-encounter-demo-2026}
PEOPLE=${PEOPLE:-sanna,jussi,asa,leo,olga,callum,zoe,ahmed,elina,matti,tuula,kaisa,mikko,fiona}
PEOPLE=$(echo "$PEOPLE" | sed -E 's/([a-z]+)/\1@demo.encounter.example/g')

case $PHASE in nodes|galera) ;; all) bash "$0" nodes; exec bash "$0" galera ;; *) echo "usage: $0 [nodes|galera|all]" >&2; exit 2 ;; esac

# --- what it needs ----------------------------------------------------------------------------------------------
if [ ! -f target/encounter.jar ]; then
  echo "building the production jar"
  ./mvnw -B -ntp -DskipTests package >/tmp/cluster-build.$$.log 2>&1 || { tail -30 /tmp/cluster-build.$$.log; exit 1; }
fi
need=()
command -v haproxy >/dev/null || need+=(haproxy)
command -v socat >/dev/null || need+=(socat)
command -v mariadb >/dev/null || need+=(mariadb-client)
if [ "$PHASE" = galera ]; then
  command -v mariadbd >/dev/null || need+=(mariadb-server)
  [ -f /usr/lib/galera/libgalera_smm.so ] || need+=(galera-4)
  command -v rsync >/dev/null || need+=(rsync)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

TMP=$(mktemp -d /tmp/encounter-cluster.XXXXXX)
chmod 755 "$TMP"   # Galera's rsync state transfer reads and writes below it as nobody (see start_galera)
PIDS=()            # everything started here, stopped in reverse order
DBPIDS=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -d "${TMP:-}" ] && touch "$TMP/stop"
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done; kill -9 "$p" 2>/dev/null || true; done
  for p in "${DBPIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${DBPIDS[@]}"; do for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done; kill -9 "$p" 2>/dev/null || true; done
  if [ "${KEEP:-0}" != 1 ]; then
    [ "$PHASE" = nodes ] && mariadb -h127.0.0.1 -P3306 -uroot -e "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
    rm -rf "$TMP"
  else
    echo "kept: $TMP and database $DB"
  fi
  exit $status
}
trap cleanup EXIT INT TERM
echo "phase $PHASE, files in $TMP, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the database -----------------------------------------------------------------------------------------------
start_galera() { # three mariadbd on loopback
  local n d args sql_port
  for n in 1 2 3; do
    d=$TMP/galera-$n
    sql_port=$((B + 20 + n))
    mkdir -p "$d/data"
    if [ "$n" = 1 ]; then
      mariadb-install-db --no-defaults --datadir="$d/data" --user=root --auth-root-authentication-method=normal \
        >"$d/install.log" 2>&1
    else
      # A joiner gets its data from node 1 by rsync. mariadbd runs as root (--user=root), and an rsync daemon
      # started by root drops to "nobody": the empty data directory must be nobody's for it to write there.
      chown nobody:nogroup "$d/data"
    fi
    args=(--no-defaults --user=root --datadir="$d/data" --socket="$d/sock" --port=$sql_port --bind-address=127.0.0.1
      --pid-file="$d/pid" --log-error="$d/err.log"
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
      --binlog-format=ROW --innodb-autoinc-lock-mode=2 --default-storage-engine=InnoDB --innodb-buffer-pool-size=128M
      --wsrep-on=ON --wsrep-provider=/usr/lib/galera/libgalera_smm.so --wsrep-cluster-name=encounter-bench
      --wsrep-cluster-address=gcomm://127.0.0.1:$((B + 24)),127.0.0.1:$((B + 25)),127.0.0.1:$((B + 26))
      --wsrep-node-name=g$n --wsrep-node-address=127.0.0.1
      "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:$((B + 23 + n));ist.recv_addr=127.0.0.1:$((B + 26 + n))"
      --wsrep-sst-receive-address=127.0.0.1:$((B + 30 + n)) --wsrep-sst-method=rsync)
    [ "$n" = 1 ] && args+=(--wsrep-new-cluster)
    mariadbd "${args[@]}" &
    DBPIDS+=($!)
    for _ in $(seq 1 240); do
      mariadb -h127.0.0.1 -P$sql_port -uroot -Nse "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | grep -q Synced && break
      kill -0 "${DBPIDS[-1]}" 2>/dev/null || { echo "galera node $n stopped:"; grep -E "ERROR|rsync" "$d/err.log" | tail -15; exit 1; }
      sleep 0.5
    done
    echo "galera node $n: $(mariadb -h127.0.0.1 -P$sql_port -uroot -Nse "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size')" | tr '\n\t' '  ')"
  done
}
if [ "$PHASE" = galera ]; then
  start_galera
  DB_PORT=$((B + 21))
  DB_URL="jdbc:mariadb:sequential://127.0.0.1:$((B + 21)),127.0.0.1:$((B + 22)),127.0.0.1:$((B + 23))/$DB?sessionVariables=wsrep_sync_wait=1"
else
  DB_PORT=3306
  DB_URL="jdbc:mariadb://127.0.0.1:3306/$DB"
fi
sql() { mariadb -h127.0.0.1 -P"$DB_PORT" -uroot "$@"; }
sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# --- two app nodes ----------------------------------------------------------------------------------------------
start_node() { # name port
  local name=$1 port=$2
  mkdir -p "$TMP/$name/exports"
  echo "starting node $name on 127.0.0.1:$port (-Xmx$HEAP)"
  # Every simulated person comes from 127.0.0.1: the per-client flood limits would take them for one flooding client.
  DB_URL=$DB_URL DB_USER=root DB_PASSWORD= DEMO_ENABLED=true PORT=$port SERVER_ADDRESS=127.0.0.1 \
    SIGN_INS_PER_CLIENT_PER_MINUTE=1000000 MAX_ANONYMOUS_SESSIONS_PER_CLIENT=0 \
    PUBLIC_URL=http://127.0.0.1:$LB_PORT CERT_KEYSTORE="$TMP/keys/certificates.p12" CERT_KEYSTORE_PASSWORD=cluster-bench \
    EXPORT_DIR="$TMP/$name/exports" \
    REMINDER_INTERVAL=10s REMINDER_INITIAL_DELAY=5s ERASURE_INTERVAL=10s RETENTION_CRON='*/15 * * * * *' \
    ENCOUNTER_SECURITY_SIGNINFAILURESPURGEINTERVAL=10s LOGGING_LEVEL_NET_JAVACRUMBS_SHEDLOCK=DEBUG \
    "$JAVA" -Xmx"$HEAP" -jar target/encounter.jar >"$TMP/$name/app.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$name=$!"
  local t0=$SECONDS
  for _ in $(seq 1 720); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "node $name stopped:"; tail -30 "$TMP/$name/app.log"; exit 1; }
    sleep 0.5
  done
  # The demo world is made just after the start (once, by the first node); its last part is the exchange round.
  for _ in $(seq 1 240); do grep -qE "ExchangeDemoWorld|already has data" "$TMP/$name/app.log" && break; sleep 0.5; done
  echo "node $name ready after $((SECONDS - t0)) s ($(grep -m1 -oE 'Started EncounterApplication in [0-9.]+ seconds' "$TMP/$name/app.log"))"
}
# One after the other: the first creates the schema, the demo world and the certificate key both nodes sign with.
start_node a $PORT_A
start_node b $PORT_B

# --- HAProxy ----------------------------------------------------------------------------------------------------
cat >"$TMP/haproxy.cfg" <<EOF
global
    log stdout format raw local0
    stats socket $TMP/haproxy.sock mode 600 level admin
    maxconn 4096
defaults
    mode http
    log global
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout tunnel 1h
frontend web
    bind 127.0.0.1:$LB_PORT
    capture cookie SERVERID= len 16
    log-format "%Ts.%ms %s %ST %Tt %CC %CS %HM %HU"
    default_backend app
backend app
    balance roundrobin
    cookie SERVERID insert indirect nocache httponly
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
    server a 127.0.0.1:$PORT_A cookie a
    server b 127.0.0.1:$PORT_B cookie b
EOF
haproxy -c -q -f "$TMP/haproxy.cfg"
haproxy -db -f "$TMP/haproxy.cfg" >"$TMP/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 40); do
  [ "$(echo "show stat" | socat - "UNIX-CONNECT:$TMP/haproxy.sock" 2>/dev/null | grep -c '^app,[ab],.*,UP,')" = 2 ] && break
  sleep 0.5
done
echo "HAProxy on 127.0.0.1:$LB_PORT: $(echo "show stat" | socat - "UNIX-CONNECT:$TMP/haproxy.sock" | awk -F, '/^app,[ab],/{printf "%s %s  ", $2, $18}')"

# --- load client and probe through HAProxy ----------------------------------------------------------------------
# LOCK=file: take it exclusively (flock) from here to the end of the figures, not while the nodes start.
if [ -n "${LOCK:-}" ]; then
  exec 9>>"$LOCK"
  echo "$(date -u +%T) waiting for the exclusive lock $LOCK"
  flock -x 9
  echo "$(date -u +%T) holding it; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
if [ "$LOAD_USERS" -gt 0 ] && [ -f "$LOAD_DIR/bench/load.sh" ]; then
  (cd "$LOAD_DIR" && DB_PORT=$DB_PORT LOAD_DB=$DB bash bench/load.sh accounts)
  echo "load client: $LOAD_USERS users through HAProxy (bench/load.sh; its output in $TMP/load.log)"
  (cd "$LOAD_DIR" && BASE_URL=http://127.0.0.1:$LB_PORT USERS=$LOAD_USERS HOLD=$HOLD RAMP=20 SETTLE=5 IDLE=5 \
     DB_PORT=$DB_PORT LOAD_DB=$DB OUT="$TMP/load" exec bash bench/load.sh) >"$TMP/load.log" 2>&1 &
  LOAD_PID=$!
  PIDS+=($LOAD_PID)
  # The probe starts when the client's users are all signed in and its measured window begins (it compiles first).
  for _ in $(seq 1 600); do
    [ -f "$TMP/load/users-$LOAD_USERS/window-start" ] && break
    kill -0 "$LOAD_PID" 2>/dev/null || { echo "the load client stopped:"; tail -20 "$TMP/load.log"; break; }
    sleep 0.5
  done
else
  LOAD_PID=""
  echo "load client: none (LOAD_USERS=0 or no bench/load.sh in $LOAD_DIR): the probe alone"
fi
echo "probe: $(echo "$PEOPLE" | tr ',' '\n' | wc -l) people through HAProxy for $RUN s"
python3 bench/cluster-probe.py "http://127.0.0.1:$LB_PORT" "$PEOPLE" "$PASSWORD" "$TMP/probe.jsonl" "$TMP/stop" &
PROBE_PID=$!
PIDS+=($PROBE_PID)
sleep "$KILL_AFTER"

KILL_AT=$(date +%s.%N)
if [ "$PHASE" = nodes ]; then
  echo "$(date -u +%T) kill -9 node a (pid $PID_a)"
  kill -9 "$PID_a"
else
  echo "$(date -u +%T) kill -9 database node 1 (pid ${DBPIDS[0]}), the one every connection uses first"
  kill -9 "${DBPIDS[0]}"
  DB_PORT=$((B + 22))   # the figures come from node 2
fi
echo "$KILL_AT" >"$TMP/kill-at"
sleep $((RUN - KILL_AFTER))
touch "$TMP/stop"
wait "$PROBE_PID" || true
if [ -n "$LOAD_PID" ]; then
  echo "waiting for the load client to finish its window"
  wait "$LOAD_PID" || echo "load client exited with $?"
fi
# The jobs keep running on the surviving node until here.
sleep 2

# --- figures ----------------------------------------------------------------------------------------------------
echo
echo "=== figures (phase $PHASE) ==="
[ -n "$LOAD_PID" ] && { echo "--- load client ($LOAD_USERS users through HAProxy)"; grep -A3 "^users" "$TMP/load.log" || tail -5 "$TMP/load.log"; }
echo "--- HAProxy (per server: sessions, 5xx answers, requests redispatched, status)"
echo "show stat" | socat - "UNIX-CONNECT:$TMP/haproxy.sock" | awk -F, '/^app,[ab],/{printf "  server %s: %s sessions, %s 5xx, %s redispatched, %s\n", $2, $8, $44, $17, $18}'
grep -E "is DOWN|is UP" "$TMP/haproxy.log" | head -5 | sed 's/^/  /' || true
sql -N -e "SELECT name, lock_until, locked_at, locked_by FROM $DB.shedlock" >"$TMP/shedlock.txt" 2>&1 || true
sql -N -e "SELECT ran_at FROM $DB.retention_run ORDER BY ran_at" >"$TMP/retention-runs.txt" 2>&1 || true
sql -N -e "SELECT COUNT(*) FROM (SELECT person_id, kind, ref FROM $DB.notification GROUP BY person_id, kind, ref HAVING COUNT(*) > 1) d" >"$TMP/dup.txt"
sql -N -e "SELECT COUNT(*) FROM $DB.notification" >"$TMP/notifications.txt"
sql -N -e "SELECT a.id, s.answer FROM $DB.attempt a JOIN $DB.attempt_step s ON s.attempt_id = a.id WHERE s.answer IS NOT NULL" \
  | python3 -c 'import sys,json; print(json.dumps([l.rstrip("\n").split("\t", 1) for l in sys.stdin]))' >"$TMP/answers.json"
if [ "$PHASE" = galera ]; then
  echo "--- Galera after the kill"
  for n in 2 3; do
    echo "  node $n: $(sql -P$((B + 20 + n)) -Nse "SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_local_cert_failures','wsrep_local_bf_aborts')" | tr '\n\t' '  ')"
  done
  echo "  the app's error page shown (ErrorView in the logs): $(cat "$TMP"/[ab]/app.log | grep -c 'ErrorView' || true)"
  for n in 2 3; do
    echo "  node $n holds: $(sql -P$((B + 20 + n)) -Nse "SELECT CONCAT((SELECT COUNT(*) FROM $DB.attempt_step WHERE answer IS NOT NULL), ' answers, ', (SELECT COUNT(*) FROM $DB.audit_log), ' audit entries, ', (SELECT COUNT(*) FROM $DB.notification), ' notifications')")"
  done
  echo "  tables without a primary key: $(sql -Nse "SELECT COUNT(*) FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = '$DB' AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY')")"
  grep -hiE "deadlock|certification|WSREP has not yet prepared|Connection.*(refused|closed)|Save failed" "$TMP"/[ab]/app.log | cut -c1-220 | sort | uniq -c | sort -rn | head -8 | sed 's/^/  app log: /' || true
fi
python3 - "$TMP" "$PHASE" <<'EOF'
import json, re, sys, collections, statistics
tmp, phase = sys.argv[1], sys.argv[2]
kill_at = float(open(f'{tmp}/kill-at').read())
events = [json.loads(l) for l in open(f'{tmp}/probe.jsonl')]
first_node = {}
for e in events:
    if e.get('node') and e['who'] not in first_node and e['t'] < kill_at:
        first_node[e['who']] = e['node']
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float('nan')
print('--- probe: people followed one by one through HAProxy')
groups = collections.defaultdict(list)
for who, node in first_node.items():
    groups[node].append(who)
answers = json.load(open(f'{tmp}/answers.json'))
for node in sorted(groups):
    people = set(groups[node])
    mine = [e for e in events if e['who'] in people and e['what'] in ('type', 'my learning', 'back to module')]
    before = [e for e in mine if e['t'] < kill_at]
    after = [e for e in mine if e['t'] >= kill_at]
    fails = [e for e in after if not e['ok']]
    asked = {e['who'] for e in events if e['who'] in people and e['what'] == 'reload' and e.get('detail') == 'asked to sign in'}
    reopened = [e for e in events if e['who'] in people and e['what'] == 'reopen']
    intact = sum(1 for e in reopened if e.get('intact'))
    finals = [e for e in events if e['who'] in people and e['what'] == 'final']
    in_db = sum(1 for e in finals if e.get('saved') is None or [str(e.get('attempt')), e['saved']] in answers)
    saves = sum(1 for e in mine if e['what'] == 'type' and e['ok'])
    print(f'  node {node}: {len(people)} people; before the kill {len(before)} requests, {sum(not e["ok"] for e in before)} failed, '
          f'p50 {pct([e["ms"] for e in before if e["ok"]], 50)} ms, p95 {pct([e["ms"] for e in before if e["ok"]], 95)} ms; '
          f'after: {len(after)} requests, {len(fails)} failed, p50 {pct([e["ms"] for e in after if e["ok"]], 50)} ms, '
          f'p95 {pct([e["ms"] for e in after if e["ok"]], 95)} ms')
    print(f'          autosaves confirmed: {saves}; asked to sign in again: {len(asked)} of {len(people)}; '
          f'reopened after a failure: {len(reopened)}, saved text intact: {intact}; '
          f'last saved text in the database at the end: {in_db} of {len(finals)}')
    for e in fails[:3]:
        print(f'          first failures: {e["who"].split("@")[0]} {e["what"]} after {e["t"] - kill_at:.1f} s: {e.get("error", "")[:120]}')
# HAProxy's log: every request, with the SERVERID cookie it came with and the server that answered.
print('--- HAProxy log: requests by the node the person was on (their cookie), after the kill')
by = collections.Counter()
for line in open(f'{tmp}/haproxy.log'):
    m = re.match(r'(\d+\.\d+) (\S+) (\d+) (\d+) (\S+) (\S+) (\S+) (\S+)', line)
    if not m or float(m.group(1)) < kill_at:
        continue
    cookie = m.group(5).replace('SERVERID=', '') if m.group(5) != '-' else 'none'
    status = int(m.group(3))
    kind = 'ok' if status < 400 and not (status == 302) else ('redirect' if status == 302 else f'{status}')
    by[(cookie, m.group(2), kind)] += 1
for (cookie, server, kind), n in sorted(by.items()):
    print(f'  cookie {cookie:4} -> server {server:8} {kind:8} {n}')
# ShedLock: which node ran each job, when; two runs of one job closer than its lockAtLeastFor would be a double run.
print('--- scheduled jobs (ShedLock log lines "Locked ...", both nodes)')
runs = collections.defaultdict(list)
skipped = collections.Counter()
for node in ('a', 'b'):
    for line in open(f'{tmp}/{node}/app.log', errors='replace'):
        m = re.match(r'(\S+)\s.*Locked \'([^\']+)\'', line)
        if m:
            runs[m.group(2)].append((m.group(1), node))
        elif "It's locked" in line:
            m = re.search(r"Not executing '([^']+)'", line)
            if m:
                skipped[(m.group(1), node)] += 1
at_least = {'privacy-retention': 60, 'learning-reminders': 30, 'exchange-reminders': 30, 'certificate-expiry': 30,
            'privacy-erasures': 30, 'identity-sign-in-failures-purge': 30}
from datetime import datetime
for job in sorted(runs):
    rs = sorted(runs[job])
    ts = [datetime.fromisoformat(t.replace('Z', '+00:00')).timestamp() for t, _ in rs]
    gaps = [b - a for a, b in zip(ts, ts[1:])]
    per = collections.Counter(n for _, n in rs)
    close = sum(1 for g in gaps if g < at_least.get(job, 30) - 1)
    print(f'  {job:34} runs {len(rs):3} (a {per["a"]}, b {per["b"]}); skipped as locked: a {skipped[(job, "a")]}, '
          f'b {skipped[(job, "b")]}; shortest gap {min(gaps) if gaps else float("nan"):.1f} s; runs closer than the lock: {close}')
retention = [l for l in open(f'{tmp}/retention-runs.txt') if l.strip()]
logged = sum(1 for node in ('a', 'b') for l in open(f'{tmp}/{node}/app.log', errors='replace') if 'Retention run removed' in l)
print(f'  retention_run rows: {len(retention)}; "Retention run removed" log lines on both nodes: {logged}')
print(f'--- notifications: {open(f"{tmp}/notifications.txt").read().strip()} in all; person/kind/subject given twice: '
      f'{open(f"{tmp}/dup.txt").read().strip()}')
EOF
