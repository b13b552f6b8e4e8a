"""The extractor database: the tables and their migrations (`database`), and the analysts' views, numeric value
columns and full-text indexes over them (`views`)."""

from .database import MIGRATIONS, DocumentRecord, Store, fact_from_row, fact_row, m001_initial, open_store, section_id

__all__ = ["MIGRATIONS", "DocumentRecord", "Store", "fact_from_row", "fact_row", "m001_initial", "open_store",
           "section_id"]
