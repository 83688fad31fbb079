"""The English side: finding glossary terms in source text; pure.

- `match`: `Matcher`, one compiled index of every form (and generated variant) of the glossary;
- `tiling`: the word trie and the tiling that covers the most words;
- `surface`: how a written surface relates to the form it matched (case, plural, hyphens);
- `romanize`: plausible romanisations of a Korean name from its Hangul;
- `nearmiss`: capitalised words one edit away from a glossary name;
- `textmap`: normalised text that remembers where each character came from;
- `segment`: article text into paragraphs and sentences.
"""
