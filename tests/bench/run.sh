#!/usr/bin/env bash
# Load test: the demo catalogue plus 10 000 synthetic products on SQLite, served by
# gunicorn (production config) on 127.0.0.1, measured with wrk page by page.
# Fails when any page answers with a non-2xx status or a socket error.
#
#   make bench                      # 20 s per page
#   BENCH_DURATION=5 make bench     # a quick try
#   BENCH_PRODUCTS=2000 BENCH_CONNECTIONS=8 make bench
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
VENV=${VENV:-$ROOT/.venv}
DURATION=${BENCH_DURATION:-20}
PRODUCTS=${BENCH_PRODUCTS:-10000}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WORKERS=${BENCH_WORKERS:-2}
OUT=$ROOT/bench-results
DB=$ROOT/instance/bench.db

[[ $DURATION =~ ^[0-9]+$ ]] && ((DURATION > 0 && DURATION <= 600)) || {
    echo "BENCH_DURATION must be 1..600 seconds" >&2
    exit 2
}
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 2; }

export FLASK_APP=wsgi:app
export FLASK_CONFIG=production
export SECRET_KEY=bench-only
export DATABASE_URL=sqlite:///$DB
export UPLOAD_DIR=$ROOT/instance/bench-uploads
unset FLASK_DEBUG

mkdir -p "$ROOT/instance" "$OUT"
rm -f "$DB" "$DB-journal" "$DB-wal" "$DB-shm"
rm -rf "$UPLOAD_DIR"

echo "== seeding $DB with the demo catalogue + $PRODUCTS products"
seed_started=$SECONDS
"$VENV/bin/flask" db upgrade >"$OUT/seed.log" 2>&1 || { cat "$OUT/seed.log" >&2; exit 1; }
"$VENV/bin/flask" seed-demo --products "$PRODUCTS" >>"$OUT/seed.log" 2>&1 \
    || { cat "$OUT/seed.log" >&2; exit 1; }
tail -n 3 "$OUT/seed.log"
echo "   seeded in $((SECONDS - seed_started)) s"

PORT=${BENCH_PORT:-$("$VENV/bin/python" -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BASE=http://127.0.0.1:$PORT

"$VENV/bin/gunicorn" -w "$WORKERS" -k sync -b "127.0.0.1:$PORT" \
    --error-logfile "$OUT/gunicorn.log" wsgi:app &
SERVER=$!
# The yardstick: a bare Flask + SQLAlchemy + Jinja list of 24 products, same workers.
REFERENCE_PORT=$("$VENV/bin/python" -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VENV/bin/gunicorn" -w "$WORKERS" -k sync -b "127.0.0.1:$REFERENCE_PORT" \
    --error-logfile "$OUT/gunicorn-reference.log" tests.bench.reference_app:app &
REFERENCE=$!
stop_server() {
    kill "$SERVER" "$REFERENCE" 2>/dev/null || true
    wait "$SERVER" "$REFERENCE" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

for _ in $(seq 100); do
    curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { echo "gunicorn died:" >&2; cat "$OUT/gunicorn.log" >&2; exit 1; }
    sleep 0.2
done
curl -fsS -o /dev/null "$BASE/healthz" || { echo "no answer from $BASE/healthz" >&2; exit 1; }
for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$REFERENCE_PORT/" 2>/dev/null && break
    sleep 0.2
done

# Real slugs from the API: a 4-star product, and its category.
json_field() { "$VENV/bin/python" -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
PRODUCT=$(curl -fsS "$BASE/api/v1/products?stars=4&per_page=1" | json_field 'd["items"][0]["slug"]')
CATEGORY=$(curl -fsS "$BASE/api/v1/products/$PRODUCT" | json_field 'd["category"]["slug"]')

NAMES=(home catalog filtered search product healthz reference)
declare -A PATHS=(
    [home]="/"
    [catalog]="/catalog/"
    [filtered]="/catalog/?stars=4&category=$CATEGORY&sort=price_asc"
    [search]="/catalog/?q=gao+vi+thuy"
    [product]="/catalog/products/$PRODUCT"
    [healthz]="/healthz"
    [reference]="/"
)
declare -A BASES=([reference]="http://127.0.0.1:$REFERENCE_PORT")
url_of() { echo "${BASES[$1]:-$BASE}${PATHS[$1]}"; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== $THREADS threads, $CONNECTIONS connections, ${DURATION} s per page; gunicorn -w $WORKERS -k sync; $(nproc) CPUs"
echo "   load average before: $(load) (other work on the machine skews the numbers)"
for name in "${NAMES[@]}"; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' "$(url_of "$name")")
    printf '   %-9s %s  %s\n' "$name" "$status" "${PATHS[$name]}"
    [[ $status == 200 ]] || { echo "$name answered $status before the run" >&2; exit 1; }
done

REPORT_ARGS=()
for name in "${NAMES[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
        "$(url_of "$name")" >"$OUT/wrk-$name.txt"
    REPORT_ARGS+=("$name=$OUT/wrk-$name.txt")
done

echo "   load average after: $(load)"
echo
"$VENV/bin/python" tests/bench/report.py "${REPORT_ARGS[@]}" | tee "$OUT/table.txt"
