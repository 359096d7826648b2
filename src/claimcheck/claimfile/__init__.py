"""The claim-file stage: paths → bytes → text → YAML nodes → data → validated models."""
