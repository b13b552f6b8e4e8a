"""The rules: report month, sections, the number labeller and the keyword drivers, built on the shared text
layer. Report formats compose them; nothing here knows a provider, the store or the CLI."""
