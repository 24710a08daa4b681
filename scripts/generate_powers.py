"""Write a generated demo powers list to a CSV file (or XLSX by the suffix).

    uv run python scripts/generate_powers.py var/powers-nanshan.csv
    uv run python scripts/generate_powers.py out.xlsx --district nanshan --total 8091

Deterministic: the same seed gives the same list. The sizes, seed and code prefix
default to the district's profiles/<district>/powers.toml. `make start` does not need
this script (its `powers` setup step generates and imports by itself); use it to get
a spreadsheet to edit and import.
"""

import argparse
import sys
from pathlib import Path

from zhengwu.powers.generate import generate_powers
from zhengwu.powers.setup_step import powers_settings
from zhengwu.powers.sheet import format_of
from zhengwu.powers.sheet import write_sheet
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import profiles_directory


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="the .csv or .xlsx file to write")
    parser.add_argument("--district", default="nanshan")
    parser.add_argument("--total", type=int)
    parser.add_argument("--seed", type=int)
    options = parser.parse_args(argv)
    profile = load_district_profile(profiles_directory() / options.district)
    settings = powers_settings(profile) or {}
    total = options.total or settings.get("generate") or 8091
    seed = options.seed if options.seed is not None else settings.get("seed", 2026)
    prefix = settings.get("prefix", profile.id[:2].upper())
    rows = generate_powers(profile.departments, total, prefix=prefix, seed=seed)
    output = Path(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(write_sheet(rows, format_of(output.name)))
    print(f"{len(rows)} items over {len(profile.departments)} bodies → {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
