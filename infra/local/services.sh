# shellcheck shell=bash
# Sourced (not executed) by start.sh, test.sh and .ci/run: makes sure a PostgreSQL and a Redis
# answer, and exports DATABASE_URL and REDIS_URL pointing at them.
#
# For each service on its own, the first of these that works wins:
#   1. the server at $DATABASE_URL / $REDIS_URL (or the defaults below) already answers;
#   2. the private instance recorded in .data/local.env, started again if it stopped;
#   3. a new private instance under .data/, when the server binaries are installed;
#   4. as root with apt-get: install the server package, then 3.
# Private instances listen on 127.0.0.1 only, on a free port from 54320 / 63790 upward, and
# keep data and logs in .data/. They stay up between runs so the next start is quick;
# hotline_stop_private_services stops them, and deleting .data/ starts over from nothing.
#
# Step 4 deliberately does not use the Debian cluster the package creates: its pg_hba.conf
# wants a password over TCP and the postgres role has none, so the default URL could not log in.

: "${hotline_root:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
hotline_data="$hotline_root/.data"
hotline_default_database_url='postgres://postgres@127.0.0.1:5432/hotline'
hotline_default_redis_url='redis://127.0.0.1:6379'
if ! declare -F hotline_log >/dev/null; then
  hotline_log() { printf '\033[36m[setup]\033[0m %s\n' "$*" >&2; }
fi

# ---- small helpers --------------------------------------------------------------------------

# Prints "host port" of a URL (postgres://user:pass@host:port/db, redis://…, [IPv6] too).
_hotline_url_host_port() {
  local rest="${1#*://}" default_port="$2" host port=""
  rest="${rest%%[/?#]*}"
  rest="${rest##*@}"
  if [[ $rest == \[* ]]; then
    host="${rest%%]*}" && host="${host#\[}"
    if [[ $rest == *]:* ]]; then port="${rest##*]:}"; fi
  else
    host="${rest%%:*}"
    if [[ $rest == *:* ]]; then port="${rest##*:}"; fi
  fi
  printf '%s %s\n' "${host:-127.0.0.1}" "${port:-$default_port}"
}

# Prints the database name of a postgres:// URL, "hotline" when it names none.
_hotline_url_db() {
  local rest="${1#*://}" db=""
  rest="${rest%%[?#]*}"
  if [[ $rest == */* ]]; then db="${rest#*/}"; fi
  printf '%s\n' "${db:-hotline}"
}

# True when something accepts TCP connections there. `timeout` because a connect to an
# unreachable remote host can otherwise hang for minutes.
_hotline_tcp_open() {
  # shellcheck disable=SC2016 # $0 and $1 belong to the inner bash
  timeout 2 bash -c ': <>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

_hotline_free_port() {
  local port
  for ((port = $1; port < $1 + 100; port++)); do
    if ! _hotline_tcp_open 127.0.0.1 "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "no free TCP port on 127.0.0.1 between $1 and $(($1 + 99))" >&2
  return 1
}

# .data/local.env holds KEY=URL lines for the private instances; it is read, never sourced.
_hotline_recorded() {
  if [ -f "$hotline_data/local.env" ]; then
    sed -n "s/^$1=//p" "$hotline_data/local.env" | tail -n 1
  fi
}

_hotline_record() {
  local file="$hotline_data/local.env"
  {
    if [ -f "$file" ]; then grep -v "^$1=" "$file" || true; fi
    printf '%s=%s\n' "$1" "$2"
  } >"$file.tmp" && mv "$file.tmp" "$file"
}

_hotline_recorded_port() {
  local url host port
  url="$(_hotline_recorded "$1")"
  if [ -n "$url" ]; then
    read -r host port < <(_hotline_url_host_port "$url" "")
    echo "$port"
  fi
}

# Polls "$@" for up to 30 s; on timeout shows the end of the log named by $1.
_hotline_wait_until() {
  local log="$1" deadline=$((SECONDS + 30))
  shift
  while ((SECONDS < deadline)); do
    if "$@"; then return 0; fi
    sleep 0.2
  done
  echo "gave up after 30 s waiting for it to answer; last lines of $log:" >&2
  tail -n 20 "$log" >&2 || true
  return 1
}

_hotline_is_root() { [ "$(id -u)" -eq 0 ]; }

_hotline_apt_install() {
  if ! _hotline_is_root || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  hotline_log "installing $1 with apt-get"
  if [ -z "${_hotline_apt_updated:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
    _hotline_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >&2
}

_hotline_cannot_provide() {
  cat >&2 <<EOF
$1: nothing answers at $2 and no $1 server is installed here to start a private one.
Either install the servers:   sudo apt-get install -y postgresql redis-server
or set DATABASE_URL / REDIS_URL to servers that are running
(or start them with: docker compose -f infra/docker-compose.yml up -d).
EOF
}

# ---- PostgreSQL -----------------------------------------------------------------------------

# The bin directory holding initdb and pg_ctl: the one matching an existing data directory's
# version if given and installed, else the highest under /usr/lib/postgresql, else PATH.
_hotline_pg_bindir() {
  local want="$1" d best=""
  if [ -n "$want" ] && [ -x "/usr/lib/postgresql/$want/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$want/bin"
    return 0
  fi
  best="$(for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
  done | sort -V | tail -n 1)"
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
    d="$(dirname "$(readlink -f "$(command -v initdb)")")"
    if [ -x "$d/pg_ctl" ]; then best="$d"; fi
  fi
  echo "$best"
}

_hotline_pg_answers() {
  local isready
  isready="$(command -v pg_isready || true)"
  if [ -z "$isready" ]; then isready="$(_hotline_pg_bindir "")/pg_isready"; fi
  if [ -x "$isready" ]; then
    "$isready" -q -h "$1" -p "$2" -t 3
  else
    _hotline_tcp_open "$1" "$2"
  fi
}

# PostgreSQL refuses to run as root, so as root its files and processes belong to `postgres`.
_hotline_as_pg_owner() {
  if _hotline_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# As root, checks the postgres user exists; explains the way out if not.
_hotline_pg_check_owner() {
  _hotline_is_root || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    cat >&2 <<EOF
PostgreSQL refuses to run as root, and there is no 'postgres' user to run the private instance.
Create one (useradd --system --home-dir /var/lib/postgresql postgres), run as a normal user,
or set DATABASE_URL to a running server.
EOF
    return 1
  fi
}

# True when the postgres user can reach $1 (every directory above it traversable).
_hotline_pg_can_reach() {
  local d="$1"
  while :; do
    runuser -u postgres -- test -x "$d" 2>/dev/null || return 1
    [ "$d" = / ] && return 0
    d="$(dirname "$d")"
  done
}

# Where the private instance keeps its data, log and socket: .data/ normally. As root it runs
# as `postgres`, which cannot enter a checkout under a private directory (mktemp -d, /root);
# then it lives in postgres's own home (else /tmp), one directory per checkout.
_hotline_pg_home() {
  if ! _hotline_is_root || { mkdir -p "$hotline_data" && _hotline_pg_can_reach "$hotline_data"; }; then
    echo "$hotline_data"
    return 0
  fi
  local base=/tmp key
  if [ -d /var/lib/postgresql ] && _hotline_pg_can_reach /var/lib/postgresql; then
    base=/var/lib/postgresql
  fi
  key="$(printf '%s' "$hotline_root" | sha1sum | cut -c1-12)"
  mkdir -p "$base/hotline-$key" && chown postgres: "$base/hotline-$key" &&
    chmod 700 "$base/hotline-$key" || return 1
  echo "$base/hotline-$key"
}

# Errors are checked one by one below: callers run this inside `||`, where set -e is off.
_hotline_pg_private() {
  _hotline_pg_check_owner || return 1
  local home
  home="$(_hotline_pg_home)" || return 1
  local db="$1" pgdata="$home/postgres" log="$home/postgres.log"
  local sock="$home/pg-socket" bindir version="" port url locale=C
  if [ -f "$pgdata/PG_VERSION" ]; then version="$(cat "$pgdata/PG_VERSION")"; fi
  bindir="$(_hotline_pg_bindir "$version")"
  mkdir -p "$hotline_data" "$sock" && touch "$log" || return 1
  if [ "$home" != "$hotline_data" ]; then
    hotline_log "PostgreSQL: the postgres user cannot reach $hotline_data; the private instance lives in $home"
  fi
  if _hotline_is_root; then chown postgres: "$log" "$sock" || return 1; fi

  port="$(_hotline_recorded_port DATABASE_URL)"
  if [ -n "$port" ] && _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1 &&
    _hotline_pg_answers 127.0.0.1 "$port"; then
    url="postgres://postgres@127.0.0.1:$port/$db"
  else
    if _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      # Ours runs but not where recorded (local.env edited or lost): restart it properly.
      _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null || return 1
    fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
      hotline_log "PostgreSQL: creating a private instance in $pgdata"
      # A directory without PG_VERSION is the remains of an interrupted initdb, which
      # initdb refuses to reuse.
      rm -rf "$pgdata" && mkdir -m 700 "$pgdata" || return 1
      if _hotline_is_root; then chown postgres: "$pgdata" || return 1; fi
      if grep -ixE 'c\.utf-?8' <<<"$(locale -a 2>/dev/null || true)" >/dev/null; then
        locale=C.UTF-8
      fi
      if ! _hotline_as_pg_owner "$bindir/initdb" -D "$pgdata" --auth=trust -U postgres \
        --encoding=UTF8 --locale="$locale" >>"$log" 2>&1; then
        echo "initdb failed; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        return 1
      fi
    fi
    if [ -z "$port" ] || _hotline_tcp_open 127.0.0.1 "$port"; then
      port="$(_hotline_free_port 54320)" || return 1
    fi
    # A Unix socket path longer than 107 bytes stops the server from starting; clients here
    # use TCP, so a deep checkout simply goes without the socket.
    if [ $((${#sock} + 15)) -gt 107 ]; then sock=""; fi
    hotline_log "PostgreSQL: starting the private instance on 127.0.0.1:$port"
    if ! _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" -l "$log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$sock'" \
      start >/dev/null; then
      echo "PostgreSQL did not start; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    url="postgres://postgres@127.0.0.1:$port/$db"
    _hotline_record DATABASE_URL "$url" || return 1
  fi
  _hotline_wait_until "$log" _hotline_pg_answers 127.0.0.1 "$port" || return 1
  export DATABASE_URL="$url"
  hotline_log "PostgreSQL: using 127.0.0.1:$port (private instance, $pgdata)"
}

_hotline_ensure_postgres() {
  local url="${DATABASE_URL:-$hotline_default_database_url}" from="default URL" host port kind=system
  if [ -n "${DATABASE_URL:-}" ]; then from="from DATABASE_URL"; fi
  read -r host port < <(_hotline_url_host_port "$url" 5432)
  if _hotline_pg_answers "$host" "$port"; then
    if [[ $host == 127.0.0.1 || $host == localhost ]] &&
      [ "$port" = "$(_hotline_recorded_port DATABASE_URL)" ]; then
      kind="private instance"
    fi
    export DATABASE_URL="$url"
    hotline_log "PostgreSQL: using $host:$port ($kind, $from)"
    return 0
  fi
  hotline_log "PostgreSQL: nothing answers at $host:$port ($from); falling back to a private instance"
  if [ -z "$(_hotline_pg_bindir "")" ]; then
    _hotline_apt_install postgresql || true
    if [ -z "$(_hotline_pg_bindir "")" ]; then
      _hotline_cannot_provide PostgreSQL "$host:$port"
      return 1
    fi
  fi
  _hotline_pg_private "$(_hotline_url_db "$url")"
}

# ---- Redis ----------------------------------------------------------------------------------

# PING must get PONG. When the URL carries a password the client authenticates later, so a
# server asking for authentication (NOAUTH) answers too. rediss:// (TLS) gets a TCP check.
_hotline_redis_answers() {
  local url="$1" host="$2" port="$3" reply
  if [[ $url == rediss://* ]]; then
    _hotline_tcp_open "$host" "$port"
    return
  fi
  # shellcheck disable=SC2016 # the inner bash expands these
  reply="$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && IFS= read -r -t 2 reply <&3 &&
      printf "%s" "$reply"' "$host" "$port" 2>/dev/null)" || return 1
  case $reply in
    +PONG*) return 0 ;;
    -NOAUTH*) [[ ${url#*://} == *:*@* ]] ;;
    *) return 1 ;;
  esac
}

# Our private redis-server's pid, if it runs (the pidfile alone may be stale).
_hotline_redis_pid() {
  local pid
  pid="$(cat "$hotline_data/redis.pid" 2>/dev/null || true)"
  if [[ $pid =~ ^[0-9]+$ ]] && [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == redis-server* ]]; then
    echo "$pid"
  fi
}

_hotline_redis_stop() {
  local pid i
  pid="$(_hotline_redis_pid)"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "private redis-server (pid $pid) did not stop within 10 s" >&2
  return 1
}

_hotline_redis_private() {
  local dir="$hotline_data/redis" log="$hotline_data/redis.log" port url
  port="$(_hotline_recorded_port REDIS_URL)"
  if [ -n "$port" ] && [ -n "$(_hotline_redis_pid)" ] &&
    _hotline_redis_answers redis:// 127.0.0.1 "$port"; then
    url="redis://127.0.0.1:$port"
  else
    # Ours may run but not where recorded (local.env edited or lost): restart it properly.
    _hotline_redis_stop || return 1
    if [ -z "$port" ] || _hotline_tcp_open 127.0.0.1 "$port"; then
      port="$(_hotline_free_port 63790)" || return 1
    fi
    mkdir -p "$dir" || return 1
    hotline_log "Redis: starting a private instance on 127.0.0.1:$port"
    # Absolute paths: redis-server changes into --dir before opening the log.
    # Nothing on disk (every timer is rebuilt from Postgres); hz 100 for ~10 ms timer precision;
    # hash-max-ziplist-value 512 (listpack in Redis 7) keeps each SLA timer's job hash compact
    # (743 B per timer measured, against 1,116 B with Redis's default of 64).
    redis-server --daemonize yes --port "$port" --bind 127.0.0.1 --dir "$dir" \
      --save "" --appendonly no --hz 100 --hash-max-ziplist-value 512 --logfile "$log" \
      --pidfile "$hotline_data/redis.pid" >/dev/null || {
      echo "redis-server failed to start; last lines of $log:" >&2
      tail -n 20 "$log" >&2 || true
      return 1
    }
    url="redis://127.0.0.1:$port"
    _hotline_record REDIS_URL "$url" || return 1
  fi
  _hotline_wait_until "$log" _hotline_redis_answers redis:// 127.0.0.1 "$port" || return 1
  export REDIS_URL="$url"
  hotline_log "Redis: using 127.0.0.1:$port (private instance, .data/redis)"
}

_hotline_ensure_redis() {
  local url="${REDIS_URL:-$hotline_default_redis_url}" from="default URL" host port kind=system
  if [ -n "${REDIS_URL:-}" ]; then from="from REDIS_URL"; fi
  read -r host port < <(_hotline_url_host_port "$url" 6379)
  if _hotline_redis_answers "$url" "$host" "$port"; then
    if [[ $host == 127.0.0.1 || $host == localhost ]] &&
      [ "$port" = "$(_hotline_recorded_port REDIS_URL)" ]; then
      kind="private instance"
    fi
    export REDIS_URL="$url"
    hotline_log "Redis: using $host:$port ($kind, $from)"
    return 0
  fi
  hotline_log "Redis: nothing answers at $host:$port ($from); falling back to a private instance"
  if ! command -v redis-server >/dev/null 2>&1; then
    _hotline_apt_install redis-server || true
    if ! command -v redis-server >/dev/null 2>&1; then
      _hotline_cannot_provide Redis "$host:$port"
      return 1
    fi
  fi
  _hotline_redis_private
}

# ---- entry points ---------------------------------------------------------------------------

# Ensures PostgreSQL and Redis answer and exports DATABASE_URL and REDIS_URL; returns 1 (after
# trying both, so every problem shows at once) if either cannot be provided.
hotline_ensure_services() {
  local status=0
  _hotline_ensure_postgres || status=1
  _hotline_ensure_redis || status=1
  return "$status"
}

# Stops the private instances started from .data/, keeping their data and .data/local.env so
# the next hotline_ensure_services starts them again. Nothing calls it (they are left running
# so the next run is quick); from the repository root:
#   bash -c 'source infra/local/services.sh && hotline_stop_private_services'
hotline_stop_private_services() {
  local pgdata bindir status=0
  pgdata="$(_hotline_pg_home)/postgres" || return 1
  if [ -f "$pgdata/PG_VERSION" ]; then
    bindir="$(_hotline_pg_bindir "$(cat "$pgdata/PG_VERSION")")"
    if [ -n "$bindir" ] && _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
      if _hotline_as_pg_owner "$bindir/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null; then
        hotline_log "PostgreSQL: stopped the private instance"
      else
        status=1
      fi
    fi
  fi
  if [ -n "$(_hotline_redis_pid)" ]; then
    if _hotline_redis_stop; then hotline_log "Redis: stopped the private instance"; else status=1; fi
  fi
  return "$status"
}
