"""QA dataset tools: parse documents, chunk them, export datasets (generation: graphs/qa)."""
