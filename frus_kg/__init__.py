"""Composition root of frus-kg: the command line."""
