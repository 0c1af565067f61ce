# What the benchmarks share (sourced by bench/*/run): a temp folder removed on exit, a Release build of the app and
# the helper, a throwaway PostgreSQL cluster with the server's default settings, the app started on a free loopback
# port on a fresh database, and small statistics. The caller sets PASSWORD and BENCH_NAME before sourcing, and
# HERE/ROOT are the caller's folder and the repository.
PGDB=huodong_bench
# Throwaway field-encryption keys for the app, also handed to the helper when it writes ciphertexts the app must read.
KEYS_ENV=(Security__Keys__Active=bench "Security__Keys__Ring__bench=$(head -c32 /dev/urandom | base64)"
  "Security__Keys__Index=$(head -c32 /dev/urandom | base64)")
TMP=$(mktemp -d "/tmp/huodong-${BENCH_NAME:-bench}.XXXXXX")
chmod 755 "$TMP" # the postgres user must reach its data folder inside
APP_PID="" PGDATA_DIR="" PGBIN="" AS=()
T0=$SECONDS

log() { printf '[%4ds] %s\n' $((SECONDS - T0)) "$*" >&2; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

stop_pg() {
  if [[ -n "$PGDATA_DIR" && -f "$PGDATA_DIR/postmaster.pid" ]]; then
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  PGDATA_DIR=""
}

cleanup() {
  local rc=$?
  stop_app
  stop_pg
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# kv KEY LINE: the value of KEY=value in a line of key=value pairs
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -1; }

# --- tools -------------------------------------------------------------------------------------------------------
log "building (Release)"
dotnet build "$ROOT/bench/Huodong.Bench/Huodong.Bench.csproj" -c Release -v q -nologo >"$TMP/build.log" 2>&1 \
  || { cat "$TMP/build.log"; exit 1; }
APPDIR="$ROOT/src/Huodong.Web/bin/Release/net10.0"
BENCH=(dotnet "$ROOT/bench/Huodong.Bench/bin/Release/net10.0/Huodong.Bench.dll")
VERSIONS=$("${BENCH[@]}" versions)

# --- PostgreSQL: a throwaway cluster with the default settings (STACK.md) -----------------------------------------
start_pg() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  local dir="$TMP/pg"; mkdir -p "$dir"
  if [[ "$(id -u)" = 0 ]]; then chown postgres:postgres "$dir"; AS=(runuser -u postgres --); else AS=(); fi
  PGPORT=$(free_port)
  "${AS[@]}" "$PGBIN/initdb" -D "$dir/data" -U app -A trust -E UTF8 --no-sync >/dev/null
  PGDATA_DIR="$dir/data"
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w start -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $dir" >/dev/null
  "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U app "$PGDB"
  PG_VERSION=$("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U app -d "$PGDB" -Atc 'SHOW server_version')
  PG_MAXCONN=$("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U app -d "$PGDB" -Atc 'SHOW max_connections')
}

pg_connections() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U app -d "$PGDB" -Atc \
  "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"; }

# --- the app ------------------------------------------------------------------------------------------------------
start_app() { # provider connection-string
  PORT=$(free_port)
  URL="http://127.0.0.1:$PORT"
  (
    cd "$APPDIR"
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$URL" \
      Database__Provider="$1" ConnectionStrings__Huodong="$2" \
      Demo__Seed=true Demo__Password="$PASSWORD" RateLimits__Enabled=false \
      "${KEYS_ENV[@]}" \
      ./Huodong.Web
  ) >"$TMP/app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 240); do
    curl -sf "$URL/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.25
  done
  echo "the app did not start:"; tail -30 "$TMP/app-$1.log"; exit 1
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.1f\n", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
sum() { printf '%s\n' "$@" | awk '{s+=$1} END {print s+0}'; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }

