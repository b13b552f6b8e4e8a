"""Reconciliation: grounding every number in its span, deciding between the rules' and the LLM's labels, and
cross-checks of figures that cannot all be true together."""
