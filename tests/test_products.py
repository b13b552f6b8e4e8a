"""A product the commodity table does not know is read under its own name (the contract's id rule), not refused;
the rules keep its figures for review."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.rules.sections import named_product


def test_a_product_is_named_where_the_text_names_what_it_counts() -> None:
    assert named_product("Shandong Jan-Mar needle coke output at 41,200 T") == "needle_coke"
    assert named_product("The association said members produced 8.4 kt of bismuth ingots in 2021.") == "bismuth_ingot"
    assert named_product("In May 2023, domestic La-Ce oxide production was 9,100 mt, down 2% MoM.") == "la_ce_oxide"
    assert named_product("Output of anode foil in the province rose 4% in June.") == "anode_foil"
    # a possessive's "s" is no word of the name
    assert named_product("Japan's cobalt powder output rose 3% in May.") == "cobalt_powder"
    assert named_product("Korea’s zirconium sponge output fell.") == "zirconium_sponge"
    assert named_product("The plant's output rose after the overhaul.") is None  # a plant is no product
    # a word of the sentence's grammar before "production" is no product; the product named later still is
    assert named_product("Shipments fell in 2019, when production of gallium metal fell to 310 t.") == "gallium_metal"
    assert named_product("Sales slowed while production held up at the smelter.") is None
    # what a country imports or exports of a product is counted too
    assert named_product("India: chrome concentrate imports slip 5% in May") == "chrome_concentrate"
    assert named_product("Chinese exports of nickel matte rose to 9,200 t in June.") == "nickel_matte"
    assert named_product("Imports fell while the ports were shut.") is None
    # a measure's kind in a table's row is no product; the product after it still is
    assert named_product("Refined production\n410.2\nMetal production\n388.0") is None
    assert named_product("Mine production eased while output of tellurium ingots rose.") == "tellurium_ingot"
    # a change or a part of the year before the name is no word of it; a trade name is the metal's own
    assert named_product("Miners reported a sharp drop in hafnium output for March.") == "hafnium"
    assert named_product("Second-quarter niobium production climbed 8%.") == "niobium"
    assert named_product("World moly output edged up to 71 million lb.") == "molybdenum"
    # a clause's opening word is no word of the name, and a concentrate named alone is a mine's part, no product
    assert named_product("Mine supply rose 3%, with germanium ingot output up 4%.") == "germanium_ingot"
    assert named_product("Mine supply rose 3%, with concentrate output up 4%.") is None
    # a month or a word that names no product ends none: the name is what follows the last of them
    assert named_product("A rolling line shut, which trimmed overall June output by 2%.") is None
    assert named_product("Smelters said overall indium sponge output was flat.") == "indium_sponge"


def _stored_facts(tmp_path: Path, text: str, columns: str) -> list[tuple[object, ...]]:
    """The facts `extractor run` stores for a text of our own, as rows of the columns named."""
    doc = tmp_path / "report.txt"
    doc.write_text(text)
    db = tmp_path / "x.db"
    result = CliRunner().invoke(app, ["run", str(doc), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return sqlite3.connect(db).execute(f"SELECT {columns} FROM facts").fetchall()


def test_a_report_about_an_unknown_product_is_read_not_refused(tmp_path: Path) -> None:
    rows = _stored_facts(tmp_path, "Anode foil output in China came to 61,300 mt in August 2025, up 2.4% month on "
                         "month, as two lines in Xinjiang restarted.\n", "commodity, measure, value_num, status")
    assert ("anode_foil", "level", 61300.0, "needs_review") in rows
    assert ("anode_foil", "mom_pct", 2.4, "needs_review") in rows


def test_the_contracts_other_products_are_named_by_their_ids_words() -> None:
    # a compound id spells the name the rules read ("steel billet", "copper cathode rod"), ahead of the metal inside
    # it; a bare metal's id, a mine's and the concentrate of a metal the table names are not read that way
    from extractor.text.commodities import OTHER_PRODUCT_NAMES, commodity_mentions

    assert OTHER_PRODUCT_NAMES["steel_billet"] == ("steel billet", "steel billets")
    assert "copper_cathode_rod" in OTHER_PRODUCT_NAMES and "manganese_ore" in OTHER_PRODUCT_NAMES
    assert not {"gallium", "mined_copper", "zinc_concentrate", "antimony_concentrate"} & set(OTHER_PRODUCT_NAMES)
    assert "tungsten_concentrate" in OTHER_PRODUCT_NAMES  # no metal of the table's: a product of its own
    found = [c for _, _, c, _ in commodity_mentions("copper cathode rod output rose while copper cathode output fell")]
    assert found == ["copper_cathode_rod", "copper_cathode"]


def test_a_surveyed_processing_sector_is_read_under_its_own_name(tmp_path: Path) -> None:
    # the sector whose operating rate a survey gives, named by its makers or as a sector: its own id, even where its
    # name holds a metal the table knows ("aluminium cable" makers are not aluminium smelters)
    rows = _stored_facts(tmp_path, "Operating rate at major Chinese cable & harness makers slipped in May\n\nThe "
                         "capacity utilization rate at major Chinese cable & harness makers fell 1.9 percentage points "
                         "on the month to 63.4% in May 2024, a survey found, as grid orders slowed.\n",
                         "commodity, measure, value_num")
    assert ("cable_and_harness", "level", 63.4) in rows and ("cable_and_harness", "mom_pp", -1.9) in rows
    from extractor.rules.sections import surveyed_sector

    assert surveyed_sector("the operating rate in the aluminium busbar and cable sector rose") \
        == "aluminum_busbar_and_cable"
    # a product the table knows, one of its kinds, or a sector of it, stays the table's to name
    assert surveyed_sector("the operating rate of domestic copper rod makers rose") is None
    assert surveyed_sector("the operating rate of scrap-fed copper rod producers rose") is None
    assert surveyed_sector("the operating rate in the construction extrusion sector fell") is None
    assert surveyed_sector("raising the operating rate of some separation makers") is None


def test_a_product_named_after_a_known_metal_with_its_month_between_is_its_own(tmp_path: Path) -> None:
    # "bismuth trioxide output in May fell": a compound of the metal, not the metal's product, even with the month
    # between its name and the move; the metal's own figures before it stay the metal's
    rows = _stored_facts(tmp_path, "Refined bismuth output in China reached 1,620 mt in May 2024, up 3.2% from "
                         "April.\n\nBismuth trioxide output in May was 6.5% lower year on year; Q1 production came to "
                         "2,870 mt, down 4%.\n", "commodity, metric, measure, value_num, status")
    assert ("refined_bismuth", "production", "level", 1620.0, "accepted") in rows
    assert ("refined_bismuth", "production", "mom_pct", 3.2, "accepted") in rows
    assert ("bismuth_trioxide", "production", "yoy_pct", -6.5, "needs_review") in rows
    assert ("bismuth_trioxide", "cumulative_production", "level", 2870.0, "needs_review") in rows
    assert not [r for r in rows if r[0] == "refined_bismuth" and r[3] in (6.5, -6.5, 2870.0)]


def test_a_list_of_products_reads_each_unknown_name_as_its_own_product(tmp_path: Path) -> None:
    # a statistics office's list: the names the tables know are read as before, the ones they do not are their own
    # products (the contract's id of the name written beside the figure), never the story's product; a place in
    # such a list is no product
    rows = _stored_facts(tmp_path, "Output of principal minerals in March 2023 was as follows: Iron ore 188 lakh "
                         "tonnes, Peat 41 thousand tonnes, Gold 87 kg, Dolomite 290 thousand tonnes and Australia 12 "
                         "thousand tonnes.\n", "commodity, measure, value_num, status")
    assert ("iron_ore", "level", 18800000.0, "accepted") in rows
    assert ("gold", "level", 0.087, "accepted") in rows
    assert ("peat", "level", 41000.0, "accepted") in rows
    assert ("dolomite", "level", 290000.0, "accepted") in rows
    assert not [r for r in rows if r[0] == "iron_ore" and r[2] in (41000.0, 290000.0)]
    assert not [r for r in rows if r[0] == "australia"]


def test_the_output_of_an_unknown_product_with_its_month_between_is_its_own(tmp_path: Path) -> None:
    # "The output of <name> in <month> fell ...": the product named after "output of" is the sentence's own, even
    # with the month between its name and the move; the story's product before it keeps its own figures
    rows = _stored_facts(tmp_path, "MINSK, March 9, 2024. The output of primary aluminium in Belarus rose 1.8% "
                         "year on year in February.\n\nThe output of carbon steel in February dropped by 2.6% to "
                         "0.41 mln metric tons.\n", "commodity, measure, value_num, status")
    assert ("aluminum", "yoy_pct", 1.8, "accepted") in rows
    assert [r for r in rows if r[0] == "carbon_steel" and r[2] == 410000.0 and r[3] == "needs_review"]
    assert not [r for r in rows if r[0] == "aluminum" and r[2] in (2.6, -2.6, 410000.0)]
