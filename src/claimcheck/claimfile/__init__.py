"""The claim-file stage: paths → bytes → text → YAML nodes → data → validated models.

What the rest of claimcheck uses is re-exported here::

    from claimcheck.claimfile import load_paths, Loaded
    for loaded in load_paths(["claims/"]):
        loaded.model        # a ClaimFile, or None
        loaded.problems     # located problems: path:line:col: error: message

The steps, one module each, in the order the data flows:

* :mod:`~claimcheck.claimfile.read` — which files, their bytes, strict UTF-8 text;
* :mod:`~claimcheck.claimfile.yaml` — composing (libyaml, no implicit typing) and the one
  walker, lean or located, that turns the node tree into plain data and locations;
* :mod:`~claimcheck.claimfile.model` — the pydantic models, the one source of the shape;
* :mod:`~claimcheck.claimfile.errors` — pydantic's errors as located messages;
* :mod:`~claimcheck.claimfile.xref` — sources, figure names, ids and cycles across the file;
* :mod:`~claimcheck.claimfile.load` — all of it for one file: :class:`Loaded`.

Beside the flow: :mod:`~claimcheck.claimfile.schema` (the JSON Schema, generated from the
models, for ``claimcheck schema``) and :mod:`~claimcheck.claimfile.scaffold` (the template
``claimcheck new`` writes). Importing this package imports neither PyYAML nor pydantic;
they are imported when a file is first loaded.
"""

from __future__ import annotations

from claimcheck.claimfile.load import Loaded, load_file, load_located, load_paths, load_text, validate_data
from claimcheck.claimfile.read import DEFAULT_MAX_BYTES, YAML_SUFFIXES, decode, discover, read_bytes, read_text
from claimcheck.claimfile.yaml import MAX_DEPTH, LazyLocations, Locations, compose

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "YAML_SUFFIXES",
    "LazyLocations",
    "Loaded",
    "Locations",
    "compose",
    "decode",
    "discover",
    "load_file",
    "load_located",
    "load_paths",
    "load_text",
    "read_bytes",
    "read_text",
    "validate_data",
]
