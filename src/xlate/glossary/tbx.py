"""TBX export and import: TBX-Basic v3 (ISO 30042:2019, DCA style) and the older v2 `martif`.

Pure: a `Glossary` goes in and UTF-8 bytes come out, bytes go in and a `Glossary` comes out.

Mapping (both dialects; v2 spells the containers termEntry / langSet / tig):

- entry -> `<conceptEntry id="...">`; its source forms -> `<langSec xml:lang="en">` (the
  `source_locale`), each rendering -> one more `<langSec>`; each form -> a `<termSec>` in order.
- status -> `<termNote type="administrativeStatus">`: PREFERRED preferredTerm-admn-sts,
  ADMITTED admittedTerm-admn-sts, DEPRECATED supersededTerm-admn-sts (replaced by the preferred
  term), FORBIDDEN deprecatedTerm-admn-sts (must not be used).
- entry note -> concept-level `<note>`; rendering note -> `<note>` in its `<langSec>`; form note ->
  `<note>` in its `<termSec>`; `see` -> `<ref type="crossReference" target="id">` (TBX-Basic's
  cross-reference category: an IDREF, so a validator wants the other concept in the same file).
- The fields TBX-Basic has no data category for are `<note>`s whose text starts with `xlate:`:
  concept level `xlate:kind=person`, `xlate:case_sensitive=false`, `xlate:hangul=...`,
  `xlate:hanja=...`; term level `xlate:valid_from=2025-06-17`, `xlate:valid_until=...`. TBX-Basic
  allows no `type` on `<note>` and no foreign elements in DCA style, so a prefixed note is the only
  valid place; other tools show it as an ordinary note. A free note that itself starts with
  `xlate:` is written `xlate:note=...` so that it cannot be mistaken for a field.

An entry carrying `xlate:kind=` was written by xlate and is read back verbatim. Any other entry is
foreign and read leniently: white space in terms and notes collapsed, a missing id derived from
the preferred source term (a slug, made unique), missing statuses read as "first term preferred,
the rest admitted", a language section without a preferred term gets its first usable term
promoted, any language tag whose primary subtag equals the source locale's (`en-US`) is the
source, other tags are normalised (`ko_kr` -> `ko-KR`), unprefixed notes and definitions become
the entry note.

Output is UTF-8, pretty-printed and byte-stable; v3 carries the `xml-model` references to the
TBX-Basic 1.0 DCA schemas (the ed-2 namespace of ISO 30042:2019; the dialect repository's master
branch has since moved to the ed:3.0 namespace), v2 the TBX-Basic DOCTYPE and XCS. Text that XML
1.0 cannot hold (C0 control characters) is a FormatError rather than a broken file.

Input is parsed with defusedxml: entity declarations (billion laughs, XXE) and external references
are refused, a DOCTYPE may only name a plain DTD file (as TBX v2 files do) and is never fetched.

One module for both TBX dialects, over 300 lines: v3 and v2 share the mapping of statuses, notes
and xlate's own fields, and change together.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser
from lxml import etree

from xlate.errors import FormatError
from xlate.glossary.merge import slug_id
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

TBX_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREFIX = "xlate:"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SCHEMAS = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/docs/" \
           "TBX-Basic_dialect_1.0/DCA/"  # the ed-2 (ISO 30042:2019) schemas; master has moved on
_V3_HEAD = (
    f'<?xml-model href="{_SCHEMAS}TBXcoreStructV03_TBX-Basic_integrated.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    f'<?xml-model href="{_SCHEMAS}TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')
_V2_HEAD = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
_GENERATOR = "Exported from an xlate glossary."

STATUS_TO_TBX = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "supersededTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
_STATUS_FROM_TBX = {
    **{v.lower(): k for k, v in STATUS_TO_TBX.items()},
    "preferred": Status.PREFERRED, "standardizedterm-admn-sts": Status.PREFERRED,
    "admitted": Status.ADMITTED, "superseded": Status.DEPRECATED, "obsolete": Status.DEPRECATED,
    "deprecated": Status.FORBIDDEN, "forbidden": Status.FORBIDDEN,
}
_LAYOUT = {  # dialect -> (root, header, entry, language section, term section)
    "v3": ("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec"),
    "v2": ("martif", "martifHeader", "termEntry", "langSet", "tig"),
}


# --- export -------------------------------------------------------------------------------------

def export_tbx(glossary: Glossary, *, source_locale: str = "en", dialect: str = "v3") -> bytes:
    """The glossary as a TBX-Basic document: same glossary, same bytes."""
    if dialect not in _LAYOUT:
        raise ValueError(f"unknown TBX dialect {dialect!r} (use 'v3' or 'v2')")
    root_tag, header_tag, entry_tag, lang_tag, term_tag = _LAYOUT[dialect]
    ns = TBX_NS if dialect == "v3" else None

    def sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str):
        el = etree.SubElement(parent, f"{{{ns}}}{tag}" if ns else tag)
        for key, value in attrib.items():
            el.set(_XML_LANG if key == "lang" else key, value)
        if text is not None:
            try:
                el.text = text
            except ValueError:
                raise FormatError(f"cannot export {text!r} to XML: it holds a control character "
                                  "XML 1.0 cannot represent") from None
        return el

    root = etree.Element(f"{{{ns}}}{root_tag}" if ns else root_tag,
                         nsmap={None: ns} if ns else None)
    root.set("type", "TBX-Basic")
    if ns:
        root.set("style", "dca")
    root.set(_XML_LANG, source_locale)
    header = sub(root, header_tag)
    sub(sub(sub(header, "fileDesc"), "sourceDesc"), "p", _GENERATOR)
    if not ns:
        sub(sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = sub(sub(root, "text"), "body")
    for entry in glossary:
        concept = sub(body, entry_tag, id=entry.id)
        sub(concept, "note", f"{_PREFIX}kind={entry.kind.value}")
        if not entry.case_sensitive:
            sub(concept, "note", f"{_PREFIX}case_sensitive=false")
        for key in ("hangul", "hanja"):
            if getattr(entry, key) is not None:
                sub(concept, "note", f"{_PREFIX}{key}={getattr(entry, key)}")
        _free_note(sub, concept, entry.note)
        for target in entry.see:
            sub(concept, "ref", target, type="crossReference", target=target)
        sections = [(source_locale, entry.forms, "")] if entry.forms else []
        sections += [(loc, r.forms, r.note) for loc, r in entry.renderings.items()]
        for locale, forms, note in sections:
            section = sub(concept, lang_tag, lang=locale)
            _free_note(sub, section, note)
            for form in forms:
                term = sub(section, term_tag)
                sub(term, "term", form.text)
                sub(term, "termNote", STATUS_TO_TBX[form.status], type="administrativeStatus")
                for key in ("valid_from", "valid_until"):
                    if getattr(form, key) is not None:
                        sub(term, "note", f"{_PREFIX}{key}={getattr(form, key).isoformat()}")
                _free_note(sub, term, form.note)
    head = _V3_HEAD if ns else _V2_HEAD
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n' + head.encode("utf-8")
            + etree.tostring(root, encoding="UTF-8", pretty_print=True, xml_declaration=False))


def _free_note(sub, parent: etree._Element, note: str) -> None:
    if note:
        sub(parent, "note", f"{_PREFIX}note={note}" if note.startswith(_PREFIX) else note)


# --- safe parsing -------------------------------------------------------------------------------

class _Parser(DefusedXMLParser):
    """defusedxml's parser, plus: a DOCTYPE may name a plain DTD file (never loaded), no URL."""

    def __init__(self) -> None:
        super().__init__(target=ET.TreeBuilder(), forbid_dtd=False, forbid_entities=True,
                         forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self._check_doctype
        self.root_line = 1  # where the root element starts, for "not a TBX file" errors
        start: Callable[..., object] = self.parser.StartElementHandler  # type: ignore[assignment]

        def first_start(*args: object) -> object:
            self.root_line = self.parser.CurrentLineNumber
            self.parser.StartElementHandler = start
            return start(*args)

        self.parser.StartElementHandler = first_start

    def _check_doctype(self, name, sysid, pubid, has_internal_subset) -> None:
        if sysid and (":" in sysid or "/" in sysid or "\\" in sysid):
            raise _Unsafe(f"external DTD {sysid!r} is not allowed (DTDs are never fetched)")


class _Unsafe(Exception):
    pass


def _parse(data: bytes, path: str) -> ET.Element:
    parser = _Parser()
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        reason = re.sub(r":? line \d+, column \d+$", "", str(exc))
        raise FormatError(f"not well-formed XML: {reason}", path=path, line=line) from None
    except _Unsafe as exc:
        raise FormatError(f"refusing unsafe XML: {exc}", path=path,
                          line=parser.parser.CurrentLineNumber) from None
    except DefusedXmlException as exc:
        what = ("entity declarations are not allowed" if isinstance(exc, EntitiesForbidden)
                else "external references are not allowed")
        raise FormatError(f"refusing unsafe XML: {what}", path=path,
                          line=parser.parser.CurrentLineNumber) from None
    _check_root(root, path, parser.root_line)
    return root


def _check_root(root: ET.Element, path: str, line: int) -> None:
    """Refuse a document that is not TBX before anything is read from it.

    Accepted: TBX v3 `<tbx>` in the ISO 30042:2019 namespace, TBX v2 `<martif>` (which has no
    namespace), and `<tbx>` without a namespace. The last is not valid TBX v3, but TBX-Basic
    files from several tools (and hand-written ones) leave the namespace out; the name alone
    would admit any XML whose root happens to be called `tbx`, so such a root must also have
    TBX's `<text><body>` structure. A root in any other namespace is some other vocabulary
    that reuses the name and is refused, whatever it contains.
    """
    tag = root.tag if isinstance(root.tag, str) else ""
    namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    known = (namespace == TBX_NS and local == "tbx") or (not namespace and local == "martif")
    if not namespace and local == "tbx":
        text = next((c for c in root if c.tag == "text"), None)
        known = text is not None and any(c.tag == "body" for c in text)
        if not known:
            raise FormatError("not a TBX file: root element tbx without a namespace has no "
                              "<text><body> (expected TBX v3 'tbx' in "
                              f"{TBX_NS}, or TBX v2 'martif')", path=path, line=line)
    if not known:
        raise FormatError(f"not a TBX file: root element {tag} (expected TBX v3 'tbx' in "
                          f"{TBX_NS}, or TBX v2 'martif')", path=path, line=line)


# --- import -------------------------------------------------------------------------------------

@dataclass
class _Draft:
    """One concept as read, before ids are settled."""

    raw_id: str | None
    ours: bool
    kind: Kind = Kind.TERM
    case_sensitive: bool = True
    hangul: str | None = None
    hanja: str | None = None
    see: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    renderings: dict[str, tuple[list[Form], list[str]]] = field(default_factory=dict)


def read_tbx(data: bytes, *, path: str = "<tbx>", source_locale: str = "en") -> Glossary:
    """Read a TBX v3 (`<tbx>`) or v2 (`<martif>`) document. Unsafe or broken XML: FormatError."""
    root = _parse(data, path)
    return Glossary(_settle_ids(_drafts(root, source_locale, path)))


def read_tbx_import(data: bytes, *, path: str = "<tbx>",
                    source_locale: str = "en") -> tuple[Glossary, frozenset[str]]:
    """`read_tbx` for the merge: the foreign entries (those another tool wrote) keep an id
    that is not a glossary id as the file spells it, and their ids are returned too; the merge
    matches them by their terms (see `glossary.merge`)."""
    drafts = _drafts(_parse(data, path), source_locale, path)
    entries = _settle_ids(drafts, foreign_raw=True)
    foreign = frozenset(e.id for e, d in zip(entries, drafts, strict=True) if not d.ours)
    return Glossary(entries), foreign


def _drafts(root: ET.Element, source_locale: str, path: str) -> list[_Draft]:
    default_lang = root.get(_XML_LANG)
    return [_read_concept(el, default_lang, source_locale, path) for el in root.iter()
            if _local(el.tag) in ("conceptEntry", "termEntry")]


def _read_concept(concept: ET.Element, default_lang: str | None, source_locale: str,
                  path: str) -> _Draft:
    ours = any(_local(c.tag) == "note" and _text(c, True).startswith(f"{_PREFIX}kind=")
               for c in concept)
    draft = _Draft(raw_id=concept.get("id"), ours=ours)
    where = f"entry {draft.raw_id or '(no id)'}"
    for child in concept:
        name = _local(child.tag)
        if name == "note":
            key, value = _split_note(_text(child, ours), ("kind", "case_sensitive", "hangul",
                                                          "hanja"), where, path)
            if key == "kind":
                if value not in Kind._value2member_map_:
                    raise FormatError(f"{where}: unknown kind {value!r}", path=path)
                draft.kind = Kind(value)
            elif key == "case_sensitive":
                if value not in ("true", "false"):
                    raise FormatError(f"{where}: case_sensitive must be true or false", path=path)
                draft.case_sensitive = value == "true"
            elif key in ("hangul", "hanja"):
                setattr(draft, key, value)
            else:
                draft.notes.append(value)
        elif name == "ref" and child.get("type") == "crossReference":
            draft.see.append(child.get("target") or _text(child, ours))
        elif name in ("descrip", "descripGrp") and not ours:
            draft.notes.extend(_definitions(child))
        elif name in ("langSec", "langSet"):
            _read_section(child, draft, default_lang, source_locale, where, path)
    return draft


def _read_section(section: ET.Element, draft: _Draft, default_lang: str | None,
                  source_locale: str, where: str, path: str) -> None:
    lang = section.get(_XML_LANG) or default_lang
    if not lang:
        raise FormatError(f"{where}: a language section has no xml:lang", path=path)
    if draft.ours:
        is_source = lang == source_locale
    else:
        lang = _norm_locale(lang)
        is_source = lang.split("-")[0] == _norm_locale(source_locale).split("-")[0]
    forms: list[Form] = []
    notes: list[str] = []
    for child in section:
        name = _local(child.tag)
        if name == "note":
            notes.append(_split_note(_text(child, draft.ours), (), where, path)[1])
        elif name in ("descrip", "descripGrp") and not draft.ours:
            notes.extend(_definitions(child))
        elif name in ("termSec", "tig", "ntig"):
            form = _read_term(child, draft.ours, where, path)
            if form is not None:
                forms.append(form)
    forms = _default_statuses(forms, promote=not draft.ours)
    if is_source:
        draft.forms.extend(forms)
        draft.notes.extend(notes)
    else:
        have_forms, have_notes = draft.renderings.setdefault(lang, ([], []))
        have_forms.extend(forms)
        have_notes.extend(notes)


def _read_term(container: ET.Element, ours: bool, where: str, path: str) -> Form | None:
    term = next((el for el in container.iter() if _local(el.tag) == "term"), None)
    text = _text(term, ours) if term is not None else ""
    if not text.strip():
        return None
    status = None
    dates: dict[str, dt.date | None] = {"valid_from": None, "valid_until": None}
    notes = []
    for el in container.iter():
        name = _local(el.tag)
        if (name == "termNote" and el.get("type") == "administrativeStatus") or \
                name == "administrativeStatus":
            status = _STATUS_FROM_TBX.get(_text(el, False).lower())
        elif name == "note":
            key, value = _split_note(_text(el, ours), tuple(dates), f"{where}, term {text!r}", path)
            if key in dates:
                try:
                    dates[key] = dt.date.fromisoformat(value)
                except ValueError:
                    raise FormatError(f"{where}, term {text!r}: {key} {value!r} is not a date "
                                      "like 2025-06-17", path=path) from None
            else:
                notes.append(value)
    # A missing status is settled per language section (_default_statuses); None marks it here.
    return Form(text=text, status=status, note="\n".join(notes), **dates)  # type: ignore[arg-type]


def _default_statuses(forms: list[Form], *, promote: bool) -> list[Form]:
    """No status -> admitted; foreign sections also get their first usable term preferred."""
    first = None
    if promote and not any(f.status is Status.PREFERRED for f in forms):
        first = next((i for i, f in enumerate(forms) if f.status in (None, Status.ADMITTED)), None)
    return [f if f.status and i != first else
            _with_status(f, Status.PREFERRED if i == first else Status.ADMITTED)
            for i, f in enumerate(forms)]


def _with_status(form: Form, status: Status) -> Form:
    return Form(form.text, status, form.valid_from, form.valid_until, form.note)


def _split_note(text: str, keys: tuple[str, ...], where: str, path: str) -> tuple[str, str]:
    """("kind", "person") for `xlate:kind=person`; ("", text) for a free note."""
    if not text.startswith(_PREFIX):
        return "", text
    key, sep, value = text[len(_PREFIX):].partition("=")
    if key == "note" and sep:
        return "", value
    if key in keys and sep:
        return key, value
    raise FormatError(f"{where}: unknown xlate field in note {text[:60]!r}", path=path)


def _definitions(el: ET.Element) -> list[str]:
    return [_text(d, False) for d in el.iter()
            if _local(d.tag) == "descrip" and d.get("type") == "definition"]


def _settle_ids(drafts: list[_Draft], *, foreign_raw: bool = False) -> tuple[Entry, ...]:
    """Keep valid ids; derive the others from the preferred source term, unique in the file.

    With `foreign_raw`, a foreign entry's invalid id is kept as it is ("1", "Mark Rutte", or
    "#3" for the third concept when it has none), made unique with "#2": no glossary id can be
    spelt so, and the merge matches such an entry by its terms, never by an id that a slug of
    another tool's id would happen to share with one of ours."""
    taken = {d.raw_id for d in drafts if d.raw_id and _ID.match(d.raw_id)}
    renamed: dict[str, str] = {}
    ids = []
    for number, draft in enumerate(drafts, 1):
        entry_id = draft.raw_id
        if not (entry_id and _ID.match(entry_id)):
            raw = foreign_raw and not draft.ours
            base = (entry_id or f"#{number}") if raw else slug_id(entry_id or _seed_text(draft))
            entry_id, n = base, 1
            while entry_id in taken:
                n += 1
                entry_id = f"{base}#{n}" if raw else f"{base}_{n}"
            taken.add(entry_id)
            if draft.raw_id:
                renamed[draft.raw_id] = entry_id
        ids.append(entry_id)
    entries = []
    for entry_id, d in zip(ids, drafts, strict=True):
        renderings = {loc: Rendering(loc, tuple(forms), "\n".join(notes))
                      for loc, (forms, notes) in d.renderings.items()}
        see = tuple(s if d.ours else renamed.get(s, s) for s in d.see)
        entries.append(Entry(id=entry_id, kind=d.kind, forms=tuple(d.forms), renderings=renderings,
                             case_sensitive=d.case_sensitive, hangul=d.hangul, hanja=d.hanja,
                             see=see, note="\n".join(d.notes)))
    return tuple(entries)


def _seed_text(draft: _Draft) -> str:
    forms = draft.forms or [f for forms, _ in draft.renderings.values() for f in forms]
    preferred = [f for f in forms if f.status is Status.PREFERRED] or forms
    return preferred[0].text if preferred else "term"


def _norm_locale(tag: str) -> str:
    """BCP 47 casing: `ko_kr` -> `ko-KR`, `zh-hant-tw` -> `zh-Hant-TW`."""
    parts = re.split(r"[-_]", tag.strip())
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: ET.Element, verbatim: bool) -> str:
    text = "".join(el.itertext())
    return text if verbatim else " ".join(text.split())
