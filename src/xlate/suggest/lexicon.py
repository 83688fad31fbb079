"""What the suggester knows about English news copy: words that head titles, organisations,
programmes and events, function words, and CLDR's names of countries, cities, languages,
weekdays and months (pure; CLDR through babel).

These are facts about English and about the world's names, not about any article or glossary:
a new minister, agency or exercise is found by the shape of its name ("... Ministry",
"Deputy ... Minister", "... Dialogue"), never by being listed here.
"""

from __future__ import annotations

from functools import lru_cache

# Words that make a title before a name; the head is the word a title cannot do without.
TITLE_HEADS = frozenset("""
president minister secretary adviser advisor ambassador spokesperson spokesman spokeswoman
governor chairman chairwoman chairperson chair director commissioner king queen prince princess
emperor empress pope mayor speaker chancellor envoy chief commander premier general admiral
senator representative lawmaker judge justice leader head prosecutor counsellor counselor
undersecretary under-secretary secretary-general director-general officer coordinator
negotiator representative attache attaché delegate lieutenant colonel major captain
gen lt col maj adm rep sen gov amb capt sgt professor analyst researcher economist fellow
correspondent editor founder
""".split())
# Titles written as acronyms ("CEO Kwak Noh-jung").
ACRONYM_TITLES = frozenset({"ceo", "cfo", "coo", "cto", "cio"})
TITLE_MODIFIERS = frozenset("""
deputy vice acting first second senior special prime under assistant executive presidential
parliamentary floor national foreign defense defence finance trade industry energy unification
justice interior security state economy economic policy science health welfare labor labour
environment culture education land transport gender equality family oceans fisheries
agriculture employment strategy planning budget staff political public communications press
intelligence military joint chiefs armed forces affairs home international relations nuclear
commerce treasury homeland veterans housing technology digital climate tourism sports
chief principal permanent high former outgoing incoming new interim caretaker cabinet
""".split())
# Words of a lower-case title before a name ("foreign ministry spokesperson Lee Jae-woong").
LOWER_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | frozenset(
    "ministry office party house government agency committee military".split())
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
# Abbreviated titles written with a full stop, and honorifics (dropped before a name).
ABBREVIATED = frozenset({"gen", "lt", "col", "maj", "adm", "rep", "sen", "gov", "amb", "capt",
                         "sgt", "mr", "mrs", "ms", "dr", "prof", "mx", "st"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "mx", "sir", "dame", "madam"})

ORGANISATION_HEADS = frozenset("""
ministry department administration agency office council committee commission party assembly
organization organisation union alliance command corporation corp co company group institute
institution university bank fund service bureau court parliament government association
federation forces force army navy corps authority board foundation center centre society
secretariat headquarters cabinet house news times post journal herald daily broadcasting
aerospace industries electronics motors heavy engineering systems ltd inc plc network
congress senate diet coalition caucus front movement league guard police chiefs securities
holdings group cross crescent
""".split())
PROGRAMME_HEADS = frozenset("""
programme program project projects initiative plan strategy agreement treaty accord pact
declaration act bill framework mission operation campaign vision roadmap scheme package
""".split())
EVENT_HEADS = frozenset("""
summit conference forum dialogue meeting talks exercise exercises drill drills games olympics
expo festival ceremony event session week congress convention symposium
""".split())
# Heads written in lower case after a capitalised name ("the NATO summit", "the Freedom
# Shield exercise"): the name and the head together name the event.
LOWER_EVENT_HEADS = frozenset("""
summit talks exercise exercises drills forum dialogue conference programme program initiative
treaty agreement accord pact declaration
""".split())
PLACE_HEADS = frozenset("republic kingdom island islands peninsula sea strait province city "
                        "county state states emirates federation".split())
# A head that takes "of" after it: "Ministry of Foreign Affairs", "Bank of Korea", "Secretary
# of State", "Republic of Korea".
TAKES_OF = TITLE_HEADS | ORGANISATION_HEADS | PROGRAMME_HEADS | EVENT_HEADS | PLACE_HEADS
# Words that join the parts of one name in lower case.
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le", "van", "von",
                        "der", "den", "al", "bin", "on"})

# Function words and sentence adverbs: capitalised at the start of a sentence, never a name.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its it's he she they we i you his her their our my your him
them us me who whom whose which what when where why how there here then than so as at by for
from in into of off on onto out over to up upon with within without about above after against
along among around before behind below beneath beside besides between beyond but despite down
during except inside like near since through throughout till toward towards under underneath
until unlike via and or nor yet if unless while whereas although though because once also
only even just still already however meanwhile moreover furthermore nevertheless nonetheless
therefore thus hence instead otherwise accordingly indeed besides likewise similarly
additionally consequently finally first firstly second secondly lastly last next later earlier
today yesterday tomorrow now recently currently previously separately specifically
particularly notably importantly overall yes no not all any both each every few many more most
much other another some such several one two three four five six seven eight nine ten is are
was were be been being am do does did done have has had having will would shall should can
could may might must according regarding following including given asked speaking citing
said says told added noted stressed reporting as-is
""".split())
# Demonyms that are not also CLDR language names.
DEMONYMS = frozenset("""
american australian british canadian european asian african chinese korean japanese french
german dutch south-korean north-korean israeli iranian iraqi syrian saudi egyptian turkish
ukrainian russian polish swedish finnish norwegian danish belgian swiss austrian italian spanish
portuguese greek indian pakistani afghan mexican brazilian argentine filipino indonesian
malaysian vietnamese thai singaporean taiwanese mongolian western eastern northern southern
allied transatlantic
""".split())


@lru_cache(maxsize=1)
def weekdays_and_months() -> frozenset[str]:
    """English weekday and month names, wide and abbreviated, lower case (CLDR)."""
    from babel import Locale

    english = Locale("en")
    words: set[str] = set()
    for table in (english.days, english.months):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(str(name).lower().rstrip(".")
                             for name in table[context][width].values())
    words.add("sept")
    return frozenset(words)


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """English names of languages, lower case (CLDR): most double as demonyms."""
    from babel import Locale

    return frozenset(str(name).lower() for name in Locale("en").languages.values())


@lru_cache(maxsize=8)
def countries(locale: str = "en") -> dict[str, str]:
    """Territory code -> name in `locale` (CLDR), for real countries and areas."""
    from babel import Locale

    names = Locale.parse(locale).territories
    return {code: str(name) for code, name in names.items() if code.isalpha()}


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str]]:
    """lower-case English place name -> ("territory", code) or ("zone", time zone id)."""
    from babel.core import get_global
    from babel.dates import get_timezone_location

    places: dict[str, tuple[str, str]] = {}
    for zone in sorted(get_global("zone_territories")):
        if "/" not in zone or zone.startswith("Etc/"):
            continue
        city = get_timezone_location(zone, "en", return_city=True)
        places.setdefault(str(city).lower(), ("zone", zone))
    for code, name in countries("en").items():
        places[name.lower()] = ("territory", code)
    for short, code in (("us", "US"), ("u.s.", "US"), ("uk", "GB"), ("u.k.", "GB"),
                        ("korea", "KR"), ("republic of korea", "KR")):
        places.setdefault(short, ("territory", code))
    return places


def place(name: str) -> tuple[str, str] | None:
    """("territory", code) or ("zone", id) when CLDR knows `name` as a country or city."""
    key = name.lower()
    if key.startswith("the "):
        key = key[4:]
    return _places().get(key)


def place_name(where: tuple[str, str], locale: str) -> str | None:
    """The CLDR name of a place (from `place`) in `locale`, or None."""
    from babel.core import UnknownLocaleError

    kind, code = where
    try:
        if kind == "territory":
            return countries(locale).get(code)
        from babel.dates import get_timezone_location

        return str(get_timezone_location(code, locale, return_city=True))
    except (UnknownLocaleError, ValueError, LookupError):  # a locale CLDR lacks: no name
        return None


# Wire-copy markers, units and acronyms of common nouns: capitalised, never a glossary name.
NOT_NAMES = frozenset("""
end more update urgent flash bulletin eds pct gdp gnp cpi ceo cfo coo cto tv ai it pc pm am
gmt utc kst est edt pst ok north south east west
""".split())


def is_demonym(word: str) -> bool:
    key = word.lower()
    return key in DEMONYMS or key in language_names()
