"""How an LLM is used on a document: `assist` (rules first, the LLM asked what they cannot answer) and `naive`
(the LLM alone, the anchor the eval compares with)."""
