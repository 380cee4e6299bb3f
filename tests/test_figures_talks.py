"""The talks and timeline charts (pakafg.figures.talks, pakafg.figures.timeline) on small hand-made frames."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.text import Text

from pakafg import charts
from pakafg.figures import talks, timeline

AS_OF = "2025-12-31"


def texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def assert_phone_ready(fig):
    assert fig.get_figwidth() == charts.WIDTH
    small = {t.get_text(): t.get_fontsize() for t in texts(fig) if t.get_fontsize() < charts.MIN_FONT}
    assert not small, f"text below {charts.MIN_FONT} pt: {small}"
    fig.canvas.draw()  # tick labels are made at draw time: check them too
    assert min(t.get_fontsize() for t in texts(fig)) >= charts.MIN_FONT


def markers(ax) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))


def rounds():
    return pd.DataFrame({
        "round_id": ["UN-1", "PT-1", "PT-2", "PT-3"],
        "event_id": ["E1", "E2", "E3", "E4"],
        "name": ["Envoys' meeting", "First round", "Second round", "Regional meeting"],
        "label": ["Alpha", "Bravo", "Charlie", "Delta"],
        "track": ["un_doha_process", "bilateral_peace_track", "bilateral_peace_track", "regional_format"],
        "date_start": pd.to_datetime(["2024-03-01", "2025-10-10", "2025-10-20", "2025-11-15"]),
        "date_end": pd.to_datetime(["2024-03-02", "2025-10-11", "2025-10-24", "2025-11-15"]),
    })


def commitments():
    return pd.DataFrame({
        "commitment_id": ["CM-01", "CM-02", "CM-03", "CM-04", "CM-05"],
        "round_id": ["PT-1", "PT-1", "PT-1", "PT-2", "PT-2"],
        "status": ["broken", "broken", "kept", "unclear", "pending"],
        "status_date": pd.to_datetime(["2025-11-01"] * 5),
    })


def violence():
    return pd.DataFrame({
        "event_id": ["V1", "V2", "V3", "V4", "V5"],
        "date_start": pd.to_datetime(["2024-05-01", "2025-10-05", "2025-10-05", "2025-10-30", "2025-12-01"]),
        "date_end": pd.to_datetime(["2024-05-01", "2025-10-05", "2025-10-08", "2025-10-30", "2025-12-01"]),
        "event_type": ["militant_attack", "air_strike", "air_strike", "clash", "militant_attack"],
        "side": ["TTP", "Pakistan", "Pakistan", "Both forces", "Other militant groups"],
        "title": ["attack", "strike", "strikes", "clash", "attack 2"],
    })


def events():
    return pd.DataFrame({
        "event_id": ["A", "B", "C", "D", "E", "F"],
        "date_start": pd.to_datetime(["2023-01-05", "2023-01-20", "2023-01-25", "2024-06-01", "2025-02-01",
                                      "2025-02-10"]),
        "theme": ["border", "border", "border", "talks", "refugees", "talks"],
    })


def test_commitments_draws_a_numbered_box_per_commitment_in_a_round_by_status_grid():
    fig = talks.commitments(commitments(), rounds(), as_of=AS_OF)
    ax = fig.axes[0]
    assert markers(ax) == 5
    numbers = {t.get_text() for t in ax.texts}
    assert numbers == {"1", "2", "3", "4", "5"}
    # a row per round with commitments (in the rounds' order), a column per status
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Bravo", "Charlie"]
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == list(talks.T.STATUS_LABELS.values())
    assert_phone_ready(fig)
    plt.close(fig)


def test_commitments_boxes_in_one_cell_do_not_overlap():
    fig = talks.commitments(commitments(), rounds(), as_of=AS_OF)
    ax = fig.axes[0]
    fig.canvas.draw()
    boxes = sorted((t.get_window_extent() for t in ax.texts if t.get_text() in {"1", "2"}), key=lambda b: b.x0)
    assert boxes[0].y0 == pytest.approx(boxes[1].y0)  # side by side on the Bravo row
    gap_points = (boxes[1].x0 - boxes[0].x0) * 72 / fig.dpi
    assert gap_points >= talks.BOX_POINTS
    plt.close(fig)


def test_commitments_data_names_each_round():
    data = talks.commitments_data(commitments(), rounds())
    assert list(data.columns) == ["commitment_id", "promise", "round_id", "round_label", "status", "status_date"]
    assert list(data["round_label"]) == ["Bravo", "Bravo", "Bravo", "Charlie", "Charlie"]


def test_commitments_refuse_an_unknown_round_or_status():
    with pytest.raises(ValueError, match="not in the rounds table"):
        talks.commitments(commitments().assign(round_id="PT-9"), rounds(), as_of=AS_OF)
    with pytest.raises(ValueError, match="categories not in"):
        talks.commitments(commitments().assign(status="forgotten"), rounds(), as_of=AS_OF)


def test_talks_violence_draws_events_in_lanes_and_labels_the_rounds():
    fig = talks.talks_violence(violence(), rounds(), start="2024-01-01", focus_start="2025-10-01", as_of=AS_OF)
    wide, close = fig.axes
    assert markers(wide) == 5 and markers(close) == 4  # the close-up starts in October 2025
    for ax in (wide, close):
        assert [t.get_text() for t in ax.get_yticklabels()] == list(talks.SIDE_LANES.values())
    words = {t.get_text() for t in texts(fig)}
    assert {"Alpha", "Peace track", "From January 2024", "From October 2025"} <= words
    assert {"Bravo", "Charlie", "Delta"} <= {t.get_text() for t in close.texts}
    assert "Bravo" not in {t.get_text() for t in wide.texts}  # the wide panel names the peace track once
    assert not fig.legends and not wide.get_legend() and not close.get_legend()  # lanes and labels, no legend
    assert_phone_ready(fig)
    plt.close(fig)


def test_round_labels_do_not_overlap():
    fig = talks.talks_violence(violence(), rounds(), start="2024-01-01", focus_start="2025-10-01", as_of=AS_OF)
    fig.canvas.draw()
    close = fig.axes[1]
    boxes = [t.get_window_extent() for t in close.texts]
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)
    plt.close(fig)


def test_talks_violence_data_puts_events_and_rounds_on_one_timeline():
    data = talks.talks_violence_data(violence(), rounds())
    assert len(data) == 9
    assert list(data.columns) == ["event_id", "date_start", "date_end", "kind", "side", "title"]
    assert data["date_start"].is_monotonic_increasing
    assert set(data.loc[data["side"] == "talks", "title"]) == set(rounds()["name"])


def test_talks_violence_refuses_an_unknown_side_and_a_close_up_before_the_start():
    with pytest.raises(ValueError, match="no lane or colour for side"):
        talks.talks_violence(violence().assign(side="Aliens"), rounds(), start="2024-01-01",
                             focus_start="2025-10-01", as_of=AS_OF)
    with pytest.raises(ValueError, match="focus_start"):
        talks.talks_violence(violence(), rounds(), start="2025-10-01", focus_start="2024-01-01", as_of=AS_OF)


def test_timeline_stacks_one_dot_per_event_in_a_lane_per_theme():
    fig = timeline.all_events(events(), as_of=AS_OF)
    ax = fig.axes[0]
    assert markers(ax) == 6
    headings = [t.get_text() for t in ax.texts]
    assert headings == ["Talks and diplomacy: 2 events", "Border conflict and militancy: 3 events",
                        "Afghans in Pakistan: 1 event"]
    heights = {t.get_text().split(":")[0]: t.get_position()[1] for t in ax.texts}
    assert heights["Talks and diplomacy"] > heights["Border conflict and militancy"] > heights["Afghans in Pakistan"]
    assert_phone_ready(fig)
    plt.close(fig)


def test_timeline_stacks_events_of_one_month():
    stacks = timeline.monthly_stacks(events())
    border = stacks[stacks["theme"] == "border"]
    assert list(border["level"]) == [0, 1, 2]
    assert (border["month"] == pd.Timestamp("2023-01-01")).all()


def test_timeline_refuses_an_unknown_theme_or_a_missing_date():
    with pytest.raises(ValueError, match="themes without a label"):
        timeline.all_events(events().assign(theme="sport"), as_of=AS_OF)
    with pytest.raises(ValueError, match="start date"):
        timeline.all_events(events().assign(date_start=pd.NaT), as_of=AS_OF)


def test_a_restated_promise_keeps_its_first_number_in_a_grey_box():
    frame = commitments().assign(restates=[None, None, "CM-01", None, None])
    fig = talks.commitments(frame, rounds(), as_of="2026-04-08")
    ax = fig.axes[0]
    numbers = sorted(t.get_text() for t in ax.texts)
    assert numbers.count("1") == 2 and "3" not in numbers
    plt.close(fig)


def test_promise_lifespans_draws_a_bar_per_statement_hatched_while_open():
    frame = commitments()
    fig = talks.promise_lifespans(frame, rounds(), as_of="2026-04-08")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert len(bars) == len(frame)
    assert sum(1 for p in bars if p.get_hatch()) == 2  # unclear and pending run on to the as-of date
    assert fig.get_figwidth() == charts.WIDTH
    assert min(t.get_fontsize() for t in fig.findobj(Text) if t.get_text()) >= charts.MIN_FONT
    plt.close(fig)
    with pytest.raises(ValueError, match="no commitments"):
        talks.promise_lifespans(frame.iloc[0:0], rounds(), as_of="2026-04-08")
