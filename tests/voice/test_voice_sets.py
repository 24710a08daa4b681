"""The own voice sets: the held-out part is frozen; both sets are well-formed."""

import csv
import hashlib
from pathlib import Path

HERE = Path(__file__).parent
HELD_OUT = HERE / "sets" / "heldout.tsv"
FROZEN = "52e05c4045e4b8a9d171e9dea2312ac58260224841cfba92cddbe4e557ade6c3"
KINDS = {"section", "department", "service", "search"}


def rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_held_out_set_is_unchanged():
    assert hashlib.sha256(HELD_OUT.read_bytes()).hexdigest() == FROZEN


def test_the_sets_hold_at_least_100_utterances_of_the_four_kinds():
    own, held_out = rows(HERE / "utterances.tsv"), rows(HELD_OUT)
    assert len(own) + len(held_out) >= 100
    assert {row["target_kind"] for row in own + held_out} == KINDS
    assert all(row["utterance"] and row["target"] for row in own + held_out)


def test_a_department_row_is_right_by_full_or_short_name():
    from eval_voice import Row
    from eval_voice import strict

    row = Row("我要找公安分局", "department", "公安分局", "zh", "nanshan")
    assert strict(row, {"kind": "department", "target": "深圳市公安局南山分局"})
    assert not strict(row, {"kind": "department", "target": "南山区民政局"})
    row = Row("残联", "department", "残疾人联合会", "zh", "nanshan")
    assert strict(row, {"kind": "department", "target": "南山区残疾人联合会"})
