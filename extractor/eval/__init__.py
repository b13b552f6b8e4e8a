"""The eval harness QA runs: the contract's scoring, gold checks, and the reports."""
