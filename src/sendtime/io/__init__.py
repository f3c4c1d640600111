"""The edge that reads and writes files: loaders, caseloads, batch, rule files, caches, schema."""
