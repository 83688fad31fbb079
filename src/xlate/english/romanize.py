"""Plausible romanisations of a Korean personal name, generated from its Hangul.

Official spellings are personal choices and live in the glossary; this module only proposes the
*other* spellings a writer may use (Revised Romanization, McCune-Reischauer without breves, and the
popular spellings such as Lee/Park/Kim/Choi and -sung/-myung), so that an unlisted "Yi Jae-myeong"
is still recognised as a variant of its entry. The tables are facts about Korean and its
romanisation systems, not about any glossary term.

Tiers: 0 = Revised Romanization, 1 = McCune-Reischauer (breves dropped), 2 = popular usage,
3 = rare. `name_variants(hangul, tier=2)` returns token lists; matching handles hyphen, space and
joined spellings and case, so each syllable is returned once, lower case.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

_BASE = 0xAC00
# Initial consonants (19), vowels (21), finals (28), each with spellings by tier.
_INITIALS: tuple[dict[str, int], ...] = (
    {"g": 0, "k": 1},            # ㄱ
    {"kk": 0, "gg": 2},          # ㄲ
    {"n": 0},                    # ㄴ
    {"d": 0, "t": 1},            # ㄷ
    {"tt": 0, "dd": 2},          # ㄸ
    {"r": 0, "l": 2, "n": 1},    # ㄹ (n: MR assimilation after a nasal)
    {"m": 0},                    # ㅁ
    {"b": 0, "p": 1},            # ㅂ
    {"pp": 0, "bb": 2},          # ㅃ
    {"s": 0, "sh": 3},           # ㅅ
    {"ss": 0},                   # ㅆ
    {"": 0},                     # ㅇ
    {"j": 0, "ch": 1},           # ㅈ
    {"jj": 0, "tch": 1},         # ㅉ
    {"ch": 0},                   # ㅊ
    {"k": 0},                    # ㅋ
    {"t": 0},                    # ㅌ
    {"p": 0},                    # ㅍ
    {"h": 0},                    # ㅎ
)
_VOWELS: tuple[dict[str, int], ...] = (
    {"a": 0},                    # ㅏ
    {"ae": 0, "ai": 3},          # ㅐ
    {"ya": 0},                   # ㅑ
    {"yae": 0},                  # ㅒ
    {"eo": 0, "o": 1, "u": 2},   # ㅓ
    {"e": 0},                    # ㅔ
    {"yeo": 0, "yo": 1, "yu": 2},  # ㅕ
    {"ye": 0},                   # ㅖ
    {"o": 0},                    # ㅗ
    {"wa": 0},                   # ㅘ
    {"wae": 0},                  # ㅙ
    {"oe": 0, "oi": 3},          # ㅚ
    {"yo": 0},                   # ㅛ
    {"u": 0, "oo": 2},           # ㅜ
    {"wo": 0, "weo": 3},         # ㅝ
    {"we": 0},                   # ㅞ
    {"wi": 0, "wee": 2},         # ㅟ
    {"yu": 0, "yoo": 2},         # ㅠ
    {"eu": 0, "u": 1},           # ㅡ
    {"ui": 0, "eui": 2, "ee": 2, "i": 2},  # ㅢ (Chung-hee)
    {"i": 0, "ee": 2},           # ㅣ
)
_FINALS: tuple[dict[str, int], ...] = (
    {"": 0}, {"k": 0, "g": 3, "c": 3}, {"k": 0}, {"k": 0}, {"n": 0}, {"n": 0}, {"n": 0},
    {"t": 0, "d": 3}, {"l": 0, "r": 2}, {"k": 0}, {"m": 0}, {"l": 0}, {"t": 0}, {"l": 0},
    {"p": 0}, {"l": 0}, {"m": 0}, {"p": 0, "b": 2}, {"p": 0}, {"t": 0}, {"t": 0},
    {"ng": 0}, {"t": 0}, {"t": 0}, {"k": 0}, {"t": 0}, {"p": 0}, {"t": 0},
)
# Surnames: usual spellings by tier. Others fall back to the syllable tables. Tier 2 includes
# the spellings without the initial-sound rule (두음법칙), which North Korea and older South
# Korean usage keep: Ri (이), Rim (임), Ryu (유, 류), Ryang, Ro, Ra; and Ni (이).
SURNAMES: dict[str, dict[str, int]] = {
    "이": {"i": 0, "yi": 1, "lee": 2, "rhee": 2, "ri": 2, "ni": 2, "li": 3, "rhie": 3,
           "ree": 3},
    "김": {"gim": 0, "kim": 1},
    "박": {"bak": 0, "pak": 1, "park": 2},
    "최": {"choe": 0, "choi": 2, "chey": 3},
    "정": {"jeong": 0, "chong": 1, "jung": 2, "chung": 2},
    "강": {"gang": 0, "kang": 1},
    "조": {"jo": 0, "cho": 1},
    "윤": {"yun": 0, "yoon": 2, "youn": 3},
    "장": {"jang": 0, "chang": 1},
    "임": {"im": 0, "lim": 2, "rim": 2},
    "한": {"han": 0},
    "오": {"o": 0, "oh": 2},
    "서": {"seo": 0, "so": 1, "suh": 2},
    "신": {"sin": 0, "shin": 2},
    "권": {"gwon": 0, "kwon": 1},
    "황": {"hwang": 0},
    "안": {"an": 0, "ahn": 2},
    "송": {"song": 0},
    "류": {"ryu": 0, "yu": 1, "yoo": 2, "lyu": 3},
    "유": {"yu": 0, "yoo": 2, "ryu": 2},
    "홍": {"hong": 0},
    "전": {"jeon": 0, "chon": 1, "jun": 2, "chun": 2},
    "고": {"go": 0, "ko": 1},
    "문": {"mun": 0, "moon": 2},
    "양": {"yang": 0, "ryang": 2},
    "손": {"son": 0, "sohn": 2},
    "배": {"bae": 0, "pae": 1},
    "백": {"baek": 0, "paek": 1, "paik": 2},
    "허": {"heo": 0, "ho": 1, "huh": 2},
    "노": {"no": 0, "noh": 2, "roh": 2, "ro": 2},
    "남": {"nam": 0},
    "하": {"ha": 0},
    "곽": {"gwak": 0, "kwak": 1},
    "성": {"seong": 0, "song": 1, "sung": 2},
    "차": {"cha": 0},
    "주": {"ju": 0, "chu": 1, "joo": 2},
    "우": {"u": 0, "woo": 2},
    "구": {"gu": 0, "ku": 1, "koo": 2},
    "민": {"min": 0},
    "나": {"na": 0, "ra": 2},
    "진": {"jin": 0, "chin": 1},
    "위": {"wi": 0, "wee": 2},
    "반": {"ban": 0, "pan": 1},
    "엄": {"eom": 0, "om": 1, "um": 2},
    "원": {"won": 0},
    "천": {"cheon": 0, "chon": 1, "chun": 2},
    "방": {"bang": 0, "pang": 1},
    "공": {"gong": 0, "kong": 1},
    "현": {"hyeon": 0, "hyon": 1, "hyun": 2},
    "변": {"byeon": 0, "pyon": 1, "byun": 2},
    "염": {"yeom": 0, "yom": 1, "yum": 2, "ryom": 2},
    "여": {"yeo": 0, "yo": 1, "yeoh": 2, "ryo": 2},
    "추": {"chu": 0, "choo": 2},
    "도": {"do": 0, "to": 1},
    "소": {"so": 0},
    "석": {"seok": 0, "sok": 1, "suk": 2},
    "선": {"seon": 0, "son": 1, "sun": 2},
    "설": {"seol": 0, "sol": 1, "sul": 2},
    "마": {"ma": 0},
    "길": {"gil": 0, "kil": 1},
    "연": {"yeon": 0, "yon": 1, "yun": 2, "ryon": 2},
    "표": {"pyo": 0},
    "명": {"myeong": 0, "myong": 1, "myung": 2},
    "기": {"gi": 0, "ki": 1},
    "금": {"geum": 0, "kum": 1, "keum": 2},
    "왕": {"wang": 0},
    "채": {"chae": 0},
    "탁": {"tak": 0},
    "심": {"sim": 0, "shim": 2},
    "지": {"ji": 0, "jee": 2},
    "함": {"ham": 0, "hahm": 2},
    "육": {"yuk": 0, "yook": 2},
    "봉": {"bong": 0, "pong": 1},
}
# Two-syllable surnames, checked before the one-syllable split.
COMPOUND_SURNAMES = ("남궁", "선우", "제갈", "황보", "독고", "사공", "서문", "동방", "어금", "망절")


def surname_spellings(hangul: str, tier: int = 2) -> set[str]:
    """The surname of the name `hangul` as it may be spelt, lower case (위: wi, wee)."""
    return {surname[0] for surname, _ in name_variants(hangul, tier)}


def is_hangul(text: str) -> bool:
    return bool(text) and all(_BASE <= ord(c) <= 0xD7A3 for c in text)


def _decompose(syllable: str) -> tuple[int, int, int]:
    code = ord(syllable) - _BASE
    return code // 588, (code % 588) // 28, code % 28


def _syllable(syllable: str, previous_final: int | None, tier: int, *,
              word_initial: bool) -> set[str]:
    lead, vowel, final = _decompose(syllable)
    initials = {s for s, t in _INITIALS[lead].items() if t <= tier}
    if lead == 5:  # ㄹ: r in RR; l popular; n (MR) only after a nasal final (ㅇ, ㅁ)
        initials = {"r"} | ({"l"} if tier >= 2 else set())
        if previous_final in (16, 21) and tier >= 1:
            initials.add("n")
    if lead in (0, 3, 7, 12) and not word_initial and tier >= 1 \
            and previous_final in (0, 4, 8, 16, 21):
        # MR voices a plain stop between voiced sounds: keep both g/k, d/t, b/p, j/ch.
        initials |= set(_INITIALS[lead])
    vowels = {s for s, t in _VOWELS[vowel].items() if t <= tier}
    finals = {s for s, t in _FINALS[final].items() if t <= tier}
    return {i + v + f for i in initials for v in vowels for f in finals}


def _given(given: str, surname_final: int | None, tier: int) -> list[tuple[str, ...]]:
    options = []
    previous = surname_final
    for number, syllable in enumerate(given):
        options.append(sorted(_syllable(syllable, previous, tier, word_initial=number == 0)))
        previous = _decompose(syllable)[2]
    return [tuple(combo) for combo in itertools.product(*options)]


def split_name(hangul: str) -> tuple[str, str] | None:
    """(surname, given name) of a Korean personal name, or None when it is not one."""
    hangul = hangul.replace(" ", "")
    if not is_hangul(hangul) or not 2 <= len(hangul) <= 5:
        return None
    if len(hangul) >= 3 and hangul[:2] in COMPOUND_SURNAMES:
        return hangul[:2], hangul[2:]
    return hangul[:1], hangul[1:]


@lru_cache(maxsize=4096)
def name_variants(hangul: str,
                  tier: int = 2) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Every (surname syllables, given-name syllables) spelling up to `tier`, lower case.

    Surname-first and given-name-first orders, and hyphen/space/joined spellings, are left to
    the matcher.
    """
    parts = split_name(hangul)
    if parts is None:
        return ()
    surname, given = parts
    if surname in SURNAMES:
        surnames = sorted(s for s, t in SURNAMES[surname].items() if t <= tier)
        surnames_tokens = [(s,) for s in surnames]
    else:
        joined = _given(surname, None, tier)
        surnames_tokens = [("".join(combo),) for combo in joined]
    surname_final = _decompose(surname[-1])[2]
    given_tokens = _given(given, surname_final, tier)
    return tuple((s, g) for s in surnames_tokens for g in given_tokens)
