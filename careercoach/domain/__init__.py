"""Pure-Python career domain: ladders, profiles and their rules; no Qt, no database."""
