"""Candidate Hangul spellings of a romanised Korean name, best first (pure).

The reverse of `romanize`: the same tables of initials, vowels, finals and surnames, read from
spelling to Hangul. "Kang Yu-jung" gives 강유정 first: `kang` is a spelling of the surname 강,
`yu` of 유 and `jung` the popular spelling of 정.

A romanised name does not say which Hangul it stands for (`jung` is 중 in Revised Romanization
and 정 in the spelling most people with the name 정 choose), so every reading is kept and ranked:
- a spelling's tier costs little (0, 0.5 or 0.5 for Revised Romanization, McCune-Reischauer and
  popular spellings: a personal name is spelt as its owner likes) and a rare spelling more (2);
- a syllable costs less the more often it occurs in given names (`GIVEN_COMMON`,
  `GIVEN_USUAL`), a fact about Korean names, not about any article;
- a few popular spellings exist only for reading, never for generating variants: `back` for 백
  (Ahn Gyu-back) and `duck` for 덕 (Han Duck-soo), where English spelling stands in for the
  vowels ㅐ and ㅓ.

The ranking proposes; a translator confirms. The tables are facts about Korean and its
romanisation systems.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from xlate.english.romanize import _FINALS, _INITIALS, _VOWELS, COMPOUND_SURNAMES, SURNAMES

_BASE = 0xAC00
# The syllables most often found in Korean given names (roughly the top fifty), and the next
# most usual ones. Others are possible, just less likely.
GIVEN_COMMON = frozenset(
    "민 서 준 지 현 영 수 정 은 진 성 연 우 희 원 재 혜 경 주 윤 상 태 호 석 철 기 동 용 승 혁 "
    "훈 미 형 선 명 종 환 규 유 하 도 예 아 채 자 인 병 일 화 빈".split())
GIVEN_USUAL = frozenset(
    "가 갑 강 건 겸 결 관 광 교 구 국 균 근 금 길 나 남 늘 다 대 덕 두 라 락 란 래 련 렬 례 록 룡 "
    "률 름 리 린 림 만 모 목 무 문 배 백 범 별 보 복 봉 부 분 비 사 산 삼 새 섭 세 소 솔 송 숙 순 "
    "슬 시 식 신 실 람 안 애 양 여 열 엽 옥 온 완 왕 요 욱 운 웅 위 율 의 이 익 임 장 전 제 조 중 "
    "직 찬 창 천 청 초 춘 충 치 탁 택 평 표 풍 필 학 한 해 행 향 헌 협 홍 효 후 휘 흥".split())
# Surnames by how many people bear them, most first: a reading of the same cost goes to the
# commoner surname ("Yoo": 유 before 류).
SURNAME_ORDER = tuple(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 전 홍 유 고 문 양 손 배 백 허 남 심 "
    "노 하 곽 성 차 주 우 구 류 나 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 "
    "마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용".split())
# Popular spellings kept for reading only: (spelling of vowel + final, vowel index, final index).
_READ_ONLY_RIMES = (
    ("ack", 1, 1), ("uck", 4, 1),                                     # Gyu-back, Duck-soo
    ("woo", 13, 0), ("wook", 13, 1), ("woon", 13, 4), ("woong", 13, 21),  # 우 욱 운 웅
    ("young", 6, 21), ("youn", 6, 4), ("youn", 17, 4), ("youl", 6, 8),    # 영 연 윤 열
    ("yuh", 6, 0), ("ahn", 0, 4), ("ah", 0, 0), ("oh", 8, 0),            # 여 안 아 오
)
# Whole syllables spelt in ways the tables cannot compose: Kang Kyung-wha, Kim Whan-ki, Chung
# Sye-kyun, Paik Nam-june.
_READ_ONLY_SYLLABLES = {"wha": "화", "whan": "환", "sye": "세", "june": "준"}
_TIER_COST = (0.0, 0.5, 0.5, 2.0)
_SYLLABLE_SHAPE = re.compile(r"^[a-z]{1,7}$")


@dataclass(frozen=True, slots=True)
class Reading:
    """One candidate Hangul spelling of a name and how unlikely it is (lower is better)."""

    hangul: str
    cost: float


def _reverse(table: tuple[dict[str, int], ...]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for index, spellings in enumerate(table):
        for spelling, tier in spellings.items():
            out.setdefault(spelling, []).append((index, tier))
    return out


_INITIAL_OF = _reverse(_INITIALS)
_VOWEL_OF = _reverse(_VOWELS)
# Names end their syllables in ㄱ, ㄴ, ㄹ, ㅁ, ㅂ or ㅇ (or nothing): the other finals, and the
# double ones, share these spellings but do not occur in names.
_NAME_FINALS = frozenset({0, 1, 4, 8, 16, 17, 21})
_FINAL_OF = {spelling: [(f, t) for f, t in finals if f in _NAME_FINALS]
             for spelling, finals in _reverse(_FINALS).items()}
# ㄹ is written l as well as r at the start of a syllable (Lee, Lim, Ryu). McCune-Reischauer's
# n for ㄹ comes only after ㅇ or ㅁ inside a word; read first, it would make "nak" 락 (Lee
# Nak-yon) and "nam" 람.
_INITIAL_OF.setdefault("l", []).append((5, 2))
_INITIAL_OF["n"] = [(lead, 3 if lead == 5 else tier) for lead, tier in _INITIAL_OF["n"]]
_SURNAME_OF: dict[str, list[tuple[str, int]]] = {}
for _hangul, _spellings in SURNAMES.items():
    for _spelling, _tier in _spellings.items():
        _SURNAME_OF.setdefault(_spelling, []).append((_hangul, _tier))


def _compose(lead: int, vowel: int, final: int) -> str:
    return chr(_BASE + lead * 588 + vowel * 28 + final)


def _surname_rank(surname: str) -> int:
    return SURNAME_ORDER.index(surname) if surname in SURNAME_ORDER else len(SURNAME_ORDER)


def _commonness(syllable: str) -> float:
    if syllable in GIVEN_COMMON:
        return 0.0
    return 1.0 if syllable in GIVEN_USUAL else 2.5


@lru_cache(maxsize=4096)
def syllable_readings(spelling: str) -> tuple[Reading, ...]:
    """Every Hangul syllable that `spelling` (one romanised syllable) may stand for, with the
    cost of that spelling alone, best first. Empty when it is no romanised syllable."""
    spelling = spelling.lower()
    if not _SYLLABLE_SHAPE.match(spelling):
        return ()
    best: dict[str, float] = {}

    def keep(syllable: str, cost: float) -> None:
        if cost < best.get(syllable, 99.0):
            best[syllable] = cost

    for cut_initial in range(min(3, len(spelling)) + 1):
        initial, rest = spelling[:cut_initial], spelling[cut_initial:]
        for lead, lead_tier in _INITIAL_OF.get(initial, ()):
            for cut_vowel in range(1, min(3, len(rest)) + 1):
                vowel_text, final_text = rest[:cut_vowel], rest[cut_vowel:]
                for vowel, vowel_tier in _VOWEL_OF.get(vowel_text, ()):
                    for final, final_tier in _FINAL_OF.get(final_text, ()):
                        tier = max(lead_tier, vowel_tier, final_tier)
                        keep(_compose(lead, vowel, final), _TIER_COST[tier])
            for rime, vowel, final in _READ_ONLY_RIMES:
                if rest == rime:
                    keep(_compose(lead, vowel, final), 1.0)
    if spelling in _READ_ONLY_SYLLABLES:
        keep(_READ_ONLY_SYLLABLES[spelling], 1.0)
    return tuple(sorted((Reading(s, c) for s, c in best.items()),
                        key=lambda r: (r.cost + _commonness(r.hangul), r.hangul)))


def surname_readings(spelling: str) -> tuple[Reading, ...]:
    """Hangul surnames that `spelling` may stand for, best first; a spelling that is no usual
    surname falls back to the syllable tables, at a cost."""
    spelling = spelling.lower()
    known = _SURNAME_OF.get(spelling)
    if known:
        return tuple(sorted((Reading(h, _TIER_COST[t]) for h, t in known),
                            key=lambda r: (r.cost, _surname_rank(r.hangul), r.hangul)))
    compound: dict[str, float] = {}
    for cut in range(1, len(spelling)):  # Namgung, Sunwoo, Jegal, Hwangbo
        for left in syllable_readings(spelling[:cut]):
            for right in syllable_readings(spelling[cut:]):
                name = left.hangul + right.hangul
                if name in COMPOUND_SURNAMES:
                    compound[name] = min(compound.get(name, 99.0), left.cost + right.cost)
    if compound:
        return tuple(sorted((Reading(h, c) for h, c in compound.items()),
                            key=lambda r: (r.cost, r.hangul)))
    return tuple(Reading(r.hangul, r.cost + 3.0) for r in syllable_readings(spelling))


def is_known_surname(spelling: str) -> bool:
    return spelling.lower() in _SURNAME_OF


def split_joined(given: str) -> list[tuple[str, str]]:
    """The ways a given name written as one word splits into two romanised syllables
    (`jaemyung` -> jae + myung), most plausible first."""
    given = given.lower()
    splits = []
    for cut in range(1, len(given)):
        left, right = given[:cut], given[cut:]
        a, b = syllable_readings(left), syllable_readings(right)
        if a and b:
            # on a tie, the longer first syllable: suk-yeol rather than su-kyeol
            splits.append((a[0].cost + _commonness(a[0].hangul) + b[0].cost
                           + _commonness(b[0].hangul) - 0.01 * len(left), left, right))
    splits.sort()
    return [(left, right) for _, left, right in splits]


def name_readings(surname: str, given: tuple[str, ...], limit: int = 5) -> list[Reading]:
    """Candidate Hangul spellings of a Korean name, best first: `surname` is one romanised
    syllable, `given` the romanised syllables of the given name."""
    surnames = surname_readings(surname)
    options = [syllable_readings(part) for part in given]
    if not surnames or not all(options):
        return []
    scored: dict[str, float] = {}
    for first in surnames[:4]:
        for combo in itertools.product(*(o[:6] for o in options)):
            cost = first.cost + sum(r.cost + _commonness(r.hangul) for r in combo)
            text = first.hangul + "".join(r.hangul for r in combo)
            if cost < scored.get(text, 99.0):
                scored[text] = cost
    ranked = sorted(scored.items(), key=lambda item: (item[1], _surname_rank(item[0][0]),
                                                      item[0]))
    return [Reading(text, round(cost, 2)) for text, cost in ranked[:limit]]
