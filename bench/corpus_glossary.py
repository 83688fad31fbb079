"""Glossaries of 100 to 100,000 terms built from the corpus of `bench/run`, cached on disk.

The corpus is every `.po` file of the Django 5.2.19 and Sphinx 9.0.4 wheels (tests/corpus.py
fetches and extracts them). A term is a 1- to 4-word n-gram of English text that neither starts
nor ends with a function word (lint_scale.STOP) and is longer than three characters; n-grams
never cross punctuation, placeholders (`%(name)s`, `{0}`, `%s`), markup or URLs.

Where the terms come from, in this order:

1. **The msgids.** Every term candidate of the corpus's distinct English msgids, most frequent
   first (frequency = how many distinct msgids contain it, case folded; ties in first-seen
   order over the sorted msgids). There are only about 5,400 of them: Django and Sphinx have
   1,903 distinct msgids between them, repeated across 119 locales.
2. **The wheels' own English**, once the msgids run out: the docstrings, comments and string
   literals of the Python sources in the same two wheels (read with `tokenize`, never
   imported), most frequent first. These never occur in a msgid as written; they make the
   10,000- and 100,000-term glossaries what a large termbase is for one catalogue: mostly terms
   that do not apply, which cost the English matcher and nothing else.

Renderings are taken only where the corpus itself gives a true term translation: when a msgid
*is* the term (the whole msgid, case folded: "Password", "Save as new", "Documentation"), the
term gets, for each locale, the msgstr most often given to that msgid in that locale's
catalogues (translated, not fuzzy, not plural; ties in file order). The locale key is what
`xlate check` looks up: the catalogue's `Language` header, else its folder name; locales babel
cannot parse are left out (G105), and so is Indonesian, whose code `id` is also the entry key
`id` (a `[term.id]` table cannot be written: the format has no place for Indonesian). A term
that is no whole msgid gets no rendering at all: the msgstr of a longer msgid that contains it
would be a sentence, not a rendering, and would turn every other occurrence into a
missing-rendering finding. So the check does target-side work for
a few hundred terms in each catalogue, in its real translations, and the findings it reports
(C101 missing rendering where translators chose another word, C201 inconsistent renderings) are
real disagreements of the corpus with its own most common choice.

Every entry is of kind `term`, case-insensitive unless its canonical form has a capital after
the first letter (acronyms, CamelCase names). Forms that collide once NFC, case, dashes and
hyphens are folded are kept once (`xlate` refuses one form in two entries, G202).

The glossaries are written as TOML (`entry_to_toml`), 5,000 entries a file, under
`$XDG_CACHE_HOME/xlate-bench` (else `~/.cache/xlate-bench`), in a folder named after the corpus
and `VERSION`, and reused until either changes. `python bench/corpus_glossary.py 100 1000`
builds (or finds) them and prints their folders.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import tempfile
import tokenize
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from lint_scale import STOP

import corpus as test_corpus  # tests/corpus.py
from xlate.glossary.toml_text import ENTRY_KEYS, entry_to_toml
from xlate.glossary.validate import fold_form
from xlate.model import Entry, Form, Kind, Rendering, Status

VERSION = 1  # bump when the recipe changes: the cached glossaries are rebuilt
PER_FILE = 5_000
SIZES = (100, 1_000, 10_000, 100_000)
# Placeholders, markup and URLs break n-grams, as punctuation does.
_NOISE = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]"
                    r"|\{[^{}]*\}|<[^<>]*>|&#?\w+;|https?://\S+|\S+@\S+")
_CHUNK = re.compile(r"[^A-Za-z' -]+|\s-+\s|--+")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'-]*[A-Za-z])?")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xlate-bench"


def corpus_files() -> list[Path]:
    """The corpus's 1,296 `.po` files, fetched and extracted by tests/corpus.py on first use."""
    return test_corpus.corpus_files()


def term_candidates(text: str) -> Iterator[str]:
    """The 1- to 4-word n-grams of `text` that could be terms, in text order."""
    for chunk in _CHUNK.split(_NOISE.sub("|", text)):
        words = _WORD.findall(chunk)
        for n in (1, 2, 3, 4):
            for start in range(len(words) - n + 1):
                gram = words[start:start + n]
                if gram[0].lower() in STOP or gram[-1].lower() in STOP:
                    continue
                term = " ".join(gram)
                if len(term) > 3:
                    yield term


def _key(term: str) -> str:
    """What G202 and the matcher treat as one form: folded case, dashes and hyphens."""
    return " ".join(fold_form(term, casefold=True).replace("-", " ").split())


class _Ranking:
    """Term candidates by key: how many texts contain each, and its most common surface."""

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.surfaces: dict[str, Counter[str]] = {}

    def add(self, text: str) -> None:
        seen: dict[str, str] = {}
        for term in term_candidates(text):
            seen.setdefault(_key(term), term)
            self.surfaces.setdefault(_key(term), Counter())[term] += 1
        self.count.update(seen.keys())

    def ranked(self) -> list[str]:
        """Keys, most frequent first (ties in first-seen order: Counter keeps insertion order)."""
        return [key for key, _ in sorted(self.count.items(), key=lambda kv: -kv[1])]

    def surface(self, key: str) -> str:
        return self.surfaces[key].most_common(1)[0][0]


def locale_of(po, path: Path) -> str:
    """The locale `xlate check` gives the catalogue: its Language header, else its folder."""
    language = (po.metadata.get("Language") or "").strip()
    if language:
        return language
    return path.parent.parent.name if path.parent.name == "LC_MESSAGES" else ""


def read_corpus(files: Iterable[Path]) -> tuple[list[str], dict[str, dict[str, Counter[str]]]]:
    """The distinct msgids (sorted) and, per msgid key, per locale, its msgstrs counted."""
    import polib

    msgids: set[str] = set()
    translations: dict[str, dict[str, Counter[str]]] = {}
    for path in files:
        po = polib.pofile(str(path))
        locale = locale_of(po, path)
        for entry in po:
            if not entry.msgid or entry.obsolete:
                continue
            msgids.add(entry.msgid)
            if entry.msgid_plural or entry.fuzzy or not entry.msgstr.strip() or not locale:
                continue
            msgstr = " ".join(entry.msgstr.split())
            if "\n" in entry.msgstr or len(msgstr) > 4 * len(entry.msgid) + 20:
                continue
            key = _key(entry.msgid)
            translations.setdefault(key, {}).setdefault(locale, Counter())[msgstr] += 1
    return sorted(msgids), translations


def wheel_english(wheels: Iterable[Path]) -> Iterator[str]:
    """Comments and string literals (docstrings among them) of every `.py` file in `wheels`."""
    for wheel in sorted(wheels):
        with zipfile.ZipFile(wheel) as archive:
            for name in sorted(archive.namelist()):
                if not name.endswith(".py"):
                    continue
                source = archive.read(name)
                try:
                    for token in tokenize.tokenize(io.BytesIO(source).readline):
                        if token.type == tokenize.COMMENT:
                            yield token.string.lstrip("#")
                        elif token.type == tokenize.STRING and " " in token.string:
                            yield " ".join(token.string.split())
                except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
                    continue


def _usable_locales(locales: Iterable[str]) -> set[str]:
    from babel import Locale, UnknownLocaleError

    usable = set()
    for locale in locales:
        if locale in ENTRY_KEYS:  # Indonesian: [term.id] would overwrite the entry's id
            continue
        try:
            Locale.parse(locale.replace("-", "_"))
        except (ValueError, UnknownLocaleError, TypeError):
            continue
        usable.add(locale)
    return usable


def build_entries(files: list[Path], wheels: list[Path], terms: int) -> list[Entry]:
    """The `terms` entries of the largest glossary; every smaller one is a prefix of it."""
    msgids, translations = read_corpus(files)
    from_msgids = _Ranking()
    for msgid in msgids:
        from_msgids.add(msgid)
    chosen = [(key, from_msgids.surface(key)) for key in from_msgids.ranked()]
    if len(chosen) < terms:
        taken = {key for key, _ in chosen}
        from_wheels = _Ranking()
        for text in wheel_english(wheels):
            from_wheels.add(text)
        chosen += [(key, from_wheels.surface(key)) for key in from_wheels.ranked()
                   if key not in taken]
    if len(chosen) < terms:
        raise SystemExit(f"only {len(chosen):,} distinct terms in the corpus; ask for fewer")
    locales = _usable_locales({loc for per in translations.values() for loc in per})
    entries = []
    for number, (key, surface) in enumerate(chosen[:terms]):
        renderings = {}
        for locale, msgstrs in sorted(translations.get(key, {}).items()):
            if locale in locales:
                approved = msgstrs.most_common(1)[0][0]
                renderings[locale] = Rendering(locale, (Form(approved, Status.PREFERRED),))
        entries.append(Entry(f"t{number}", Kind.TERM, (Form(surface, Status.PREFERRED),),
                             renderings, case_sensitive=any(c.isupper() for c in surface[1:])))
    return entries


def glossary_root() -> Path:
    return cache_dir() / f"glossaries-{test_corpus.corpus_root().name}-v{VERSION}"


def glossary_dir(size: int) -> Path:
    return glossary_root() / f"terms-{size}"


def write_glossary(folder: Path, entries: list[Entry]) -> None:
    """The entries as TOML files of PER_FILE entries, the folder appearing whole or not at all."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".writing-", dir=folder.parent))
    try:
        for start in range(0, len(entries), PER_FILE):
            text = "\n".join(entry_to_toml(e) for e in entries[start:start + PER_FILE])
            (scratch / f"part{start // PER_FILE:03d}.toml").write_text(text, encoding="utf-8")
        scratch.rename(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def glossaries(sizes: Iterable[int]) -> dict[int, Path]:
    """The glossary folder of each size, built (all sizes from one ranking) when missing."""
    sizes = sorted(set(sizes))
    missing = [size for size in sizes if not glossary_dir(size).is_dir()]
    if missing:
        files = corpus_files()
        wheels = sorted(test_corpus.cache_dir().glob("*.whl"))
        entries = build_entries(files, wheels, max(missing))
        for size in missing:
            write_glossary(glossary_dir(size), entries[:size])
    return {size: glossary_dir(size) for size in sizes}


def main(argv: list[str]) -> int:
    sizes = [int(a.replace(",", "")) for a in argv] or list(SIZES)
    for size, folder in glossaries(sizes).items():
        print(f"{size:>7,} terms: {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
