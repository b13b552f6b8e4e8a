"""The review loop: the queue of flagged figures, people's decisions on them (`actions`), the page they make them
on (`web`, `pages`), and the gold files their decisions become (`gold`)."""
