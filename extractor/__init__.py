"""extractor: SMM metal-production reports in, grounded facts in SQLite out."""

__version__ = "0.1.0"

# Bumped whenever a change to parsing or labelling can change extracted facts:
# stored with every run and part of the key that makes re-runs no-ops.
PIPELINE_VERSION = "rules-1"
