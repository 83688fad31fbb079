"""xlate.po.read: every field, line numbers, decoding, and each syntax error at its line (each
one also rejected by GNU msgfmt, asked in the test), with the decoys that must not raise.

Every test runs twice: through the reader as it is (the fast path `xlate.po.scan` reads what it
can) and with the fast path turned off, so that the full reader is held to the same answers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from xlate.errors import PoSyntaxError, XlateError
from xlate.po.read import PoEntry, iter_po, read_po


@pytest.fixture(autouse=True, params=["fast path", "full reader"])
def reader(request, monkeypatch):
    if request.param == "full reader":
        monkeypatch.setattr("xlate.po.read.scan", lambda text: None)
    return request.param


HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n'
          '"Language: ko\\n"\n')


def po(body: str, charset: str = "UTF-8") -> str:
    """A catalogue: a 4-line header, a blank line, then `body` from line 6."""
    return HEADER.format(charset=charset) + "\n" + body


def one(body: str) -> PoEntry:
    entries = read_po(po(body).encode()).entries
    assert len(entries) == 1
    return entries[0]


FULL = """\
# translator one
#
#  two spaces
#. extracted
#. second
#: a.py:1 b/c.py:22
#: d.py
#, fuzzy, python-format
#| msgctxt "old ctx"
#| msgid "old "
#| "id"
#| msgid_plural "olds"
msgctxt "ctx"
msgid ""
"one\\n"
"two"
msgid_plural "many"
msgstr[0] "하나"
msgstr[1] ""
"둘"
msgstr[2] "셋"
"""


def test_every_field_of_a_plural_entry():
    entry = one(FULL)
    assert entry.tcomment == "translator one\n\n two spaces"
    assert entry.comment == "extracted\nsecond"
    assert entry.occurrences == entry.references == ("a.py:1", "b/c.py:22", "d.py")
    assert entry.flags == ("fuzzy", "python-format")
    assert (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural) == \
        ("old ctx", "old id", "olds")
    assert (entry.msgctxt, entry.msgid, entry.msgid_plural) == ("ctx", "one\ntwo", "many")
    assert entry.msgstr == ""
    assert entry.msgstr_plural == ("하나", "둘", "셋")
    assert not entry.obsolete
    assert (entry.line, entry.msgctxt_line, entry.msgid_line) == (6, 18, 19)
    assert (entry.msgstr_line, entry.msgstr_lines) == (23, (23, 24, 26))


def test_singular_entry_and_header():
    catalogue = read_po(po('msgid "a"\nmsgstr "b"\n').encode(), "x.po")
    assert catalogue.path == "x.po" and catalogue.encoding == "utf-8"
    assert catalogue.header is not None and catalogue.header.line == 1
    assert catalogue.metadata == {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    (entry,) = catalogue.entries
    assert (entry.msgid, entry.msgstr, entry.msgstr_plural, entry.msgctxt) == ("a", "b", (), None)
    assert (entry.line, entry.msgctxt_line, entry.msgid_line, entry.msgstr_lines) == \
        (6, None, 6, (7,))


def test_iter_po_streams_the_header_first():
    entries = list(iter_po(po('msgid "a"\nmsgstr "b"\n').encode()))
    assert [entry.msgid for entry in entries] == ["", "a"]
    assert entries[0].is_header and not entries[1].is_header


def test_obsolete_entries_and_their_previous_fields():
    entry = one('#~ # kept\n#~| msgid "was"\n#~ msgctxt "c"\n#~ msgid "a"\n'
                '#~ msgid_plural "as"\n#~ msgstr[0] "x"\n#~ msgstr[1] "y"\n#~ "z"\n')
    assert entry.obsolete and entry.tcomment == "kept" and entry.previous_msgid == "was"
    assert (entry.msgctxt, entry.msgid, entry.msgstr_plural) == ("c", "a", ("x", "yz"))


def test_escapes_as_gnu_reads_them():
    entry = one('msgid "\\"q\\" \\\\ \\n\\t\\b\\r\\f\\v\\a"\nmsgstr "\\101\\x42\\303\\251"\n')
    assert entry.msgid == '"q" \\ \n\t\b\r\f\v\a'
    assert entry.msgstr == "ABé"  # octal and hex escapes are bytes of the file's charset


@pytest.mark.parametrize("string", ['"d\\0e"', '"d\0e"', '"d\\x00 e"', '"d\\000"'])
def test_a_nul_byte_in_a_string_is_refused_where_gnu_drops_the_rest(string):
    """msgfmt and msgcat accept a NUL byte (raw or escaped) and silently keep only what
    precedes it: the translation loses its end. xlate refuses the file instead, and says so."""
    with pytest.raises(PoSyntaxError, match="a NUL byte inside a string: gettext would keep "
                       "'d' and silently drop") as caught:
        read_po(po(f'msgid "a"\nmsgstr {string}\n').encode(), "ko.po")
    assert caught.value.line == 7


def test_a_backslash_at_the_end_of_a_line_joins_the_next_line():
    """GNU's lexer drops a backslash-newline pair anywhere, comments included; lines after
    the joined ones keep their numbers."""
    body = ('# trans\\\nlator\nmsgid "a\\\nb\\\n\\\nc"\nmsgstr "x\\\\\\\ny"\n\n'
            'msgid "d"\nmsgstr "e"\n')
    first, second = read_po(po(body).encode()).entries
    assert first.tcomment == "translator"
    assert first.msgid == "abc"
    assert first.msgstr == "x\\y"  # `\\` then `\<LF>`: one backslash, the pair dropped
    assert (first.line, first.msgid_line, first.msgstr_line) == (6, 8, 12)
    assert (second.line, second.msgstr_line) == (15, 16)
    if shutil.which("msgcat"):  # GNU reads it the same way
        done = subprocess.run(["msgcat", "-"], input=po(body).encode(), capture_output=True)
        gnu = read_po(done.stdout).entries
        assert [(e.tcomment, e.msgid, e.msgstr) for e in gnu] == \
            [("translator", "abc", "x\\y"), ("", "d", "e")]


def test_the_domain_directive_is_refused_with_a_reason():
    with pytest.raises(PoSyntaxError, match="'domain' directive is not supported") as error:
        read_po(po('domain "other"\nmsgid "a"\nmsgstr "b"\n').encode(), "x.po")
    assert error.value.line == 6


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029", "\x1c", "\r"])
def test_line_numbers_count_lf_only(separator):
    entry = read_po(po(f'msgid "a{separator}b"\nmsgstr "c"\n\nmsgid "d"\nmsgstr "e"\n')
                    .encode()).entries
    assert entry[0].msgid == f"a{separator}b"
    assert (entry[1].line, entry[1].msgstr_line) == (9, 10)


@pytest.mark.parametrize("prefix, newline", [(b"", b"\r\n"), (b"\xef\xbb\xbf", b"\n"),
                                             (b"\xef\xbb\xbf", b"\r\n")])
def test_bom_and_crlf(prefix, newline):
    text = po("# note  \nmsgid \"a\"\nmsgstr \"b\"\n").encode().replace(b"\n", newline)
    catalogue = read_po(prefix + text)
    (entry,) = catalogue.entries
    assert (entry.msgid, entry.msgstr, entry.tcomment, entry.msgstr_line) == \
        ("a", "b", "note  ", 8)
    assert catalogue.metadata["Language"] == "ko"


@pytest.mark.parametrize("charset, text", [
    ("ISO-8859-1", "Señor Müller"), ("CP1252", "“quoted” €"), ("EUC-KR", "위성락 대사"),
    ("Shift_JIS", "表示する ソ能"),  # ソ and 能 hold 0x5C (a backslash) as second byte
    ("BIG5", "許功蓋"), ("KOI8-R", "Привет")])
def test_declared_charsets(charset, text):
    data = po(f'# {text}\nmsgid "{text}"\nmsgstr "{text}"\n', charset).encode(charset)
    catalogue = read_po(data)
    (entry,) = catalogue.entries
    assert (entry.tcomment, entry.msgid, entry.msgstr) == (text, text, text)
    assert catalogue.metadata["Content-Type"] == f"text/plain; charset={charset}"


def test_charset_placeholder_means_utf8():
    catalogue = read_po(po('msgid "a"\nmsgstr "é"\n', "CHARSET").encode())
    assert catalogue.encoding == "utf-8" and catalogue.entries[0].msgstr == "é"


def test_undecodable_bytes_name_their_line():
    data = po('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "\xff"\n').encode("latin-1")
    with pytest.raises(PoSyntaxError) as caught:
        read_po(data, "ko.po")
    assert caught.value.line == 10 and "invalid multibyte sequence" in str(caught.value)
    assert str(caught.value).startswith("ko.po:10: ")


def test_unknown_charset():
    with pytest.raises(XlateError, match="VISCII"):
        read_po(po('msgid "a"\nmsgstr "b"\n', "VISCII").encode())


# body (from line 6), line, message; each also rejected by msgfmt --check
ERRORS = [
    ('msgid "Wi Sung-lac\nmsgstr "위성락"\n', 6, "end-of-line within string"),
    ('msgid "a"\nmsgstr "b', 7, "end-of-file within string"),
    ('msgid "a\\q"\nmsgstr "b"\n', 6, "invalid control sequence"),
    ('msgid "a\\?"\nmsgstr "b"\n', 6, "invalid control sequence"),
    ("msgid \"a\\'\"\nmsgstr \"b\"\n", 6, "invalid control sequence"),
    ('msgid "a\\x"\nmsgstr "b"\n', 6, "invalid control sequence"),
    ('msgid "a"\nmsgstr "\\8"\n', 7, "invalid control sequence"),
    ('msgstr "b"\nmsgid "a"\n', 6, "syntax error"),
    ('msgid_plural "as"\nmsgstr[0] "b"\n', 6, "syntax error"),
    ('msgid "a"\nmsgstr[0] "b"\n', 7, "missing 'msgid_plural' section"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 8, "syntax error"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n', 8, "first plural form has nonzero index"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n', 9,
     "plural form has wrong index"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[0] "c"\n', 9,
     "plural form has wrong index"),
    ('msgid "a"\n\nmsgid "c"\nmsgstr "d"\n', 6, "missing 'msgstr' section"),
    ('msgid "a"\n', 6, "missing 'msgstr' section"),
    ('msgid "a"\nmsgid_plural "as"\n', 6, "missing 'msgstr[]' section"),
    ('msgid "a"\n# comment\nmsgstr "b"\n', 6, "missing 'msgstr' section"),
    ('hello world\nmsgid "a"\nmsgstr "b"\n', 6, 'keyword "hello" unknown'),
    ('msgid "a"\nmsgstr "b"\n"stray" garbage\n', 8, 'keyword "garbage" unknown'),
    ('msgid "a"\nmsgstr "b"\n@\n', 8, "syntax error"),
    ('msgid "a"\nmsgstr "b\x04c"\n', 7, "context separator <EOT> within string"),
    ('msgid "a"\nmsgstr\n', 7, "syntax error"),
    ('msgid "a"\n#~ msgstr "b"\n', 7, "inconsistent use of #~"),
    ('# c\n"orphan"\nmsgid "a"\nmsgstr "b"\n', 7, "syntax error"),
]


@pytest.mark.parametrize("body, line, message", ERRORS, ids=[e[2] for e in ERRORS])
def test_syntax_errors(body, line, message, tmp_path):
    with pytest.raises(PoSyntaxError) as caught:
        read_po(po(body).encode(), "ko.po")
    assert caught.value.line == line
    assert caught.value.message.startswith(message)
    assert str(caught.value).startswith(f"ko.po:{line}")
    if shutil.which("msgfmt"):
        path = tmp_path / "ko.po"
        path.write_text(po(body), encoding="utf-8")
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
        assert done.returncode != 0, done.stderr


DECOYS = {
    "escaped quotes": ('msgid "say \\"hi\\""\nmsgstr "\\"안녕\\""\n', 1),
    "previous fields": ('#, fuzzy\n#| msgid "old"\nmsgid "new"\nmsgstr "x"\n', 1),
    "obsolete": ('msgid "a"\nmsgstr "b"\n\n#~ msgid "c"\n#~ msgstr "d"\n', 2),
    "empty msgstr": ('msgid "a"\nmsgstr ""\n', 1),
    "long msgid": ('msgid ""\n' + '"line\\n"\n' * 40 + 'msgstr "x"\n', 1),
    "odd comments": ('# "unterminated \\q\n#. msgid "x"\n#: \n#,\n##\n#~\n'
                     'msgid "a"\nmsgstr "b"\n', 1),
    "two strings on a line": ('msgid "a" "b"\nmsgstr "c"\n', 1),
    "duplicates are kept for C503": ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 2),
    "trailing comment": ('msgid "a"\nmsgstr "b"\n# end\n', 1),
    "blank lines and spaces": ('\n\n   msgctxt  "c"\n\n\tmsgid "a"\nmsgstr [ 0 ]\n'
                               .replace("msgstr [ 0 ]", 'msgstr "b"'), 1),
}


@pytest.mark.parametrize("name", list(DECOYS))
def test_decoys_that_are_valid_po(name, tmp_path):
    body, count = DECOYS[name]
    assert len(read_po(po(body).encode()).entries) == count
    if shutil.which("msgcat") and "C503" not in name:  # GNU reads them too (duplicates:
        # msgcat says "duplicate message definition", a fatal error; for us a finding, C503)
        path = tmp_path / "ko.po"
        path.write_text(po(body), encoding="utf-8")
        assert subprocess.run(["msgcat", "-o", "/dev/null", "--use-first", str(path)],
                              capture_output=True).returncode == 0


def test_header_only_and_empty_files():
    only = read_po(po("").encode())
    assert only.entries == [] and only.header is not None
    empty = read_po(b"")
    assert (empty.entries, empty.header, empty.metadata) == ([], None, {})
    assert list(iter_po(b"# just a comment\n")) == []


def test_metadata_like_polib():
    header = 'msgid ""\nmsgstr ""\n"Key: a\\n"\n"continued\\n"\n"Other:  b  \\n"\n'
    assert read_po(header.encode()).metadata == {"Key": "a\ncontinued", "Other": "b"}


def test_reads_its_own_repository_catalogues():
    for path in sorted(Path(__file__).parents[1].glob("**/locale/**/*.po"))[:20]:
        read_po(path.read_bytes(), str(path))


def test_each_header_field_knows_its_line():
    data = (b'# comment\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n'
            b'"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    po = read_po(data)
    assert po.field_lines == {"Language": 4, "Plural-Forms": 5}
    same_line = read_po(b'msgid ""\nmsgstr "Language: ko\\n"\n"Plural-Forms: x\\n"\n')
    assert same_line.field_lines == {"Language": 2, "Plural-Forms": 3}
    assert read_po(b'msgid "a"\nmsgstr "b"\n').field_lines == {}


def test_fuzzy_and_translated_as_gettext_counts_them():
    po = read_po(b'#, fuzzy\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgid_plural "d"\n'
                 b'msgstr[0] "e"\nmsgstr[1] ""\n\nmsgid "f"\nmsgstr "g"\n\nmsgid "h"\nmsgstr ""\n')
    assert [(e.fuzzy, e.translated()) for e in po.entries] == [
        (True, False), (False, False), (False, True), (False, False)]
