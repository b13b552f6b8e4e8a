"""Countries as reports name them (a name, an adjective, another spelling) and the contract's region for each: a
lower-case English country name (`../shared/contract/FACTS.md`), `china` for the domestic market, `overseas`."""

from __future__ import annotations

import re

COUNTRIES: dict[str, str] = {
    "china": "china", "chinese": "china", "domestic": "china", "overseas": "overseas",
    "indonesia": "indonesia", "indonesian": "indonesia", "india": "india", "indian": "india",
    "japan": "japan", "japanese": "japan", "russia": "russia", "russian": "russia", "australia": "australia",
    "australian": "australia", "chile": "chile", "chilean": "chile", "peru": "peru", "peruvian": "peru",
    "philippines": "philippines", "philippine": "philippines", "filipino": "philippines", "vietnam": "vietnam",
    "viet nam": "vietnam", "malaysia": "malaysia", "brazil": "brazil", "canada": "canada", "canadian": "canada",
    "drc": "dr congo", "congo": "dr congo", "south korea": "south korea", "korea": "south korea",
    "republic of korea": "south korea",
    "korean": "south korea", "turkey": "turkey", "türkiye": "turkey", "turkiye": "turkey", "turkish": "turkey",
    "united states": "united states", "u.s.": "united states", "us": "united states", "usa": "united states",
    "america": "united states", "u s": "united states", "u k": "united kingdom",  # (as normalized text reads them)
    "united kingdom": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "british": "united kingdom", "germany": "germany", "german": "germany", "netherlands": "netherlands",
    "dutch": "netherlands", "france": "france", "french": "france", "mexico": "mexico", "mexican": "mexico",
    "norway": "norway", "norwegian": "norway", "spain": "spain", "spanish": "spain", "italy": "italy",
    "italian": "italy", "sweden": "sweden", "swedish": "sweden", "finland": "finland", "finnish": "finland",
    "thailand": "thailand", "saudi arabia": "saudi arabia", "saudi": "saudi arabia",
    "united arab emirates": "united arab emirates", "uae": "united arab emirates", "ukraine": "ukraine",
    "ukrainian": "ukraine", "kazakhstan": "kazakhstan", "kazakh": "kazakhstan", "myanmar": "myanmar",
    "burma": "myanmar", "burmese": "myanmar", "belgium": "belgium", "belgian": "belgium",
    "argentina": "argentina", "argentinian": "argentina", "argentine": "argentina", "mongolia": "mongolia",
    "mongolian": "mongolia", "zambia": "zambia", "zambian": "zambia", "iran": "iran", "iranian": "iran",
    "poland": "poland", "polish": "poland", "south africa": "south africa", "south african": "south africa",
    "taiwan": "taiwan", "taiwanese": "taiwan", "austria": "austria", "austrian": "austria", "bolivia": "bolivia",
    "bolivian": "bolivia", "brazilian": "brazil", "malaysian": "malaysia", "vietnamese": "vietnam", "thai": "thailand",
    "egypt": "egypt", "egyptian": "egypt", "pakistan": "pakistan", "pakistani": "pakistan", "new caledonia": "new caledonia",
    "guinea": "guinea", "guinean": "guinea", "ghana": "ghana", "ghanaian": "ghana", "jamaica": "jamaica",
    "jamaican": "jamaica", "ecuador": "ecuador", "ecuadorian": "ecuador", "colombia": "colombia", "colombian": "colombia",
    "portugal": "portugal", "portuguese": "portugal", "serbia": "serbia", "serbian": "serbia", "bahrain": "bahrain",
    "qatar": "qatar", "oman": "oman", "iceland": "iceland", "icelandic": "iceland", "namibia": "namibia",
    "zimbabwe": "zimbabwe", "zimbabwean": "zimbabwe", "morocco": "morocco", "moroccan": "morocco",
    "uzbekistan": "uzbekistan", "uzbek": "uzbekistan", "new zealand": "new zealand",
    "congolese": "dr congo", "democratic republic of congo": "dr congo", "south korean": "south korea",
    "s. korea": "south korea", "s.korea": "south korea", "s. korean": "south korea", "s.korean": "south korea",
    "north korea": "north korea",
    "north korean": "north korea", "ivory coast": "ivory coast", "côte d'ivoire": "ivory coast",
    "cote d'ivoire": "ivory coast", "ivorian": "ivory coast", "czech republic": "czech republic",
    "czechia": "czech republic", "czech": "czech republic", "slovakia": "slovakia", "slovak": "slovakia",
    "romania": "romania", "romanian": "romania", "greece": "greece", "greek": "greece", "bulgaria": "bulgaria",
    "hungary": "hungary", "hungarian": "hungary", "denmark": "denmark", "danish": "denmark",
    "switzerland": "switzerland", "swiss": "switzerland", "ireland": "ireland", "slovenia": "slovenia",
    "croatia": "croatia", "bosnia": "bosnia and herzegovina", "montenegro": "montenegro",
    "north macedonia": "north macedonia", "albania": "albania", "belarus": "belarus", "lithuania": "lithuania",
    "latvia": "latvia", "estonia": "estonia", "luxembourg": "luxembourg", "cyprus": "cyprus",
    "laos": "laos", "lao": "laos", "cambodia": "cambodia", "singapore": "singapore", "bangladesh": "bangladesh",
    "sri lanka": "sri lanka", "nepal": "nepal", "papua new guinea": "papua new guinea", "cuba": "cuba",
    "venezuela": "venezuela", "venezuelan": "venezuela", "dominican republic": "dominican republic",
    "guatemala": "guatemala", "honduras": "honduras", "panama": "panama", "mozambique": "mozambique",
    "madagascar": "madagascar", "tanzania": "tanzania", "kenya": "kenya", "nigeria": "nigeria",
    "nigerian": "nigeria", "algeria": "algeria", "algerian": "algeria", "tunisia": "tunisia", "libya": "libya",
    "mauritania": "mauritania", "senegal": "senegal", "mali": "mali", "burkina faso": "burkina faso",
    "ethiopia": "ethiopia", "eritrea": "eritrea", "sudan": "sudan", "angola": "angola", "botswana": "botswana",
    "gabon": "gabon", "gabonese": "gabon", "cameroon": "cameroon", "sierra leone": "sierra leone",
    "tajikistan": "tajikistan", "kyrgyzstan": "kyrgyzstan", "azerbaijan": "azerbaijan", "armenia": "armenia",
    "kuwait": "kuwait", "iraq": "iraq", "syria": "syria", "jordan": "jordan", "israel": "israel",
    "afghanistan": "afghanistan", "uruguay": "uruguay", "paraguay": "paraguay",
    # World totals (the contract's region `global`).
    "global": "global", "world": "global", "worldwide": "global", "world wide": "global",
}
# A country named in lower-case text (the longest name first: "south korea" before "korea"; the Mongolia of "Inner
# Mongolia" is China's region, no country; nor is the America of "South America" the United States).
COUNTRY = re.compile(r"(?<![\w.])(?<!inner )(?<!south )(?<!north )(?<!latin )(?<!central )("
                     + "|".join(re.escape(n) for n in sorted(COUNTRIES, key=len, reverse=True)) + r")(?!\w)")


# The countries' names as written in a text (of any case, spaces of any kind): no world total, not "domestic".
COUNTRY_NAMES = r"(?<!inner\s)(?<!south\s)(?<!north\s)(?<!latin\s)(?<!central\s)(?:" + "|".join(
    re.escape(name).replace(r"\ ", r"\s+") for name in sorted(COUNTRIES, key=len, reverse=True)
    if COUNTRIES[name] not in ("global", "overseas") and name != "domestic") + ")"


def regions_named(text: str) -> set[str]:
    """The regions of the countries a text names."""
    return {COUNTRIES[m] for m in COUNTRY.findall(text.lower())}


# India's own numbering and fiscal years ("20.90 lakh tonne", "Rs 1,200 crore", "April-September FY25")
_INDIAN_WORDS = re.compile(r"\b(?:(?i:lakhs?|crores?)|LT|FY\s?'?\d\d(?:-\d\d)?)\b")


def numbering_country(text: str) -> str | None:
    """India, for a text that counts in India's numbering or fiscal years and names India and no other country
    (a ministry's release that names its country only in passing); else None."""
    return "india" if _INDIAN_WORDS.search(text) and regions_named(text) == {"india"} else None


# A country's official body or industry association named by its own name, where a release's figures are that
# country's ("according to the Mines and Geosciences Bureau (MGB)": the Philippines'). Study groups and world bodies
# (ICSG, ILZSG, INSG, IAI, WBMS, USGS, worldsteel) are no country's; acronyms are matched as written.
# (the statistics offices and ministries' bureaus apart: their releases are official statistics)
STATISTICS_OFFICES: dict[str, str] = {
    "Mines and Geosciences Bureau": "philippines", "MGB": "philippines", "INEGI": "mexico", "Rosstat": "russia",
    "Cochilco": "chile", "Sernageomin": "chile", "Indian Bureau of Mines": "india", "IBGE": "brazil",
    "Turkstat": "turkey", "Destatis": "germany", "Stats SA": "south africa", "Natural Resources Canada": "canada",
    "Geoscience Australia": "australia",
}
OFFICE_COUNTRIES: dict[str, str] = {
    **STATISTICS_OFFICES, "Joint Plant Committee": "india", "Iranian Steel Producers Association": "iran",
    "ISPA": "iran", "IMIDRO": "iran", "Aço Brasil": "brazil", "Aco Brasil": "brazil",
    "American Iron and Steel Institute": "united states", "AISI": "united states",
    "Korea Iron and Steel Association": "south korea", "Japan Iron and Steel Federation": "japan", "JISF": "japan",
    "Ukrmetallurgprom": "ukraine",
}
_OFFICE = re.compile(r"(?<![\w-])("
                     + "|".join(re.escape(name) for name in sorted(OFFICE_COUNTRIES, key=len, reverse=True))
                     + r")(?![\w-])")


def office_countries(text: str) -> set[str]:
    """The countries whose official bodies or associations a text names by their own names."""
    return {OFFICE_COUNTRIES[m.group(1)] for m in _OFFICE.finditer(text)}


# The cities a wire's dateline names, where a story filed there is of that country's figures ("New Delhi, Mar 2
# (PTI)": India's ministry; "SANTIAGO (Reuters)": Chile's). Not the cities of the world's markets and study groups
# (London, New York, Singapore, Lisbon), whose stories are the world's.
DATELINE_CITIES: dict[str, str] = {
    "beijing": "china", "shanghai": "china", "new delhi": "india", "mumbai": "india", "kolkata": "india",
    "tokyo": "japan", "seoul": "south korea", "santiago": "chile", "lima": "peru", "jakarta": "indonesia",
    "moscow": "russia", "johannesburg": "south africa", "pretoria": "south africa", "brasilia": "brazil",
    "sao paulo": "brazil", "rio de janeiro": "brazil", "ottawa": "canada", "mexico city": "mexico",
    "kinshasa": "dr congo", "lubumbashi": "dr congo", "ankara": "turkey", "istanbul": "turkey", "hanoi": "vietnam",
    "manila": "philippines", "astana": "kazakhstan", "almaty": "kazakhstan", "kyiv": "ukraine", "kiev": "ukraine",
    "berlin": "germany", "canberra": "australia", "buenos aires": "argentina", "tehran": "iran",
    "islamabad": "pakistan", "karachi": "pakistan", "taipei": "taiwan", "bangkok": "thailand",
    "kuala lumpur": "malaysia", "lusaka": "zambia", "ulaanbaatar": "mongolia",
}
# A wire's dateline: its city, a date or none, the agency in parentheses ("New Delhi, Mar 2 (PTI)", "SANTIAGO, March
# 31 (Reuters) -", "TOKYO (Reuters) -") or a site's name and a dash.
AGENCIES = "|".join(("SMM", "Reuters", "Mysteel", "PTI", "IANS", "Xinhua", "Bloomberg", "AP", "AFP", "Interfax",
                     "TASS", "Yonhap", "Kyodo", "Jiji", "Bernama", "Antara", "ANTARA", "Platts", "Argus", "Kallanish",
                     "dpa", "BNA", "Sputnik"))
DATELINE_PLACE = re.compile(r"(?m)^\W{0,3}([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})\s*,?\s*"
                            r"(?:[A-Z][a-z]{2,8}\.?\s*\d{1,2}\s*(?:,\s*\d{4}\s*)?)?"
                            # the agency in parentheses, or a site's name and a dash ("Jakarta, Example.com – ")
                            # (or among other words: "MOSCOW (Example News / Sputnik - 20th October, 2021)")
                            rf"(?:\((?:[^()\n]{{0,40}}?\W)?(?:{AGENCIES})(?:\W[^()\n]{{0,40}}?)?\)"
                            r"|[^\n–—()]{0,40}?\s[–—-]\s)")


def dateline_country(head: str) -> str | None:
    """The country of the city a wire's dateline in `head` names, if it is one whose stories are its country's."""
    found = DATELINE_PLACE.search(head)
    return DATELINE_CITIES.get(found.group(1).lower()) if found else None
