"""Shared text machinery every report format uses: reading files, numbers, months, sentences and clauses,
the comparison and direction vocabulary, and the commodity names."""
