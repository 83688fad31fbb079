"""Writes weblate.tbx as Weblate's TBX export does: through translate-toolkit's tbxfile.

Run from this folder: ../../../../.venv/bin/python make_weblate_tbx.py (translate-toolkit 3.20.4).
Weblate puts a source explanation in <descrip type="definition">, a translation explanation in
<note from="translator">, and marks a term with the `forbidden` flag by the administrative status
"forbidden" (Weblate's documentation, formats/tbx).
"""

from lxml import etree
from translate.storage import tbx

UNITS = [  # source, target, source explanation, translation explanation, forbidden
    ("NATO", "나토", "The alliance; capitals.", "", False),
    ("Mark Rutte", "마르크 뤼터", "", "Yonhap's form.", False),
    ("Mark Rutte", "마크 루터", "", "", True),
    ("Lee Jae-myung", "이재명", "", "", False),
    ("The Hague", "헤이그", "", "", False),
]

store = tbx.tbxfile(sourcelanguage="en", targetlanguage="ko")
for number, (source, target, explanation, note, forbidden) in enumerate(UNITS, 1):
    unit = store.addsourceunit(source)
    unit.setid(str(number))
    unit.settarget(target)
    if explanation:
        unit.set_common_note(explanation, source=True)
    if note:
        unit.set_common_note(note)
    if forbidden:
        tig = unit.target_dom.find(unit.namespaced("tig"))
        status = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
        status.text = "forbidden"
with open("weblate.tbx", "wb") as out:
    out.write(bytes(store))
