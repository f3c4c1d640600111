"""The law, one package per jurisdiction."""
