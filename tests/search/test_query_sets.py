"""The search evaluation sets are well formed, and the held-out set stays frozen."""

import csv
import hashlib
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SERVICES = HERE.parents[1] / "profiles" / "common" / "content" / "services.tsv"
SETS = [
    HERE / "queries.tsv",
    HERE / "sets" / "heldout.tsv",
]
KINDS = {
    "exact",
    "partial",
    "colloquial",
    "synonym",
    "pinyin",
    "initials",
    "typo",
    "traditional",
    "english",
}
# Written before any result was seen (sets/README.md); a change needs a new set.
HELD_OUT_SHA256 = "f5e7d9ce372d7ac877dde814caf86967f35d10b00d5d5ae3a4d225aaf9956f78"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _service_ids():
    return {row["id"] for row in _rows(SERVICES)}


@pytest.mark.parametrize("path", SETS, ids=lambda path: path.name)
def test_every_row_names_known_services_a_kind_and_a_language(path):
    services = _service_ids()
    for number, row in enumerate(_rows(path), start=2):
        where = f"{path.name}, row {number}"
        assert row["kind"] in KINDS, where
        assert row["language"] in ("zh", "en"), where
        assert row["query"].strip(), where
        assert set(row["expected"].split("|")) <= services, where


def test_no_query_is_in_two_sets():
    seen = {}
    for path in SETS:
        for row in _rows(path):
            key = (row["query"], row["language"])
            assert key not in seen, f"{row['query']} in {seen.get(key)} and {path.name}"
            seen[key] = path.name


def test_the_held_out_set_is_frozen():
    digest = hashlib.sha256((HERE / "sets" / "heldout.tsv").read_bytes()).hexdigest()
    assert digest == HELD_OUT_SHA256
