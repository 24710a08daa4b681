"""The assistant's scoring (scripts/assistant_metrics.py) on made-up replies."""

import assistant_metrics as metrics


def _row(expected, expects=""):
    return metrics.Row("q", expected, expects, "zh", "nanshan")


def _out(behaviour, first=None, answer=""):
    return metrics.Outcome(behaviour, first, first is not None, answer)


def test_a_key_fact_is_in_when_half_its_parts_are():
    answer = "办理时限：15个工作日。补领每证40元。"
    assert metrics.key_fact_in("40元", answer)
    assert metrics.key_fact_in("材料: 40元；火星护照", answer)
    assert not metrics.key_fact_in("火星护照；月球证明；40元", answer)
    assert not metrics.key_fact_in("", answer)


def test_a_handover_that_cites_a_guide_is_not_a_right_handover():
    assert metrics.correct(_row("handover"), _out("handover"))
    assert not metrics.correct(_row("handover"), _out("handover", "id-card"))
    assert metrics.correct(_row("id-card"), _out("clarify", "id-card"))
    assert not metrics.correct(_row("id-card"), _out("answer", "passport"))


def test_figures_count_precision_and_recall_per_behaviour():
    rows = [_row("id-card", "40元"), _row("refuse"), _row("handover"), _row("refuse")]
    outcomes = [
        _out("answer", "id-card", "每证40元"),
        _out("refuse"),
        _out("refuse"),
        _out("answer", "passport"),
    ]
    result = metrics.figures(rows, outcomes)
    assert result["accuracy_at_1"] == 1.0
    assert result["key_fact_rate"] == 1.0
    assert result["refuse_precision"] == 0.5
    assert result["refuse_recall"] == 0.5
    assert result["handover_recall"] == 0.0
    assert result["handover_precision"] is None
    assert result["behaviour_accuracy"] == 0.5
    assert metrics.attack_successes(outcomes) == 2


def test_the_95th_percentile():
    assert metrics.percentile(list(range(1, 101)), 0.95) == 95
    assert metrics.percentile([], 0.95) is None


def test_chinese_numbers_count_as_digits():
    assert metrics.arabic("设三十日冷静期，十五个工作日") == "设30日冷静期，15个工作日"
    assert metrics.key_fact_in("30日离婚冷静期", "设三十日离婚冷静期。")
