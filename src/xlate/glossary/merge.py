"""Merging an imported glossary into the TOML files, by id, losing nothing they hold.

Pure: text in, text out; only the CLI reads and writes files (with `atomic_write`).

`merge_glossary` never loses what the files hold. It edits them with tomlkit, so comments, key
order and the layout of everything it does not touch survive byte for byte, and an import that
brings nothing new changes no byte. The policy, by id:

- a new id: the entry is appended to `new_file` (created if missing), in import order;
- an existing entry keeps every form, note, rendering and value it has. Forms it lacks are added
  (matched by exact text, per language): admitted / deprecated / forbidden forms to their lists;
  a preferred form becomes `canonical` / `approved` only if no preferred form there is valid on
  any of its days (a dated succession); otherwise it is a conflict, and the form is added as
  `admitted` (the source calls it correct, so it is at least acceptable) while the house form
  stays preferred;
- a form with the same text but another status, other dates or another note, and any value
  (`kind`, `case_sensitive`, `hangul`, `hanja`, a note) that differs from the existing one, is a
  conflict: the existing value stays and the report says what the import wanted. Values the
  entry lacks (`hangul`, a note, a locale table, `see` ids) are added.

Entries another tool wrote (`foreign`: a TBX concept without xlate's own fields, a CSV row
without our id) carry ids that mean nothing here ("1", "c123"). Unless such an id is one of
the glossary's, the entry is matched through its source-language forms instead: when they
share a form with exactly one existing entry, compared as the glossary's lookup compares them
(`match_key`: case, dashes, apostrophes and the hyphen / space / joined spellings of a name
folded away), it is merged into that entry, its forms compared the same way; a form spelt
otherwise than the glossary spells it is a conflict, never a second form. Kind and case
sensitivity are not compared: another tool's file does not state them. A concept whose forms
belong to two entries is skipped and reported. Only a concept that matches nothing is new; its
id is made from its canonical form (`slug_id`), and a later foreign concept of the same import
that shares its forms is merged into it. `see` references follow the ids so settled.

One module, over 300 lines: the merge policy and the tomlkit edits that carry it out change
together.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from types import MappingProxyType
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import ParseError
from tomlkit.items import AbstractTable, AoT, Array, Date, DateTime, InlineTable, Table, Time

from xlate.errors import FormatError, GlossaryError
from xlate.glossary.toml_text import (
    ENTRY_KEYS,
    LIST_KEYS,
    LOCALE_KEYS,
    STATUS_OF_KEY,
    array_value,
    basic_string,
    entry_to_toml,
    form_value,
    locale_to_toml,
    note_value,
    preferred_value,
)
from xlate.glossary.validate import fold_form
from xlate.model import Entry, Form, Glossary, Rendering, Status


@dataclass(frozen=True)
class Update:
    """What an existing entry gained, e.g. ('admitted "Alfa"', 'ko: new locale')."""

    id: str
    added: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """An imported value that disagrees with the glossary; the glossary's value was kept."""

    id: str
    field: str
    existing: str
    incoming: str
    resolution: str = "kept the glossary's value"

    def __str__(self) -> str:
        return (f"{self.id}: {self.field}: glossary has {self.existing}, import has "
                f"{self.incoming}; {self.resolution}")


@dataclass(frozen=True)
class MergeResult:
    """New texts of the files that change, and what changed."""

    files: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    added: tuple[str, ...] = ()
    updated: tuple[Update, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    matched: tuple[tuple[str, str], ...] = ()  # (id in the import, id here): foreign entries
    renamed: tuple[tuple[str, str], ...] = ()  # (id in the import, id here): new foreign ones

    @property
    def changed(self) -> bool:
        return bool(self.files)

    def describe(self) -> str:
        """A short human report, one line per fact."""
        lines = [f"matched {a} to {b} by its terms" for a, b in self.matched]
        was = {b: a for a, b in self.renamed}
        lines += [f"added {i}" + (f" (was {was[i]})" if i in was else "") for i in self.added]
        lines += [f"updated {u.id}: {', '.join(u.added)}" for u in self.updated]
        lines += [f"conflict {c}" for c in self.conflicts]
        lines.append(f"{len(self.added)} added, {len(self.updated)} updated, "
                     f"{len(self.conflicts)} conflicts, {len(self.files)} files changed")
        return "\n".join(lines) + "\n"


def match_key(text: str) -> str:
    """The key under which two source forms are one for matching a foreign concept: as the
    glossary's lookup compares them (`fold_form`, case folded), and hyphen, space and joined
    spellings of a name alike ("Lee Jae-myung", "lee jae myung", "Lee Jaemyung")."""
    return fold_form(text, casefold=True).replace("-", "").replace(" ", "")


def slug_id(text: str) -> str:
    """A glossary id made from a form: "Mark Rutte" -> mark_rutte, "G7" -> g7, "2025" ->
    term_2025."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "term"
    return slug if slug[0].isalpha() else f"term_{slug}"


@dataclass(frozen=True)
class _Item:
    """One incoming entry, its id and `see` settled: where it goes and how."""

    entry: Entry
    source_id: str
    foreign: bool
    by_terms: bool = False  # merged into an entry that shares its forms


def merge_glossary(files: Mapping[str, str], incoming: Glossary, *, new_file: str,
                   foreign: Collection[str] = (), unstated: Collection[str] = ()) -> MergeResult:
    """Merge `incoming` into the glossary files (path -> TOML text): by id, and the `foreign`
    entries (ids of `incoming` that another tool made up) through their forms; see the module
    doc. `unstated`: what the import's format cannot carry (`case_sensitive`, `note`,
    `typography` for a CSV file), so that its value there is the reader's default or a
    flattened copy: never compared, a note only added where the entry has none, a form that
    differs from one of the entry's only in its apostrophes and dashes (`fold_form`) taken for
    that form."""
    texts = {path: text if text.endswith("\n") or not text else text + "\n"
             for path, text in files.items()}
    docs = {path: _parse(text, path) for path, text in sorted(texts.items())}
    queue, conflicts, matched, renamed = _plan(incoming, _tables(docs), frozenset(foreign))
    result = MergeResult(conflicts=tuple(conflicts), matched=tuple(matched),
                         renamed=tuple(renamed))
    # Rounds: an entry is edited once a round (its new locale tables are written after the
    # round), and a concept merged into a new entry of this import waits until it is written.
    current, round_no = texts, 0
    while queue:
        batch: list[_Item] = []
        rest: list[tuple[_Item, int]] = []
        for item, earliest in queue:
            if earliest <= round_no and item.entry.id not in {b.entry.id for b in batch}:
                batch.append(item)
            else:
                rest.append((item, earliest))
        if round_no:
            docs = {path: _parse(text, path) for path, text in sorted(current.items())}
        step = _merge(current, docs, _tables(docs), batch, new_file, frozenset(unstated))
        current = {**current, **step.files}
        result = replace(result, files=MappingProxyType({**result.files, **step.files}),
                         added=result.added + step.added, updated=result.updated + step.updated,
                         conflicts=result.conflicts + step.conflicts)
        queue, round_no = rest, round_no + 1
    return result


def _tables(docs: Mapping[str, tomlkit.TOMLDocument]) -> dict[str, tuple[str, Table]]:
    """id -> (path, its [[term]] table), the first of each id."""
    where: dict[str, tuple[str, Table]] = {}
    for path, doc in docs.items():
        terms = doc.get("term")
        if isinstance(terms, AoT):
            for table in terms:
                entry_id = table.get("id")
                if isinstance(entry_id, str) and entry_id not in where:
                    where[entry_id] = (path, table)
    return where


def _plan(incoming: Glossary, where: Mapping[str, tuple[str, Table]], foreign: frozenset[str]
          ) -> tuple[list[tuple[_Item, int]], list[Conflict], list[tuple[str, str]],
                     list[tuple[str, str]]]:
    """Settle where each incoming entry goes: (each item with the earliest round it can be
    merged in, conflicts, foreign entries matched by their forms, new foreign ones renamed)."""
    index: _Index = {}  # match key -> (id, folded form) of existing entries
    for entry_id, (_, table) in where.items():
        _index_forms(index, entry_id, _read_forms(table, "canonical"))
    pending: _Index = {}  # the same for the new foreign entries of this import
    taken = set(where) | {e.id for e in incoming if e.id not in foreign}
    final: dict[str, str | None] = {}
    plans: list[tuple[Entry, str, bool, str]] = []  # entry, final id, foreign, how
    conflicts: list[Conflict] = []
    matched: list[tuple[str, str]] = []
    renamed: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in incoming:
        if entry.id in seen:
            conflicts.append(Conflict(entry.id, "id", "an entry from this import",
                                      "a second entry with this id", "skipped the second"))
            continue
        seen.add(entry.id)
        is_foreign = entry.id in foreign
        if not is_foreign or entry.id in where:
            final[entry.id] = entry.id
            plans.append((entry, entry.id, is_foreign, "id"))
            continue
        here, new = _candidates(entry, index), _candidates(entry, pending)
        if len(here) + len(new) > 1:
            final[entry.id] = None
            forms = ", ".join(json.dumps(f.text, ensure_ascii=False) for f in entry.forms)
            conflicts.append(Conflict(entry.id, "forms", " and ".join(here + new), forms,
                                      "skipped: its forms belong to more than one entry"))
        elif here or new:
            target = (here + new)[0]
            final[entry.id] = target
            matched.append((entry.id, target))
            plans.append((entry, target, True, "terms" if here else "later"))
        else:
            base = slug_id(_seed(entry))
            target, n = base, 1
            while target in taken:
                n += 1
                target = f"{base}_{n}"
            taken.add(target)
            final[entry.id] = target
            if target != entry.id:
                renamed.append((entry.id, target))
            _index_forms(pending, target, entry.forms)
            plans.append((entry, target, True, "id"))
    queue: list[tuple[_Item, int]] = []
    for entry, target, is_foreign, how in plans:
        see = [final.get(s, s) for s in entry.see]
        settled = replace(entry, id=target, see=tuple(dict.fromkeys(s for s in see if s)))
        queue.append((_Item(settled, entry.id, is_foreign, by_terms=how != "id"),
                      1 if how == "later" else 0))
    return queue, conflicts, matched, renamed


_Index = dict[str, list[tuple[str, str]]]


def _index_forms(index: _Index, entry_id: str, forms: Iterable[Form]) -> None:
    for form in forms:
        index.setdefault(match_key(form.text), []).append(
            (entry_id, fold_form(form.text, casefold=True)))


def _candidates(entry: Entry, index: Mapping[str, list[tuple[str, str]]]) -> list[str]:
    """The entries of `index` that share a source form with `entry`; when several do, the one
    that shares a form spelt alike but for case, dashes and apostrophes, if only one does."""
    pairs = [p for f in entry.forms for p in index.get(match_key(f.text), ())]
    loose = list(dict.fromkeys(i for i, _ in pairs))
    if len(loose) <= 1:
        return loose
    folded = {fold_form(f.text, casefold=True) for f in entry.forms}
    exact = list(dict.fromkeys(i for i, text in pairs if text in folded))
    return exact if len(exact) == 1 else loose


def _seed(entry: Entry) -> str:
    """The text a new entry's id is made from: its canonical form, else any form."""
    forms = [*entry.forms, *(f for r in entry.renderings.values() for f in r.forms)]
    preferred = [f for f in forms if f.status is Status.PREFERRED] or forms
    return preferred[0].text if preferred else "term"


def _merge(texts: Mapping[str, str], docs: Mapping[str, tomlkit.TOMLDocument],
           where: Mapping[str, tuple[str, Table]], items: list[_Item],
           new_file: str, unstated: frozenset[str] = frozenset()) -> MergeResult:
    """One round: each item merged into its table or appended to `new_file`."""
    pristine = {path: tomlkit.dumps(doc) for path, doc in docs.items()}
    dirty: set[str] = set()
    new_tables: dict[str, dict[str, str]] = {}  # path -> {sentinel comment: tables to add}
    added: list[str] = []
    appended: list[str] = []
    updated: list[Update] = []
    conflicts: list[Conflict] = []
    for item in items:
        entry = item.entry
        if entry.id not in where:
            added.append(entry.id)
            appended.append(entry_to_toml(entry))
        else:
            path, table = where[entry.id]
            merge = _EntryMerge(entry.id, table, foreign=item.foreign, loose=item.by_terms,
                                unstated=unstated)
            merge.run(entry)
            conflicts.extend(merge.conflicts)
            if merge.added:
                updated.append(Update(entry.id, tuple(merge.added)))
                dirty.add(path)
            if merge.tables:
                # New locale tables are written as text where tomlkit puts this comment: after
                # the entry's last line (tomlkit's own table layout leaves blank lines astray).
                sentinel = f"@xlate-merge-{entry.id}-{len(new_tables.get(path, {}))}@"
                table.add(tomlkit.comment(sentinel))
                new_tables.setdefault(path, {})[f"# {sentinel}\n"] = \
                    "".join("\n" + t for t in merge.tables)
    out = {path: _add_tables(_splice(texts[path], pristine[path], tomlkit.dumps(docs[path])),
                             new_tables.get(path, {}))
           for path in sorted(dirty)}
    if appended:
        base = out.get(new_file, texts.get(new_file, ""))
        if base.strip():
            base += "" if base.endswith("\n\n") else "\n" if base.endswith("\n") else "\n\n"
        out[new_file] = base + "\n".join(appended)
    return MergeResult(MappingProxyType(out), tuple(added), tuple(updated), tuple(conflicts))


def _add_tables(text: str, tables: dict[str, str]) -> str:
    """Replace each sentinel comment line by its tables, moved up above the blank lines and
    comments that lead to the next entry."""
    lines = text.splitlines(keepends=True)
    for sentinel, block in tables.items():
        at = lines.index(sentinel)
        del lines[at]
        while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
            at -= 1
        lines[at:at] = block.splitlines(keepends=True)
    return "".join(lines)


def _splice(original: str, pristine: str, edited: str) -> str:
    """`edited`, but with every line our edits did not touch taken from `original`.

    tomlkit re-renders a few constructs slightly differently from how they were written (the
    space before `}` after a date in an inline table); diffing its output before and after our
    edits finds the lines we changed, and only those are taken from its output.
    """
    old, before, after = (s.splitlines(keepends=True) for s in (original, pristine, edited))
    if len(old) != len(before):
        return edited
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        out.extend(old[i1:i2] if tag == "equal" else after[j1:j2])
    return "".join(out)


def _parse(text: str, path: str) -> tomlkit.TOMLDocument:
    try:
        return _respace(tomlkit.parse(text))
    except ParseError as exc:
        raise GlossaryError(f"invalid TOML: {exc}", path=path, line=exc.line,
                            column=exc.col) from None


def _respace(node: Any) -> Any:
    """Undo tomlkit's one known re-rendering slip: in `{ until = 2025-12-28 }` it files the
    space after a date as comment spacing, which an inline table never prints."""
    if isinstance(node, (Array, AoT)):
        for child in node:
            _respace(child)
    elif isinstance(node, (Container, AbstractTable)):
        inline = isinstance(node, InlineTable)
        for key, value in (node.body if isinstance(node, Container) else node.value.body):
            if inline and key is not None and isinstance(value, (Date, DateTime, Time)):
                trivia = value.trivia
                if trivia.comment_ws and not trivia.comment:
                    trivia.trail, trivia.comment_ws = trivia.comment_ws + trivia.trail, ""
            _respace(value)
    return node


class _EntryMerge:
    """Adds to one existing `[[term]]` table what an incoming entry has and it lacks."""

    def __init__(self, entry_id: str, table: Table, *, foreign: bool = False,
                 loose: bool = False, unstated: frozenset[str] = frozenset()) -> None:
        self.id, self.table = entry_id, table
        self.unstated = unstated | ({"kind", "case_sensitive"} if foreign else set())
        self.loose = loose  # matched by its forms: compare source forms by `match_key`
        self.added: list[str] = []
        self.conflicts: list[Conflict] = []
        self.tables: list[str] = []  # new [term.<locale>] tables, written after the entry

    def run(self, entry: Entry) -> None:
        t = self.table
        if "kind" not in self.unstated:
            self._scalar(t, "kind", entry.kind.value, None)
        have_cs = t.get("case_sensitive", True)
        if have_cs != entry.case_sensitive and "case_sensitive" not in self.unstated:
            self._conflict("case_sensitive", have_cs, entry.case_sensitive)
        for key in ("hangul", "hanja"):
            self._scalar(t, key, getattr(entry, key) or None, ENTRY_KEYS)
        self._see(t, list(dict.fromkeys(entry.see)))
        if not ("note" in self.unstated and t.get("note")):
            self._scalar(t, "note", entry.note or None, ENTRY_KEYS, rendered=note_value,
                         strip=True)
        self._forms(t, entry.forms, "canonical", ENTRY_KEYS, "")
        for locale, rendering in entry.renderings.items():
            sub = t.get(locale)
            if sub is None:
                self.tables.append(locale_to_toml(locale, rendering))
                self.added.append(f"{locale}: new locale")
            elif isinstance(sub, dict):
                self._scalar(sub, "note", rendering.note or None, LOCALE_KEYS, rendered=note_value,
                             label=f"{locale}.note", strip=True)
                self._forms(sub, rendering.forms, "approved", LOCALE_KEYS, f"{locale}.")

    def _see(self, t: Any, ids: list[str]) -> None:
        see = t.get("see")
        missing = [s for s in ids if not (isinstance(see, list) and s in see)]
        if not missing:
            return
        if see is None:
            listed = array_value([basic_string(s) for s in missing])
            self._insert(t, "see", "see = " + listed, ENTRY_KEYS)
        elif isinstance(see, list):
            see.extend(missing)
        else:
            self._conflict("see", see, missing, "not added: the glossary's value is not a list")
            return
        self.added.append("see " + ", ".join(missing))

    def _scalar(self, t: Any, key: str, value: Any, order: tuple[str, ...] | None, *,
                rendered=basic_string, label: str | None = None, strip: bool = False) -> None:
        have = t.get(key)
        if value is None or have == value or (
                strip and isinstance(have, str) and have.strip() == value.strip()):
            return
        if have is None and order is not None:
            self._insert(t, key, f"{key} = {rendered(value)}", order)
            self.added.append(label or key)
        else:
            self._conflict(label or key, have, value)

    def _forms(self, t: Any, forms: tuple[Form, ...], preferred_key: str,
               order: tuple[str, ...], prefix: str) -> None:
        existing = _read_forms(t, preferred_key)
        loose = self.loose and not prefix
        for form in forms:
            same = next((f for f in existing if f.text == form.text), None)
            if same is None and "typography" in self.unstated:
                key = fold_form(form.text, casefold=False)
                same = next((f for f in existing if fold_form(f.text, casefold=False) == key),
                            None)
            if same is None and loose:
                same = next((f for f in existing if match_key(f.text) == match_key(form.text)),
                            None)
                if same is not None:
                    self._conflict(f'{prefix}"{same.text}" spelling', same.text, form.text)
            if same is not None:
                self._compare(prefix, same, form)
                continue
            status = form.status
            if status is Status.PREFERRED:
                rivals = [f for f in existing if f.status is Status.PREFERRED and f.overlaps(form)]
                if rivals:
                    self._conflict(f"{prefix}{preferred_key}", rivals[0].text, form.text,
                                   f'kept "{rivals[0].text}"; added "{form.text}" as admitted')
                    status = Status.ADMITTED
            form = Form(form.text, status, form.valid_from, form.valid_until, form.note)
            key = preferred_key if status is Status.PREFERRED else LIST_KEYS[status]
            if self._add_form(t, key, form, existing, order):
                existing.append(form)
                self.added.append(f'{prefix}{key} "{form.text}"')
            else:
                self._conflict(f"{prefix}{key}", t.get(key), form.text,
                               "not added: the glossary's value is not a list of forms")

    def _compare(self, prefix: str, have: Form, new: Form) -> None:
        what = f'{prefix}"{have.text}"'
        if have.status is not new.status:
            self._conflict(what, have.status.value, new.status.value)
        elif (new.valid_from, new.valid_until) != (None, None) and \
                (have.valid_from, have.valid_until) != (new.valid_from, new.valid_until):
            self._conflict(f"{what} validity", _period(have), _period(new))
        elif new.note and have.note != new.note:
            self._conflict(f"{what} note", have.note, new.note)

    def _add_form(self, t: Any, key: str, form: Form, existing: list[Form],
                  order: tuple[str, ...]) -> bool:
        current = t.get(key)
        single = key in ("canonical", "approved")
        if current is None:
            value = form_value(form) if single else array_value([form_value(form)])
            self._insert(t, key, f"{key} = " + value, order)
        elif isinstance(current, list):
            current.append(_item(form_value(form)))
        elif single and isinstance(current, (str, dict)):
            # a single canonical/approved form becomes a list of dated forms
            preferred = [f for f in existing if f.status is Status.PREFERRED] + [form]
            t[key] = _item(preferred_value(preferred))
        else:
            return False
        return True

    def _insert(self, t: Any, key: str, line: str, order: tuple[str, ...]) -> None:
        item = _respace(tomlkit.parse(line + "\n"))[key]
        before = [k for k in order[:order.index(key)] if k in t]
        container = t.value
        if isinstance(t, InlineTable):
            item.trivia.indent = " "
        if before:
            container._insert_after(before[-1], key, item)  # tomlkit has no public insert-after
        elif any(k is not None for k, _ in container.body):
            container._insert_at(0, key, item)
        else:
            t.append(key, item)

    def _conflict(self, name: str, have: Any, new: Any, resolution: str | None = None) -> None:
        self.conflicts.append(Conflict(self.id, name, _show(have), _show(new),
                                       resolution or "kept the glossary's value"))


def _read_forms(t: Any, preferred_key: str) -> list[Form]:
    """The forms a table holds now, read leniently (the loader reports malformed ones)."""
    forms = []
    for key, status in ((preferred_key, Status.PREFERRED), *STATUS_OF_KEY.items()):
        value = t.get(key)
        value = value.unwrap() if hasattr(value, "unwrap") else value
        items = value if isinstance(value, list) else [value] if value is not None else []
        for item in items:
            if isinstance(item, str):
                forms.append(Form(item, status))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                forms.append(Form(item["text"], status, _day(item.get("from")),
                                  _day(item.get("until")), str(item.get("note", "")).strip()))
    return forms


def _day(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _item(value_text: str) -> Any:
    return _respace(tomlkit.parse(f"x = {value_text}\n"))["x"]


def _period(form: Form) -> str:
    return f"{form.valid_from or '…'} to {form.valid_until or '…'}"


def _show(value: Any) -> str:
    value = value.unwrap() if hasattr(value, "unwrap") else value
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (str, list)) else str(value)


# --- the locales of an import -------------------------------------------------------------------

PLACEHOLDER_LOCALES = ("xx", "und")  # translate-toolkit's "no language given"; BCP 47's


def fit_locales(glossary: Glossary, targets: Collection[str], *, placeholder: str | None = None,
                path: str | None = None) -> Glossary:
    """The import's renderings filed under the project's locales: `ko-KR` or `ko_kr` under
    `ko` when `ko` is the one target of that language (or under `ko_KR` when that is a target),
    a placeholder language (`xx`, as translate-toolkit's csv2tbx writes) under `placeholder`.
    Other locales are left as they are. Two locales that land on one: the forms and notes of
    the second follow those of the first, its approved forms as admitted ones. A placeholder
    without `placeholder`: FormatError."""
    by_key = {t.replace("_", "-").lower(): t for t in targets}

    def fit(locale: str) -> str:
        key = locale.replace("_", "-").lower()
        if locale in targets:
            return locale
        if key in by_key:
            return by_key[key]
        if key in PLACEHOLDER_LOCALES:
            if placeholder is None:
                raise FormatError(f"the target language is written '{locale}', which names no "
                                  "language: pass --locale to say which it is", path=path)
            return placeholder
        same = [t for t in targets if t.lower() == key.split("-")[0]]
        return same[0] if len(same) == 1 else locale

    entries = []
    for entry in glossary:
        renderings: dict[str, Rendering] = {}
        for locale, rendering in entry.renderings.items():
            to = fit(locale)
            have = renderings.get(to)
            if have is None:
                renderings[to] = Rendering(to, rendering.forms, rendering.note)
            else:
                texts = {f.text for f in have.forms}
                demote = any(f.status is Status.PREFERRED for f in have.forms)
                forms = have.forms + tuple(
                    Form(f.text, Status.ADMITTED, f.valid_from, f.valid_until, f.note)
                    if demote and f.status is Status.PREFERRED else f
                    for f in rendering.forms if f.text not in texts)
                note = "\n".join(n for n in (have.note, rendering.note) if n)
                renderings[to] = Rendering(to, forms, note)
        entries.append(replace(entry, renderings=renderings))
    return Glossary(tuple(entries))
