import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from pakafg import maps


def test_outlines_ship_with_an_installed_package():
    assert maps.outlines_path().is_file()


def test_afghanistan_and_pakistan_outlines_contain_their_capitals():
    paths = maps.country_paths()
    assert paths["AFG"].contains_point((69.18, 34.53))   # Kabul
    assert paths["PAK"].contains_point((73.06, 33.69))   # Islamabad
    assert not paths["AFG"].contains_point((73.06, 33.69))
    assert paths["PAK"].contains_point((71.55, 34.0))    # Peshawar


def test_draw_countries_limits_and_corrects_aspect():
    fig, ax = plt.subplots()
    maps.draw_countries(ax, {"AFG": {"facecolor": "#eee"}, "PAK": {"facecolor": "#ddd"}}, bbox=(60, 76, 29, 38))
    assert ax.get_xlim() == (60, 76) and ax.get_ylim() == (29, 38)
    assert len(ax.patches) == 2
    assert 1.1 < ax.get_aspect() < 1.3
    plt.close(fig)
