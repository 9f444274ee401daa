#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/TARGET, not committed) from the test fixtures.
# Safe to rerun: files are named by content, so the fuzzer's own finds stay beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
C=fuzz/corpus
mkdir -p $C/job_description $C/role_file $C/candidate_csv $C/anchors_file $C/transfer_source
seed() { # seed TARGET FILE: copy FILE into TARGET's corpus under its digest
  cp "$2" "$C/$1/seed-$(sha256sum "$2" | cut -c1-16)"
}
# The job-description target reads "NAME\nBYTES": every fixture, under its own name.
for f in tests/fixtures/jd/* tests/fixtures/jd-corpus/*.{md,txt,html} tests/fixtures/*/*.{docx,odt,pdf}; do
  [ -f "$f" ] || continue
  tmp=$(mktemp); { basename "$f"; cat "$f"; } > "$tmp"; seed job_description "$tmp"; rm -f "$tmp"
done
for f in tests/e2e/fixtures/*.json; do seed role_file "$f"; done
for f in tests/e2e/fixtures/*.csv; do seed candidate_csv "$f"; done
tmp=$(mktemp)
printf '# anchors\n12:%s\nhead: 3:%s key=%s sig=%s\n%s  results.csv\n' \
  "$(printf 'a%.0s' {1..64})" "$(printf 'b%.0s' {1..64})" "$(printf '0%.0s' {1..64})" \
  "$(printf '1%.0s' {1..128})" "$(printf 'c%.0s' {1..64})" > "$tmp"
seed anchors_file "$tmp"; rm -f "$tmp"
# The transfer target reads a whole database file: a small demo campaign, scored and moderated.
db=$(mktemp -d)
cargo run -q --bin panelmark -- --db "$db/seed.db" --as fuzz demo --candidates 3 >/dev/null
seed transfer_source "$db/seed.db"; rm -rf "$db"
