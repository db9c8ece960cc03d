#!/usr/bin/env bash
# Several `streamlit run app.py` replicas on free loopback ports behind HAProxy
# (Debian's package) on one address, as the public site runs on one machine:
# websockets proxied, session affinity by cookie, health checks on /_stcore/health
# with failover, /_stcore/metrics refused, static files cacheable (deploy/haproxy.cfg).
#   bash scripts/replicas.sh [--replicas N] [--port P] [--bind ADDR] [--logs DIR]
# Defaults: 2 replicas, 127.0.0.1:8080, logs in a new temp dir (printed). The app's
# environment (KURIL_TILES, KURIL_ASSETS, KURIL_DATA_DIR) passes to every replica.
# It prints `ready: <url>` once the proxy answers; SIGTERM or Ctrl-C stops the
# replicas and the proxy. A replica that dies is not restarted: the proxy marks it
# down and sends its readers to the others.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas=2
port=8080
bind=127.0.0.1
logs=""
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas="${2:?}"; shift 2 ;;
    --port) port="${2:?}"; shift 2 ;;
    --bind) bind="${2:?}"; shift 2 ;;
    --logs) logs="${2:?}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "replicas.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$replicas" =~ ^[1-9][0-9]?$ ]] || { echo "replicas.sh: --replicas takes 1 to 99" >&2; exit 2; }
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
  || { echo "replicas.sh: --port takes 1 to 65535" >&2; exit 2; }

py=.venv/bin/python
[ -x "$py" ] || { echo "replicas.sh: run bash scripts/install.sh first (.venv is missing)" >&2; exit 2; }
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$haproxy" ] || { echo "replicas.sh: haproxy is missing (apt-get install haproxy)" >&2; exit 2; }

if [ -z "$logs" ]; then logs="$(mktemp -d "${TMPDIR:-/tmp}/kuril-replicas.XXXXXX")"; fi
mkdir -p "$logs"
logs="$(cd "$logs" && pwd)"
echo "logs: $logs"

# The script's own stderr, for the traps: a signal may come while a command's output
# is redirected to a log.
exec 4>&2
# Every process this script starts, so that it can stop them all.
pids=()
declare -A names=()
stopping=0
stop_all() {
  [ "$stopping" -eq 0 ] || return 0
  stopping=1
  local pid deadline
  [ -z "$helper" ] || kill -TERM "$helper" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + 15))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  local stopped=()
  for pid in "${pids[@]}"; do stopped+=("${names[$pid]}"); done
  echo "stopped: ${stopped[*]:-nothing}" >&4
}
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 130' INT
trap 'stop_all' EXIT

# Every short command this script runs (a health check, a look at the proxy's
# state) goes through `quick`: in the background and waited for, so that a signal
# runs the trap at once. In the foreground, a child that caught Ctrl-C itself and
# exited (as Python may) would make bash drop the signal.
helper=""
quick() {
  "$@" &
  helper=$!
  local status=0
  wait "$helper" || status=$?
  helper=""
  return "$status"
}

# The app writes its shapes and Leaflet to ./static/ at first use (geo/map/served.py,
# geo/map/assets.py). Write them once now, so that replicas never race to.
if ! KURIL_TILES=off quick "$py" -c 'from geo.site import current; current().base_map(True)' \
  >"$logs/warmup.log" 2>&1; then
  echo "replicas.sh: the warm-up failed, see $logs/warmup.log" >&2
  tail -n 20 "$logs/warmup.log" >&2
  exit 1
fi

quick "$py" -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$replicas" >"$logs/ports"
read -r -a ports <"$logs/ports"

# One secret for all replicas, so that a cookie one signs is valid on the others
# (a reader whose replica died lands on another). In the environment, not in `ps`.
STREAMLIT_SERVER_COOKIE_SECRET="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
export STREAMLIT_SERVER_COOKIE_SECRET STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
: >"$logs/replicas.txt"
for i in $(seq 1 "$replicas"); do
  name="r$i"
  p="${ports[$((i - 1))]}"
  "$py" -m streamlit run app.py \
    --server.address 127.0.0.1 --server.port "$p" --server.headless true \
    --server.enableStaticServing true --server.fileWatcherType none \
    --server.runOnSave false --global.developmentMode false \
    >"$logs/replica-$name.log" 2>&1 &
  pids+=("$!")
  names[$!]="$name"
  echo "$name 127.0.0.1:$p pid $!" | tee -a "$logs/replicas.txt"
done

healthy() { # URL: 0 once it answers 200
  quick "$py" -c 'import sys, urllib.request
try:
    sys.exit(urllib.request.urlopen(sys.argv[1], timeout=2).status != 200)
except OSError:
    sys.exit(1)' "$1"
}
# wait_healthy URL PID WHAT LOG: until URL answers 200; give up (showing LOG's end) if
# PID dies or the start-up deadline passes.
wait_healthy() {
  until healthy "$1"; do
    if ! kill -0 "$2" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      echo "replicas.sh: $3 did not start, see $4" >&2
      tail -n 20 "$4" >&2
      exit 1
    fi
    sleep 0.2
  done
}
deadline=$((SECONDS + 120))
for i in $(seq 1 "$replicas"); do
  wait_healthy "http://127.0.0.1:${ports[$((i - 1))]}/_stcore/health" \
    "${pids[$((i - 1))]}" "replica r$i" "$logs/replica-r$i.log"
done

cfg="$logs/haproxy.cfg"
servers=""
for i in $(seq 1 "$replicas"); do servers+="r$i=127.0.0.1:${ports[$((i - 1))]} "; done
# Each `# servers (one line per replica): <example>` becomes the example once per
# replica, with its name and address.
awk -v servers="$servers" '
  /# servers \(one line per replica\): / {
    example = $0
    sub(/.*\): /, "", example)
    n = split(servers, items, " ")
    for (i = 1; i <= n; i++) {
      split(items[i], kv, "=")
      line = example
      gsub(/127\.0\.0\.1:8501/, kv[2], line)
      gsub(/r1/, kv[1], line)
      print "    " line
    }
    next
  }
  { print }' deploy/haproxy.cfg >"$cfg"
export KURIL_PROXY_BIND="$bind:$port" KURIL_PROXY_STATS="$logs/haproxy.sock"
if ! quick "$haproxy" -c -f "$cfg" >"$logs/haproxy-check.log" 2>&1; then
  echo "replicas.sh: $cfg is not valid:" >&2
  cat "$logs/haproxy-check.log" >&2
  exit 1
fi
# -db: in the foreground, as this script's child; its log goes to stdout.
"$haproxy" -db -f "$cfg" >"$logs/haproxy.log" 2>&1 &
proxy_pid=$!
pids+=("$proxy_pid")
names[$proxy_pid]=proxy
echo "proxy $bind:$port pid $proxy_pid (config $cfg, admin socket $KURIL_PROXY_STATS)" \
  | tee -a "$logs/replicas.txt"

host="$bind"
case "$host" in 0.0.0.0 | "" | "*") host=127.0.0.1 ;; *:*) host="[$host]" ;; esac
url="http://$host:$port"
wait_healthy "$url/_stcore/health" "$proxy_pid" "the proxy" "$logs/haproxy.log"
# Ready once the proxy's own first check of every replica has passed.
until quick "$py" -c 'import socket, sys
with socket.socket(socket.AF_UNIX) as sock:
    sock.connect(sys.argv[1])
    sock.sendall(b"show stat\n")
    text = b"".join(iter(lambda: sock.recv(65536), b"")).decode()
rows = [r.split(",") for r in text.splitlines() if r.startswith("replicas,r")]
sys.exit(not rows or any(r[17] != "UP" for r in rows))' "$KURIL_PROXY_STATS"; do
  if ! kill -0 "$proxy_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "replicas.sh: the proxy did not find every replica up, see $logs/haproxy.log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "ready: $url ($replicas replicas)"

# Wait on the children; a trapped signal ends the wait at once.
live=("${pids[@]}")
while [ ${#live[@]} -gt 0 ]; do
  died=""
  status=0
  wait -n -p died "${live[@]}" || status=$?
  [ -n "$died" ] || continue
  if [ "$died" = "$proxy_pid" ]; then
    echo "replicas.sh: the proxy exited ($status), stopping, see $logs/haproxy.log" >&2
    exit 1
  fi
  echo "replicas.sh: replica ${names[$died]} (pid $died) exited ($status);" \
    "the proxy sends its readers to the others" >&2
  # Reaped: no longer this script's to stop (its number may be reused).
  next=()
  for pid in "${live[@]}"; do [ "$pid" = "$died" ] || next+=("$pid"); done
  live=("${next[@]}")
  pids=("${next[@]}")
done
