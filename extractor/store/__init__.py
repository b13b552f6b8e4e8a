"""The extractor database: the store (`database`), the tables' migrations (`migrations`), and the analysts' views, numeric value
columns and full-text indexes over them (`views`)."""

from .database import Store, open_store
from .rows import DocumentRecord, fact_from_row, fact_row, section_id
from .migrations import MIGRATIONS, m001_initial

__all__ = ["MIGRATIONS", "DocumentRecord", "Store", "fact_from_row", "fact_row", "m001_initial", "open_store",
           "section_id"]
