import pandas as pd
import pytest

from pakafg import conflict


def claims():
    return pd.DataFrame({
        "claim_id": ["A", "B", "C", "D"],
        "event_id": ["E1", "E1", "E1", "E2"],
        "metric": ["killed", "killed", "militants_killed", "injured"],
        "subject": ["pakistani_soldiers", "pakistani_soldiers", "afghan_taliban_and_ttp_fighters", "pakistani_soldiers"],
        "value": [23, 58, None, 5], "value_low": [None, None, 200, None], "value_high": [None, None, None, None],
        "claimant": ["ISPR", "Mujahid", "ISPR", "ISPR"], "claimant_detail": [None, "spokesman", None, None],
        "claimant_side": ["pakistan", "afghanistan", "pakistan", "pakistan"],
        "as_of": pd.to_datetime(["2025-10-12"] * 4), "source_ids": ["s1", "s2", "s3", "s4"],
    }).astype({"value": "Float64", "value_low": "Float64", "value_high": "Float64"})


def test_competing_claims_stay_separate_rows_with_their_wording():
    frame = conflict.episode_claims(claims(), {"October 2025": ["E1"]})
    assert len(frame) == 3
    soldiers = frame[frame["what"] == "Pakistani security forces killed"]
    assert sorted(soldiers["figure"]) == ["23", "58"]
    fighters = frame[frame["what"] == "Afghan forces and allied fighters killed"].iloc[0]
    assert fighters["figure"] == "at least 200" and fighters["plotted"] == 200


def test_injuries_and_other_events_are_not_mixed_in():
    frame = conflict.episode_claims(claims(), {"October 2025": ["E1"]})
    assert "D" not in set(frame["claim_id"])


def test_no_matching_claims_is_an_error():
    with pytest.raises(ValueError):
        conflict.episode_claims(claims(), {"Nothing": ["E9"]})


def test_violence_events_label_the_acting_side():
    events = pd.DataFrame({
        "event_id": ["a", "b", "c", "d"], "date_start": pd.to_datetime(["2025-10-09", "2025-10-11", "2025-11-11", "2025-10-18"]),
        "date_end": pd.NaT, "event_type": ["air_strike", "clash", "militant_attack", "talks"], "place": "", "place_ids": "",
        "actors": ["PAK;AFG", "AFG;PAK", "OTHER;TTP;PAK", "PAK;AFG"], "title": "", "source_ids": "s",
    })
    frame = conflict.violence_events(events)
    assert list(frame["acting_side"]) == ["Pakistan", "Both forces", "TTP"]
    assert conflict.acting_side("militant_attack", "BLA;PAK") == "Other militant groups"
    assert set(conflict.ACTING_COLOURS) >= set(frame["acting_side"])


def closures():
    return pd.DataFrame({
        "closure_id": ["C1", "C2", "C3", "C4", "C5"], "place_id": ["torkham", "torkham", "ghulam-khan", "torkham", "chaman"],
        "crossing": ["Torkham", "Torkham", "Ghulam Khan", "Torkham", "Chaman (pedestrian movement)"],
        "start": pd.to_datetime(["2025-02-21", "2025-03-01", "2024-09-19", "2025-12-30", "2025-05-01"]),
        "end": pd.to_datetime(["2025-03-19", "2025-03-05", None, None, "2025-05-10"]),
        "last_reported_closed": pd.to_datetime([None, None, None, "2026-01-02", None]),
    })


def test_closure_status_and_known_length():
    spans = conflict.closure_spans(closures(), "2026-04-08").set_index("closure_id")
    assert spans.loc["C1", "status"] == "reopened"
    assert spans.loc["C3", "status"] == "end not reported" and spans.loc["C3", "known_until"] == pd.Timestamp("2024-09-19")
    assert spans.loc["C4", "status"] == "still closed" and spans.loc["C4", "known_until"] == pd.Timestamp("2026-01-02")
    assert spans.loc["C5", "partial"] and not spans.loc["C1", "partial"]


def test_days_closed_count_overlaps_once_and_skip_unknown_and_partial():
    days = conflict.days_closed_by_year(conflict.closure_spans(closures(), "2026-04-08"))
    torkham = days[days["place_id"] == "torkham"].set_index("year")["days_closed"]
    assert torkham[2025] == 27 + 2   # 21 Feb–19 Mar inclusive, plus 30–31 Dec; 1–5 Mar inside the first
    assert torkham[2026] == 2        # counted only to the last report of closure, not to the as-of date
    assert "ghulam-khan" not in set(days["place_id"]) and "chaman" not in set(days["place_id"])


def test_latest_per_claimant_keeps_a_running_tally_once():
    frame = pd.DataFrame({"episode": ["E"] * 3, "what": ["w"] * 3, "claimant": ["Tarar", "Tarar", "UNAMA"],
                          "as_of": pd.to_datetime(["2026-02-27", "2026-03-11", "2026-03-05"]), "plotted": [133.0, 641.0, 56.0]})
    latest = conflict.latest_per_claimant(frame).set_index("claimant")
    assert latest.loc["Tarar", "plotted"] == 641 and latest.loc["UNAMA", "plotted"] == 56


def test_annual_series_prefers_the_producers_own_report_and_skips_interim():
    militancy = pd.DataFrame({
        "period_start": pd.to_datetime(["2024-01-01", "2024-01-01", "2025-01-01", "2026-01-01", "2023-01-01"]),
        "period_end": pd.to_datetime(["2024-12-31", "2024-12-31", "2025-12-31", "2026-01-31", "2023-12-31"]),
        "producer_id": ["picss"] * 4 + ["crss"], "producer": ["PICSS full"] * 4 + ["CRSS full"],
        "producer_short": ["PICSS"] * 4 + ["CRSS"], "metric": ["attacks"] * 4 + ["fatalities_all"],
        "region": ["Pakistan"] * 5, "value": [908, 905, 1063, 87, 1533],
        "vintage": ["later_revision", "own_report", "own_report", "interim", "later_revision"],
        "definition": ["d"] * 5, "source_id": ["s2", "s1", "s3", "s4", "s5"],
    })
    series = conflict.annual_series(militancy).set_index(["producer_id", "year"])
    assert series.loc[("picss", 2024), "value"] == 905
    assert ("picss", 2026) not in series.index
    assert series.loc[("crss", 2023), "value"] == 1533   # a restatement stands in when the report is missing


def test_incident_tolls_list_each_claim_killed_before_injured():
    frame = claims().assign(event_id=["E1", "E1", "E1", "E1"], metric=["injured", "killed", "killed", "killed"],
                            subject=["civilians", "civilians", "fighters", "civilians"],
                            as_of=pd.to_datetime(["2025-10-12", "2025-10-13", "2025-10-12", "2025-10-12"]))
    tolls = conflict.incident_tolls(frame, {"A night": "E1"}, subjects=("civilians",))
    assert list(tolls["claim_id"]) == ["D", "B", "A"]
    assert list(tolls["toll"]) == ["5 killed", "58 killed", "23 injured"]
    assert tolls["claimant"].iloc[1] == "Mujahid (spokesman)"


def test_an_incident_without_tolls_is_an_error():
    with pytest.raises(ValueError, match="no killed or injured claims for Nowhere"):
        conflict.incident_tolls(claims(), {"Nowhere": "E9"}, subjects=("civilians",))


def test_an_event_on_several_places_is_a_site_at_each():
    violence = pd.DataFrame({"event_id": ["E1", "E2", "E3"], "event_type": ["air_strike"] * 3,
                             "place_ids": ["kabul;kandahar;gardez", "khost", None]})
    places = pd.DataFrame({"place_id": ["kabul", "kandahar", "gardez", "khost"], "name": ["Kabul", "Kandahar", "Gardez", "Khost"],
                           "lat": [34.5, 31.6, None, 33.3], "lon": [69.2, 65.7, None, 69.9]})
    sites = conflict.event_sites(violence, places)
    assert list(zip(sites["event_id"], sites["place_id"], strict=True)) == [("E1", "kabul"), ("E1", "kandahar"), ("E1", "gardez"),
                                                               ("E2", "khost")]
    assert sites.set_index("place_id").loc["kandahar", "lat"] == 31.6
    assert sites.set_index("place_id")["lat"].isna().sum() == 1  # kept, so the chapter can say what is not drawn


def test_a_closure_still_in_force_never_reads_as_zero_days():
    closures = pd.DataFrame({
        "closure_id": ["C1", "C2"], "place_id": ["torkham", "chaman"],
        "crossing": ["Torkham", "Chaman"], "start": pd.to_datetime(["2025-12-20", "2025-02-01"]),
        "end": pd.to_datetime([None, "2025-02-10"]), "last_reported_closed": pd.to_datetime(["2025-12-31", None])})
    spans = conflict.closure_spans(closures, "2026-04-08").assign(name=["Torkham crossing", "Chaman crossing"])
    table = conflict.days_closed_table(spans, "2026-04-08").set_index("Crossing")
    assert table.loc["Torkham crossing", "2025"] == "12; still shut at last report"
    assert table.loc["Torkham crossing", "2026"] == "still shut, days not reported"
    assert table.loc["Chaman crossing", "2025"] == "10" and table.loc["Chaman crossing", "2026"] == "0"
