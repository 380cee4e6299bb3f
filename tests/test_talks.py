import pandas as pd
import pytest

from pakafg import conflict, talks


def events():
    return pd.DataFrame({
        "event_id": ["A1", "A2", "A3", "A4", "A5", "A6"],
        "date_start": pd.to_datetime(["2025-10-01", "2025-10-05", "2025-10-10", "2025-10-12", "2025-10-20", "2025-09-01"]),
        "date_end": pd.to_datetime(["2025-10-02", None, None, None, None, None]),
        "event_type": ["air_strike", "clash", "talks", "militant_attack", "clash", "militant_attack"],
        "actors": ["PAK;AFG;TTP", "AFG;PAK", "PAK;AFG;QAT", "TTP;PAK", "PAK;AFG", "OTHER;PAK"],
        "title": ["strike", "clash", "talks", "attack", "clash 2", "bla"],
        "place": "", "place_ids": "", "source_ids": "s",
    })


def rounds():
    return pd.DataFrame({
        "round_id": ["PT-2", "PT-1", "XX-9"],
        "name": ["Istanbul round 1 (2nd round overall)", "Doha round (1st round)", "Somewhere talks (informal)"],
        "short_name": ["Istanbul I", "Doha", "Somewhere talks"],
        "track": ["bilateral_peace_track", "bilateral_peace_track", "regional_format"],
        "date_start": pd.to_datetime(["2025-10-15", "2025-10-08", "2025-10-30"]),
        "date_end": pd.to_datetime(["2025-10-16", None, None]),
    })


def test_violence_frame_selects_fighting_and_fills_end_dates():
    frame = talks.violence_frame(events())
    assert list(frame["event_id"]) == ["A6", "A1", "A2", "A4", "A5"]
    assert "A3" not in set(frame["event_id"])
    one_day = frame.set_index("event_id").loc["A2"]
    assert one_day["date_end"] == one_day["date_start"]
    # who acted follows the report's single rule in pakafg.conflict
    assert list(frame["side"]) == [conflict.acting_side(t, a) for t, a in
                                   zip(frame["event_type"], events().set_index("event_id").loc[frame["event_id"], "actors"],
                                       strict=True)]
    # a period keeps events that overlap it
    assert list(talks.violence_frame(events(), start="2025-10-02", end="2025-10-12")["event_id"]) == ["A1", "A2", "A4"]


def test_rounds_frame_sorts_and_labels():
    frame = talks.rounds_frame(rounds())
    assert list(frame["round_id"]) == ["PT-1", "PT-2", "XX-9"]
    assert list(frame["label"]) == ["Doha", "Istanbul I", "Somewhere talks"]
    assert frame.loc[0, "date_end"] == pd.Timestamp("2025-10-08")
    assert frame.loc[2, "track_label"] == "Regional format"


def test_violence_around_rounds_counts_windows_and_cuts_at_as_of():
    table = talks.violence_around_rounds(rounds(), talks.violence_frame(events()), 7, "2025-11-02").set_index("round_id")
    # Doha 8 Oct: before = 1-7 Oct (strike 1 Oct, clash 5 Oct); after = 9-15 Oct (attack 12 Oct)
    assert table.loc["PT-1", ["state_before", "state_after", "militant_before", "militant_after"]].tolist() == [2, 0, 0, 1]
    # Istanbul 15-16 Oct: before = 8-14 Oct (attack 12 Oct); after = 17-23 Oct (clash 20 Oct)
    assert table.loc["PT-2", ["state_before", "state_after", "militant_before", "militant_after"]].tolist() == [0, 1, 1, 0]
    assert table.loc["PT-2", "days_after_observed"] == 7
    assert table.loc["XX-9", "days_after_observed"] == 3
    with pytest.raises(ValueError):
        talks.violence_around_rounds(rounds(), talks.violence_frame(events()), 0, "2025-11-02")


def test_short_text_shortens_curated_cells():
    assert talks.short_text("Spokesman Zabihullah Mujahid (with others)") == "Spokesman Zabihullah Mujahid"
    assert talks.short_text("Qatar;Türkiye (Qatari officials; Kalin present)") == "Qatar, Türkiye"
    assert talks.short_text("Invited; declined to attend") == "Invited, declined to attend"
    long = "Not officially named. Reports describe a two-member team of senior military or security officials"
    assert talks.short_text(long) == "Not officially named"
    assert talks.short_text("Not named; 'senior officials' handling foreign affairs, defence and security") == "Not named"


def test_ordered_counts_keeps_zeros_and_rejects_unknown():
    counts = talks.ordered_counts(pd.Series(["kept", "broken", "broken"]), talks.STATUS_ORDER)
    assert counts.to_dict() == {"kept": 1, "partly_kept": 0, "pending": 0, "unclear": 0, "broken": 2}
    with pytest.raises(ValueError, match="maybe"):
        talks.ordered_counts(pd.Series(["maybe"]), talks.STATUS_ORDER)


def test_every_round_in_the_dataset_has_a_label_and_track():
    from pakafg import load_dataset

    data = load_dataset()
    frame = talks.rounds_frame(data["talks_rounds"])
    assert frame["label"].str.len().gt(0).all()
    assert frame["track_label"].notna().all()
    assert set(talks.violence_frame(data["events"])["side"]) <= set(conflict.ACTING_COLOURS)


def commitment_rows():
    rounds = pd.DataFrame({"round_id": ["R1", "R2", "R3"], "label": ["Doha", "Istanbul", "Riyadh"],
                           "date_start": pd.to_datetime(["2025-10-18", "2025-10-25", "2025-11-30"])})
    commitments = pd.DataFrame({
        "commitment_id": ["CM-01", "CM-02", "CM-03", "CM-04"], "round_id": ["R1", "R1", "R2", "R3"],
        "commitment": ["Ceasefire", "Meet again", "Continue the ceasefire", "Uphold the ceasefire"],
        "restates": [None, None, "CM-01", "CM-01"], "status": ["kept", "kept", "kept", "broken"],
        "status_date": pd.to_datetime(["2025-10-20", "2025-10-25", "2025-11-01", "2025-12-06"]),
        "evidence": ["a", "b", "c", "d"]})
    return commitments, rounds


def test_a_restated_promise_counts_once_with_its_latest_fate():
    commitments, rounds = commitment_rows()
    distinct = talks.distinct_commitments(commitments, rounds).set_index("commitment_id")
    assert list(distinct.index) == ["CM-01", "CM-02"]
    assert distinct.loc["CM-01", "rounds"] == "Doha; Istanbul; Riyadh" and distinct.loc["CM-01", "restated"] == 2
    assert distinct.loc["CM-01", "status"] == "broken" and distinct.loc["CM-01", "latest_id"] == "CM-04"
    commitments.loc[0, ["status", "status_date"]] = ["broken", pd.Timestamp("2026-02-27")]  # the first, broken last
    distinct = talks.distinct_commitments(commitments, rounds).set_index("commitment_id")
    assert distinct.loc["CM-01", "latest_id"] == "CM-01" and distinct.loc["CM-01", "status_date"].year == 2026


def test_a_restatement_cannot_come_before_its_promise():
    commitments, rounds = commitment_rows()
    commitments.loc[0, "restates"] = "CM-04"
    commitments.loc[3, "restates"] = None
    with pytest.raises(ValueError, match="later round"):
        talks.distinct_commitments(commitments, rounds)


def test_the_dataset_restates_only_earlier_commitments():
    from pakafg import load_dataset
    data = load_dataset()
    distinct = talks.distinct_commitments(data["commitments"], talks.rounds_frame(data["talks_rounds"]))
    assert len(distinct) < len(data["commitments"])


def test_events_before_two_close_rounds_count_once():
    rounds = pd.DataFrame({"round_id": ["R1", "R2"], "event_id": ["E1", "E2"], "name": ["a", "b"],
                           "short_name": ["A", "B"], "track": ["bilateral_peace_track"] * 2,
                           "date_start": pd.to_datetime(["2025-10-18", "2025-10-25"]),
                           "date_end": pd.to_datetime(["2025-10-19", "2025-10-30"])})
    violence = pd.DataFrame({"event_id": ["V1", "V2", "V3"], "event_type": ["clash", "air_strike", "militant_attack"],
                             "date_start": pd.to_datetime(["2025-10-15", "2025-11-02", "2025-10-16"])})
    assert talks.distinct_events_around(rounds, violence, 14) == {"before": 1, "after": 1}
