#!/usr/bin/env bash
# The portal's benchmarks (`make bench`). Each prints its figures and ratios; none of them asserts.
# Benchmarks that need PostgreSQL read BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

echo "== PDF: seed minutes (WeasyPrint vs headless Chromium), 200-meeting fiscal-year book =="
"$PY" bench/pdf_bench.py

echo
echo "== Load: gunicorn (2 workers) on PostgreSQL, 32 users for 60 s from a second process =="
# PostgreSQL with trust auth on 127.0.0.1:5432 (as in CI); BENCH_DATABASE_URL picks another server/db.
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
"$PY" bench/load_test.py --users 32 --seconds 60 --workers 2

echo
echo "== Thai tokeniser: pythainlp newmm vs nlpO3 (same words? how much faster?) =="
"$PY" bench/tokenizers.py

echo
echo "== Directives: filtered list and Thai search at 1,000 and 100,000 meetings, vs a full icontains scan =="
# Seeds lamphun_bench_1000 and lamphun_bench_100000 with seed_bench on the first run (long at 100,000).
"$PY" bench/directives.py
