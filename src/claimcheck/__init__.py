"""claimcheck: recompute the numbers behind published claims."""

__version__ = "0.1.0"
