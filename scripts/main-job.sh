#!/usr/bin/env bash
# The main job of `make run`, on the embedded data in Datasets/.
# Until the series store and the budget comparison land, it is a regression report: the log of
# PCT international applications (the latest published vintage of each year) on a linear trend with a
# level shift from 2009, the year of the financial-crisis dip, with Newey-West standard errors.
set -euo pipefail
binary=${1:-.build/release/biennium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Latest vintage per year of pct.applications: quoted source texts are dropped first (they hold commas),
# then fields are series, period, value, status, source, vintage.
sed -E 's/"([^"]|"")*"//g' Datasets/series/pct.csv |
  awk -F, '$1 == "pct.applications" && $2 ~ /^[0-9][0-9][0-9][0-9]$/ {
             if (!($2 in vintage) || $6 >= vintage[$2]) { vintage[$2] = $6; value[$2] = $3 } }
           END { for (y in value) print y "," value[y] }' |
  sort -t, -k1,1 | { echo "year,applications"; cat; } > "$work/pct.csv"

echo "PCT international applications, $(($(wc -l < "$work/pct.csv") - 1)) years of Datasets/series/pct.csv (latest vintage of each year; 2002 is a gap)"
echo
"$binary" regress --data "$work/pct.csv" --formula 'log(applications) ~ year + step(2009)' --covariance newey-west:2
