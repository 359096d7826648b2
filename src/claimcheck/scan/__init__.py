"""``claimcheck scan``: prose → quantities → evidence search → findings.

* :mod:`~claimcheck.scan.document` — the article as plain text, mapped back to the file,
  read in chunks (its readers of plain text, Markdown and HTML: :mod:`~claimcheck.scan.markup`);
* :mod:`~claimcheck.scan.sentences` — paragraphs and sentences;
* :mod:`~claimcheck.scan.detect` — the quantities of a sentence, and what is not one
  (:mod:`~claimcheck.scan.digits`, :mod:`~claimcheck.scan.words`, :mod:`~claimcheck.scan.phrase`;
  each a :class:`~claimcheck.scan.quantity.Quantity`);
* :mod:`~claimcheck.scan.evidence` — for each claimed figure, the numbers it derives from
  (:mod:`~claimcheck.scan.roles`, :mod:`~claimcheck.scan.items`, :mod:`~claimcheck.scan.bindings`,
  :mod:`~claimcheck.scan.scoring`, :mod:`~claimcheck.scan.candidates`, :mod:`~claimcheck.scan.search`);
* :mod:`~claimcheck.scan.run` — the scan itself and its records.
"""

from claimcheck.lexicon import word_number
from claimcheck.scan.document import MAX_BYTES, Format, guess_format, make_doc, read_input
from claimcheck.scan.run import Finding, Note, ScanResult, ScanStream, iter_findings, scan_path, scan_text, stream_path
from claimcheck.scan.sentences import split_paragraphs, split_sentences

__all__ = [
    "Finding",
    "Format",
    "MAX_BYTES",
    "Note",
    "ScanResult",
    "ScanStream",
    "guess_format",
    "iter_findings",
    "make_doc",
    "read_input",
    "scan_path",
    "scan_text",
    "split_paragraphs",
    "split_sentences",
    "stream_path",
    "word_number",
]
