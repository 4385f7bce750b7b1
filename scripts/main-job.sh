#!/usr/bin/env bash
# The main job of `make run`, on the embedded SQLite store (BIENNIUM_DATABASE, or by default
# ~/.local/share/biennium/biennium.sqlite). Until the forecasting and budget layers land it:
#   1. imports Datasets/ into the store (idempotent: a second run adds nothing);
#   2. shows PCT international applications as known today (latest vintage of each year) and how the
#      2015-2019 totals were revised;
#   3. fits log(applications) on the year with a level shift from 2009 (the financial-crisis dip),
#      with Newey-West standard errors, and the same model with AR(1) errors.
set -euo pipefail
binary=${1:-.build/release/biennium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Importing Datasets/ into the store"
"$binary" import Datasets/ 2>/dev/null | tail -n 1
echo
echo "== PCT international applications: first releases and revisions, 2015-2020"
"$binary" series show pct.applications --vintages --format csv |
  awk -F, 'NR == 1 || ($2 >= 2015 && $2 <= 2020) { print $2 "\t" $3 "\t" $4 }' | sed -E 's/\t/  /g' | column -t 2>/dev/null || true
echo
"$binary" series show pct.applications --format csv > "$work/pct.csv"
echo "== Trend regression on the latest vintage of each year (2002 is a gap in the published record)"
"$binary" regress --data "$work/pct.csv" --formula 'log(value) ~ period + step(2009)' --covariance newey-west:2
echo
echo "== The same model with AR(1) errors (iterated Prais-Winsten)"
"$binary" regress --data "$work/pct.csv" --formula 'log(value) ~ period + step(2009)' --ar1 | sed -n '1,/^---/p'
