#!/usr/bin/env bash
# The main job of `make run`, on the embedded SQLite store (BIENNIUM_DATABASE, or by default
# ~/.local/share/biennium/biennium.sqlite). It:
#   1. imports Datasets/ into the store (idempotent: a second run adds nothing);
#   2. refits the specifications in Models/ (a new stored version each; what changed since the last);
#   3. prints the projection-versus-budget report of the latest biennium in the data under the base, low and
#      high scenarios of Models/scenarios/, and says what each scenario assumes;
#   4. forecasts each specification of Models/ (PCT, Madrid and Hague applications, Madrid registrations and
#      renewals), with 80/95% intervals;
#   5. shows how the 2015-2020 PCT totals were first released and later revised;
#   6. scores the models on PCT in real time (each origin sees the data as first published then), each against
#      drift origin by origin;
#   7. fits log(applications) on the year with a level shift from 2009, with Newey-West standard errors.
set -euo pipefail
binary=${1:-.build/release/biennium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== Importing Datasets/ into the store"
"$binary" import Datasets/ 2>/dev/null | tail -n 1
echo
echo "== Refitting Models/*.yaml"
"$binary" refit Models/
echo
echo "== Projection against the budget (latest biennium in the data; scenarios base, low, high)"
"$binary" compare --scenarios base,low,high
echo
for scenario in base low high; do
  "$binary" scenario show "$scenario"
  echo
done
for spec in Models/*.yaml; do
  echo "== Forecast: $spec"
  "$binary" forecast --spec "$spec"
  echo
done
echo "== PCT international applications: first releases and revisions, 2015-2020"
"$binary" series show pct.applications --vintages --format csv |
  awk -F, 'NR == 1 || ($2 >= 2015 && $2 <= 2020) { print $2 "\t" $3 "\t" $4 }' | sed -E 's/\t/  /g' | column -t 2>/dev/null || true
echo
echo "== Real-time backtest of PCT applications, origins 2008-2018, two years ahead"
"$binary" backtest pct.applications --origins 2008...2018 --horizon 2 --real-time --models naive,drift,ets,etsw,dotheta,auto --baseline drift | grep -v '^Skipped'
echo
"$binary" series show pct.applications --format csv > "$work/pct.csv"
echo "== Trend regression on the latest vintage of each year (2002 is a gap in the published record)"
"$binary" regress --data "$work/pct.csv" --formula 'log(value) ~ period + step(2009)' --covariance newey-west:2
