#!/usr/bin/env python3
"""Validate the Datasets folder: observation files, catalog and budget tables.

Usage: python3 Datasets/check.py        (exit status 1 if anything is wrong)

Checks
- series/*.csv: header is exactly `series,period,value,status,source,vintage,note`; every row has
  a non-empty series, period, numeric value, status in {reported, estimate, revised, derived},
  source and vintage; periods and vintages are well formed (a biennium starts in an even year, and no
  figure looks more than 10 years past its publication, as the store's import requires); a file holds only its own system's
  series; no two rows share (series, period, vintage) within a file, vintages compared by the
  last day of their period as the store does.
- catalog.csv: ids are unique; each system is one of PCT, Madrid, Hague, Lisbon, WIPO and matches the
  id's first part; every series used in an observation file or named in a budget
  table is in the catalog; the fixed ids are all there; each series' periods match its frequency;
  `derived` rows belong exactly to the series that have a derivation formula.
- budgets/ and tables/: every row names its source.
"""
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
HEADER = ["series", "period", "value", "status", "source", "vintage", "note"]


def known_by(vintage):
    """The last day of a vintage's period, as the store compares vintages (2017-03 == 2017-03-31)."""
    import calendar
    parts = vintage.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-{calendar.monthrange(int(parts[0]), int(parts[1]))[1]:02d}"
    return vintage
STATUSES = {"reported", "estimate", "revised", "derived"}
FIXED = [
    "pct.applications", "madrid.applications", "madrid.registrations", "madrid.renewals",
    "hague.applications", "hague.registrations", "hague.renewals",
    "pct.unit_cost.per_publication", "madrid.unit_cost.per_registration", "hague.unit_cost.per_design",
    "pct.fee_income", "madrid.fee_income", "hague.fee_income",
]
SYSTEMS = ["pct", "madrid", "hague", "lisbon", "wipo"]
SYSTEM_NAMES = ["PCT", "Madrid", "Hague", "Lisbon", "WIPO"]
PERIOD = {
    "annual": re.compile(r"^\d{4}$"),
    "quarterly": re.compile(r"^\d{4}-Q[1-4]$"),
    "monthly": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "biennial": re.compile(r"^(\d{4})-(\d{4})$"),
}
VINTAGE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
CATALOG_HEADER = ["id", "system", "metric", "unit", "frequency", "definition", "derivation", "source_choice"]

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


def read(path):
    """The header and rows of a CSV file; a row with more or fewer fields than the header is an error (an
    unquoted comma in a text field shifts every later column)."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            if None in row or None in row.values():
                count = len(reader.fieldnames) + len(row.get(None) or []) - list(row.values()).count(None)
                error(f"{path.relative_to(ROOT)}:{reader.line_num}",
                      f"{count} fields, the header has {len(reader.fieldnames)} (quote text that holds commas)")
                continue
            rows.append(row)
        return reader.fieldnames, rows


# ---- catalog
header, catalog_rows = read(ROOT / "catalog.csv")
if header != CATALOG_HEADER:
    error("catalog.csv", f"header is {header}, expected {CATALOG_HEADER}")
catalog = {}
for line, row in enumerate(catalog_rows, start=2):
    sid = row["id"]
    if sid in catalog:
        error(f"catalog.csv:{line}", f"duplicate id {sid}")
    catalog[sid] = row
    for column in ("id", "system", "metric", "unit", "frequency", "definition", "source_choice"):
        if not (row.get(column) or "").strip():
            error(f"catalog.csv:{line}", f"{sid}: empty {column}")
    if row["frequency"] not in PERIOD:
        error(f"catalog.csv:{line}", f"{sid}: unknown frequency {row['frequency']!r}")
    if row["system"] not in SYSTEM_NAMES:
        error(f"catalog.csv:{line}", f"{sid}: system {row['system']!r} is not one of {', '.join(SYSTEM_NAMES)}")
    elif row["system"].lower() != sid.split(".")[0]:
        error(f"catalog.csv:{line}", f"{sid}: system {row['system']!r} does not match the id's first part")
for sid in FIXED:
    if sid not in catalog:
        error("catalog.csv", f"fixed id {sid} is missing")

# ---- observation files
used = set()
status_by_series = defaultdict(set)
counts = {}
for system in SYSTEMS:
    path = ROOT / "series" / f"{system}.csv"
    name = f"series/{system}.csv"
    header, rows = read(path)
    counts[name] = len(rows)
    if header != HEADER:
        error(name, f"header is {header}, expected {HEADER}")
        continue
    keys = Counter()
    for line, row in enumerate(rows, start=2):
        where = f"{name}:{line}"
        for column in ("series", "period", "value", "status", "source", "vintage"):
            if not (row[column] or "").strip():
                error(where, f"empty {column}")
        sid, period, vintage = row["series"], row["period"], row["vintage"]
        if row["status"] not in STATUSES:
            error(where, f"status {row['status']!r} not in {sorted(STATUSES)}")
        try:
            float(row["value"])
        except ValueError:
            error(where, f"value {row['value']!r} is not a number")
        if not VINTAGE.match(vintage or ""):
            error(where, f"vintage {vintage!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if sid.split(".")[0] != system:
            error(where, f"series {sid} does not belong in {name}")
        entry = catalog.get(sid)
        if entry is None:
            error(where, f"series {sid} is not in catalog.csv")
        else:
            pattern = PERIOD.get(entry["frequency"])
            match = pattern.match(period) if pattern else None
            if not match:
                error(where, f"period {period!r} does not fit {sid}'s frequency {entry['frequency']}")
            elif entry["frequency"] == "biennial" and int(match.group(2)) != int(match.group(1)) + 1:
                error(where, f"biennium {period!r} is not two consecutive years")
            elif entry["frequency"] == "biennial" and int(match.group(1)) % 2 != 0:
                error(where, f"biennium {period!r} starts in an odd year; the Program and Budget's start in even years")
            if match and int(period[:4]) + (1 if entry["frequency"] == "biennial" else 0) - int(known_by(vintage)[:4]) > 10:
                error(where, f"a figure for {period} published by {known_by(vintage)} looks more than 10 years ahead")
        keys[(sid, period, known_by(vintage))] += 1
        used.add(sid)
        status_by_series[sid].add(row["status"])
    for key, count in keys.items():
        if count > 1:
            error(name, f"{count} rows share (series, period, vintage) = {key}")

for sid, statuses in status_by_series.items():
    derivation = (catalog.get(sid) or {}).get("derivation", "").strip()
    if derivation and statuses != {"derived"}:
        error("catalog.csv", f"{sid} has a derivation but rows with status {sorted(statuses - {'derived'})}")
    if not derivation and "derived" in statuses:
        error("catalog.csv", f"{sid} has derived rows but no derivation formula")
for sid in catalog:
    if sid not in used:
        print(f"note: catalog id {sid} has no observations")

# ---- budget tables and other tables
for path in sorted((ROOT / "budgets").rglob("*.csv")) + sorted((ROOT / "tables").glob("*.csv")):
    name = str(path.relative_to(ROOT))
    header, rows = read(path)
    counts[name] = len(rows)
    if "source" not in header:
        error(name, "no source column")
    for line, row in enumerate(rows, start=2):
        if "source" in header and not row["source"].strip():
            error(f"{name}:{line}", "empty source")
        for column in ("series", "estimate_series", "updated_estimate_series"):
            sid = (row.get(column) or "").strip()
            if sid and sid not in catalog:
                error(f"{name}:{line}", f"{column} {sid} is not in catalog.csv")

for name, count in counts.items():
    print(f"{name}: {count} rows")
print(f"catalog.csv: {len(catalog)} series, {len(used)} with observations")
if errors:
    print(f"\n{len(errors)} problem(s):", file=sys.stderr)
    for message in errors:
        print(f"  {message}", file=sys.stderr)
    sys.exit(1)
print("OK")
