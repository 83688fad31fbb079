"""Reading names in English text by their shape (pure): words, runs of capitalised words,
and what each piece of a run is read as (see `discover` for the whole procedure).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from xlate.english.hangulize import (
    GIVEN_COMMON,
    GIVEN_USUAL,
    Reading,
    is_known_surname,
    split_joined,
    syllable_readings,
)
from xlate.model import Kind
from xlate.suggest import lexicon as lx

_SPACES = re.compile(r"\s+")
# Words: letters and digits, dotted abbreviations (U.S.), joined by hyphens and apostrophes
# (Willem-Alexander, Korea-U.S., O'Brien).
_PART = r"(?:[^\W\d_]\.){2,}|[^\W_]+"
WORD = re.compile(rf"(?:(?:[^\W\d_]\.){{2,}}|[^\W\d_][^\W_]*)(?:['’\-](?:{_PART}))*")
_AMPERSAND_GAP = re.compile(r"[ \t]*&[ \t]*")
_PLAIN_GAP = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]*\n?[ \t\u00a0]*")
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\(\s*((?:[A-Z][A-Za-z0-9&]*\.?){2,})\s*\)")
_SAID = re.compile(r"\s*,?\s*(?:said|says|told|added|noted|stressed|wrote|according)\b")
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|across|to|from)\s+$")
POSSESSIVE = ("'s", "’s")


def _comma_country(after: str) -> bool:
    """"The Hague, Netherlands": a place, then its country."""
    match = re.match(r",[ \t]+((?:[A-Z][\w-]+[ \t]?){1,3})", after)
    where = lx.place(match.group(1).strip()) if match else None
    return where is not None and where[0] == "territory"

_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western"})
_NAME_PARTICLES = ("van", "von", "der", "den", "de", "al", "bin", "du", "la", "le")
_HEADS = lx.TITLE_WORDS | lx.ORGANISATION_HEADS | lx.PROGRAMME_HEADS | lx.EVENT_HEADS \
    | lx.PLACE_HEADS


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    initial: bool      # first word of a sentence or of a quotation
    possessive: bool
    dotted: bool = False  # followed by a full stop: "Gen." (a rank), not "Gen" (a name)

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Mention:
    """One reading of a piece of a run: what it would be proposed as."""

    kind: Kind | None
    tokens: list[Token]
    shape: str
    title: list[Token] | None = None
    acronym: str | None = None
    korean: tuple[str, tuple[str, ...], str] | None = None  # surname, given syllables, shape
    single: bool = False


def surface(body: str, tokens: Sequence[Token]) -> str:
    # "Rep." is written without its full stop: the glossary's matcher reads the stop as
    # punctuation, so a form that kept it would never match the text it came from.
    return _SPACES.sub(" ", body[tokens[0].start:tokens[-1].end])


def runs(body: str, tokens: list[Token]) -> Iterable[list[Token]]:
    """Runs of capitalised words with their inner connectors."""
    count = len(tokens)

    def joined(i: int, j: int) -> bool:
        gap = body[tokens[i].end:tokens[j].start]
        if tokens[i].possessive:
            # "Korean People's Army": a possessive inside an organisation's name (not
            # "Japan's Defense Ministry", "BOK's board": an owner, then its organisation)
            owner = tokens[i]
            return not (owner.acronym or lx.place(owner.text) or owner.initial) \
                and _PLAIN_GAP.fullmatch(gap[2:]) is not None and _org_follows(tokens, j)
        if _PLAIN_GAP.fullmatch(gap) or _AMPERSAND_GAP.fullmatch(gap):
            return True
        if len(tokens[i].text) == 1 and tokens[i].text.isupper():
            return bool(_ABBREVIATION_GAP.fullmatch(gap))  # a middle initial: Jay Y. Lee
        return tokens[i].lower in lx.ABBREVIATED and bool(_ABBREVIATION_GAP.fullmatch(gap))

    i = 0
    while i < count:
        if not tokens[i].capitalised:
            i += 1
            continue
        run = [tokens[i]]
        j = i
        while j + 1 < count and joined(j, j + 1):
            nxt = tokens[j + 1]
            if nxt.capitalised:
                run.append(nxt)
                j += 1
                continue
            # up to two connectors ("of", "of the", "von der") between capitalised words
            k = j + 1
            while k < count and k - j <= 2 and tokens[k].lower in lx.CONNECTORS \
                    and not tokens[k].capitalised and joined(k - 1, k):
                k += 1
            if k < count and k > j + 1 and tokens[k].capitalised and joined(k - 1, k):
                run.extend(tokens[j + 1:k + 1])
                j = k
                continue
            break
        listed = _listed_name_end(body, tokens, run, j)
        if listed > j:  # "Ministry of Trade, Industry and Energy"
            run.extend(tokens[j + 1:listed + 1])
            j = listed
        yield run
        i = j + 1


_LISTED = re.compile(r"(?:,[ \t]+[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)+,?[ \t]+and[ \t]+"
                     r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?")


def _org_follows(tokens: list[Token], j: int) -> bool:
    """True when capitalised words from `j` on end in an organisation's head word."""
    for token in tokens[j:j + 4]:
        if not token.capitalised:
            return False
        if token.lower in lx.ORGANISATION_HEADS:
            return True
    return False


def _listed_name_end(body: str, tokens: list[Token], run: list[Token], j: int) -> int:
    """The last token of a name that lists its fields after "of" ("Ministry of Trade, Industry
    and Energy", "Ministry of Agriculture, Food and Rural Affairs"); `j` when there is none."""
    lowers = [t.lower for t in run if t.lower != "the"]
    if "of" not in lowers or lowers[0] not in lx.ORGANISATION_HEADS:
        return j
    match = _LISTED.match(body, tokens[j].end)
    if match is None:
        return j
    end = match.end()
    last = j
    while last + 1 < len(tokens) and tokens[last + 1].end <= end:
        last += 1
    return last


def analyse(run: list[Token], body: str) -> list[Mention]:
    """The mentions one run makes: names, titles, qualifiers."""
    run = list(run)
    # A sentence's first word is capitalised anyway: drop it when it is a function word, and a
    # capitalised "The" in mid-sentence belongs to the name (The Hague).
    while run and (not run[0].capitalised or (run[0].initial
                   and run[0].lower in lx.FUNCTION_WORDS
                   and not (len(run) > 1 and _is_title_word(run[0]) and _is_title_word(run[1])))):
        run.pop(0)
    while run and run[-1].lower in lx.CONNECTORS and not run[-1].capitalised:
        run.pop()
    if run and run[0].lower in lx.HONORIFICS:
        run.pop(0)
    if not run:
        return []
    mentions: list[Mention] = []
    for piece in _pieces(run):
        mentions.extend(_analyse_piece(piece, body))
    # "the NATO summit", "the Freedom Shield exercise": a name and a lower-case head.
    last = run[-1]
    follower = re.match(r"[ \t]+([a-z]+)\b", body[last.end:])
    if follower and follower.group(1) in lx.LOWER_EVENT_HEADS and not last.possessive:
        head = follower.group(1)
        end = last.end + follower.end()
        tail = Token(head, end - len(head), end, False, False)
        kind = Kind.EVENT if head in lx.EVENT_HEADS else Kind.PROGRAMME
        first_piece = _pieces(run)[-1]
        if not all(lx.is_demonym(t.text) or lx.place(t.text) for t in first_piece):
            # "Ulchi Freedom Shield exercise": the event, not a person named so
            mentions = [m for m in mentions if not (m.shape == "person"
                                                    and m.tokens == first_piece)]
            mentions.append(Mention(kind, [*first_piece, tail], "lower head"))
    return mentions


def _pieces(run: list[Token]) -> list[list[Token]]:
    """A run split where its connectors do not join one name: "Ministry of Foreign Affairs"
    is one, "King Willem-Alexander of the Netherlands" two."""
    pieces: list[list[Token]] = [[]]
    i = 0
    while i < len(run):
        token = run[i]
        if token.capitalised or token.acronym:
            pieces[-1].append(token)
            i += 1
            continue
        connectors = []
        while i < len(run) and not run[i].capitalised:
            connectors.append(run[i])
            i += 1
        words = [c.lower for c in connectors]
        current = pieces[-1]
        joins = False
        if current:
            if words[0] in _NAME_PARTICLES or (words[0] in ("of", "for", "on")
                                               and current[-1].lower in lx.TAKES_OF):
                joins = True
            elif words[0] in ("and", "&"):
                # "Ministry of Science and ICT", "Foreign Affairs and Unification Committee"
                group = []
                for token in run[i:]:
                    if not token.capitalised:
                        break
                    group.append(token)
                joins = not any(t.acronym or lx.place(t.text) for t in current) and (
                    current[0].lower in lx.ORGANISATION_HEADS
                    or bool(group and group[-1].lower in lx.ORGANISATION_HEADS)
                    # "Jeju Forum for Peace and Prosperity"
                    or any(t.lower in ("of", "for") for t in current))
        if joins:
            current.extend(connectors)
        else:
            pieces.append([])
    return [p for p in pieces if p]


def _is_title_word(token: Token) -> bool:
    if token.lower in lx.ACRONYM_TITLES:
        return True  # CEO Kwak Noh-jung
    if token.acronym or token.lower not in lx.TITLE_WORDS:
        return False
    return token.dotted or token.lower not in lx.ABBREVIATED


def _analyse_piece(piece: list[Token], body: str) -> list[Mention]:
    # Drop words that are no names: weekdays and months, a sentence-initial function word.
    piece = [t for t in piece if t.lower not in lx.weekdays_and_months()]
    while piece and not piece[0].capitalised:
        piece.pop(0)
    while piece and not piece[-1].capitalised:
        piece.pop()
    if not piece:
        return []
    for cut in range(1, len(piece) - 1):
        # "Diplomacy Journal Lee Kap-soo": an organisation, then a person
        if piece[cut - 1].lower in lx.ORGANISATION_HEADS and korean_shape(piece[cut:]):
            return _analyse_piece(piece[:cut], body) + _analyse_piece(piece[cut:], body)
    split = _title_split(piece)
    if split is not None:
        qualifier, title, name = split
        out = []
        if qualifier:
            out.extend(_analyse_piece(qualifier, body))
        lower_title = _lower_title_before(body, title[0])
        if lower_title:  # "JCS spokesperson Col. Lee Sung-jun": two titles
            out.append(Mention(Kind.TITLE, lower_title, "title"))
        out.extend(_name_mentions(name, body, title))
        return out
    bare = _bare_title(piece)
    if bare is not None:
        return [Mention(Kind.TITLE, bare, "title")]
    return _name_mentions(piece, body, _lower_title_before(body, piece[0]) or None)


def _title_split(piece: list[Token]) -> tuple[list[Token], list[Token], list[Token]] | None:
    """(qualifier, title, name) when the piece is a title before a name."""
    for j in range(len(piece) - 2, -1, -1):
        if not _is_title_word(piece[j]):
            continue
        name = piece[j + 1:]
        if not 1 <= len(name) <= 4 or any(
                _is_title_word(t) or t.lower in lx.ORGANISATION_HEADS
                or t.lower in lx.PROGRAMME_HEADS or t.lower in lx.EVENT_HEADS
                or not (t.capitalised or t.lower in _NAME_PARTICLES) for t in name) \
                or not name[0].capitalised:
            return None
        k = j
        while k > 0 and (_is_title_word(piece[k - 1]) or (
                piece[k - 1].lower in ("of", "for", "and") and k > 1
                and _is_title_word(piece[k - 2]))):
            k -= 1
        title = piece[k:j + 1]
        if not any(t.lower in lx.TITLE_HEADS or t.lower in lx.ACRONYM_TITLES for t in title):
            return None
        qualifier = piece[:k]
        if len(title) == 1 and qualifier and qualifier[-1].acronym \
                and not lx.place(qualifier[-1].text):
            # "DAPA Minister Seok Jong-gun": a bare head takes its organisation along
            title, qualifier = piece[:j + 1], []
        return qualifier, title, name
    return None


def _bare_title(piece: list[Token]) -> list[Token] | None:
    """The title in a piece that is only a title ("Polish Deputy Prime Minister", before "and
    Defense Minister Wladyslaw Kosiniak-Kamysz"), its nationality dropped."""
    words = list(piece)
    while words and (lx.is_demonym(words[0].text) or lx.place(words[0].text)):
        words.pop(0)
    acronym = bool(words) and words[0].acronym and len(words) > 1  # "U.N. Secretary-General"
    body = words[1:] if acronym else words
    if body and all(_is_title_word(t) or t.lower in ("of", "for", "and") for t in body) \
            and _is_title_word(body[-1]) and any(t.lower in lx.TITLE_HEADS for t in body) \
            and (len(body) >= 2 or acronym):
        return words
    return None


def _lower_title_before(body: str, first: Token) -> list[Token]:
    """A title in lower case just before a name ("presidential spokesperson")."""
    tokens: list[Token] = []
    end = first.start
    while True:
        match = re.search(r"([a-z][a-z-]*)[ \t]+$", body[max(0, end - 40):end])
        if not match or match.group(1) not in lx.LOWER_TITLE_WORDS or len(tokens) >= 4:
            break
        start = end - len(match.group(0))
        tokens.insert(0, Token(match.group(1), start, start + len(match.group(1)), False,
                                False))
        end = start
    if not any(t.lower in lx.TITLE_HEADS for t in tokens):
        return []
    while tokens and tokens[0].lower in ("former", "new", "outgoing", "incoming"):
        tokens.pop(0)
    if len(tokens) == 1:
        # "DP leader Jung Chung-rae": a bare head takes its organisation along
        match = re.search(r"\b([A-Z][A-Za-z]*[A-Z])[ \t]+$", body[max(0, end - 20):end])
        if match:
            start = end - len(match.group(0))
            tokens.insert(0, Token(match.group(1), start, start + len(match.group(1)), False,
                                   False))
    return tokens


def _name_mentions(piece: list[Token], body: str,
                   title: list[Token] | None) -> list[Mention]:
    """The mentions of a piece that is no title-before-a-name."""
    text = surface(body, piece)
    lowers = [t.lower for t in piece]
    if len(piece) == 1:
        token = piece[0]
        acronym = token.acronym
        if len(token.text) < 2 or token.lower in _HEADS or token.lower in lx.NOT_NAMES:
            return []  # "S", or "the Office", "the Summit": a name cut short
        if body[token.end:token.end + 1] == "$" or re.match(r"[ \t]+\d", body[token.end:]):
            return []  # US$6.5 billion; Section 232, Article 5: a reference, not a name
        if acronym and body[token.start - 1:token.start] == "(" \
                and body[token.end:token.end + 1] == ")":
            return []  # the acronym after its name, counted with the name
        if lx.place(text) and not title:
            return [Mention(Kind.PLACE, piece, "cldr place")]
        if acronym:
            return [Mention(Kind.ORGANISATION, piece, "acronym", title=title, single=True)]
        if lx.is_demonym(text) or token.lower in lx.FUNCTION_WORDS:
            return []
        if not title and re.search(r"\b(?:in|at|near)[ \t]+$", body[max(0, token.start - 8):
                                                                    token.start]):
            return [Mention(Kind.PLACE, piece, "place")]  # "in Beijing", a city CLDR lacks
        return [Mention(None, piece, "single", title=title, single=True)]
    if title:
        korean = korean_shape(piece)
        if korean is not None:
            return [Mention(Kind.PERSON, piece, korean[2], title=title, korean=korean)]
        return [Mention(Kind.PERSON, piece, "person", title=title)]
    after = body[piece[-1].end:]
    bracketed = _ACRONYM_IN_BRACKETS.match(after)
    short = bracketed.group(1) if bracketed else None
    if any(w in lx.ORGANISATION_HEADS for w in lowers):
        if short:
            return [Mention(Kind.ORGANISATION, piece, "org+acronym", acronym=short)]
        return [Mention(Kind.ORGANISATION, piece, "organisation")]
    if lowers[-1] in lx.PROGRAMME_HEADS:
        return [Mention(Kind.PROGRAMME, piece, "programme", acronym=short)]
    if lowers[-1] in lx.EVENT_HEADS:
        return [Mention(Kind.EVENT, piece, "event", acronym=short)]
    if lx.place(text):
        return [Mention(Kind.PLACE, piece, "cldr place")]
    if lowers[0] in lx.PLACE_HEADS or lowers[-1] in lx.PLACE_HEADS:
        return [Mention(Kind.PLACE, piece, "place")]
    korean = korean_shape(piece)
    if korean is not None:
        return [Mention(Kind.PERSON, piece, korean[2], korean=korean)]
    if all(t.lower in _COMPASS for t in piece[:-1]) and (
            lx.is_demonym(piece[-1].text) or lx.is_demonym(piece[-1].text.removesuffix("s"))):
        return []  # "North Korean", "South Koreans": who, not a name
    if all(lx.is_demonym(t.text) or lx.place(t.text) or t.acronym for t in piece):
        out: list[Mention] = []
        for token in piece:
            out.extend(_name_mentions([token], body, None))
        return out
    if short:
        return [Mention(Kind.ORGANISATION, piece, "org+acronym", acronym=short)]
    if any(compound_of_names(t) for t in piece):
        return []  # "South Korea-NATO", "Korea-U.S.": names joined, not a name
    if any(c.isdigit() for t in piece for c in t.text):
        return [Mention(Kind.TERM, piece, "multiword")]  # K2 Black Panther: a thing
    if len(piece) <= 3 and not any(t.acronym for t in piece):
        before = body[max(0, piece[0].start - 12):piece[0].start]
        if (_LOCATIVE.search(before) and not _SAID.match(after)) or _comma_country(after):
            return [Mention(Kind.PLACE, piece, "place")]
        if lowers[0] == "the":  # a capitalised "The" in mid-sentence: no person's name
            return [Mention(Kind.TERM, piece, "multiword")]
        return [Mention(Kind.PERSON, piece, "person")]
    return [Mention(Kind.TERM, piece, "multiword")]


def compound_of_names(token: Token) -> bool:
    parts = re.split(r"[-–]", token.text)
    return len(parts) > 1 and any(
        lx.place(part) or (len(part) >= 2 and part.replace(".", "").isupper()) for part in parts)


def korean_shape(piece: list[Token]) -> tuple[str, tuple[str, ...], str] | None:
    """(surname, given syllables, shape) when the words have the shape of a Korean name."""
    words = [t.text for t in piece]
    if any(t.acronym for t in piece):
        return None
    if len(words) == 3 and all("-" not in w and syllable_readings(w) for w in words) \
            and is_known_surname(words[0]):
        return words[0], (words[1], words[2]), "korean spaced"
    if len(words) != 2:
        return None
    first, second = words
    if "-" in second and "-" not in first:
        parts = second.split("-")
        if len(parts) == 2 and all(syllable_readings(p) for p in parts) \
                and parts[1][:1].islower() and (is_known_surname(first)
                                                 or syllable_readings(first)):
            return first, tuple(parts), "korean"
    if "-" in first and "-" not in second and is_known_surname(second):
        parts = first.split("-")
        if len(parts) == 2 and all(syllable_readings(p) for p in parts) \
                and parts[1][:1].islower():
            return second, tuple(parts), "korean"
    if "-" not in first + second and is_known_surname(first):
        if syllable_readings(second):
            return first, (second,), "korean short"
        splits = split_joined(second)
        if splits and len(second) >= 4:
            return first, splits[0], "korean joined"
    return None


def korean_notes(surname: str, given: tuple[str, ...], shape: str,
                  readings: list[Reading]) -> list[str]:
    notes = []
    if not is_known_surname(surname):
        notes.append(f"'{surname}' is not a usual spelling of a Korean surname: check that "
                     "this is a Korean name")
    for part in given:
        readings_of_part = syllable_readings(part)
        if readings_of_part and readings_of_part[0].hangul not in GIVEN_COMMON | GIVEN_USUAL:
            notes.append(f"'{part}' reads as {readings_of_part[0].hangul}, rare in Korean "
                         "names: check that this is a Korean name (Chinese names romanised "
                         "Wade-Giles have the same shape)")
            break
    if shape == "korean short":
        notes.append("a one-syllable given name, or not a Korean name at all: check")
    if shape == "korean joined":
        notes.append(f"given name written as one word, read as {'-'.join(given)}")
    if shape == "korean spaced":
        notes.append("given name written as two words: one Korean name, or three names?")
    if len(readings) >= 2 and readings[1].cost - readings[0].cost <= 0.5:
        notes.append(f"ambiguous: {readings[0].hangul} or {readings[1].hangul}")
    if not readings:
        notes.append("no Hangul reading found")
    return notes
