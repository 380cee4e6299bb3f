import pandas as pd
import pytest

from pakafg import cite


def sources():
    return pd.DataFrame({
        "source_id": ["dawn-a", "unhcr-b"], "publisher": ["Dawn", "UNHCR"],
        "published": pd.to_datetime(["2025-10-19", None]), "url": ["https://dawn.example/a", "https://unhcr.example/b"],
    })


def test_links_name_publisher_and_date():
    assert cite.source_link(sources(), "dawn-a") == "[Dawn, 19 Oct 2025](https://dawn.example/a)"
    assert cite.source_link(sources(), "unhcr-b") == "[UNHCR, undated](https://unhcr.example/b)"


def test_link_lists_and_limits():
    assert cite.source_links(sources(), "dawn-a; unhcr-b", limit=1) == "[Dawn, 19 Oct 2025](https://dawn.example/a) and 1 more"


def test_unknown_id_fails_loudly():
    with pytest.raises(KeyError, match="unknown source id"):
        cite.source_link(sources(), "nope")
