"""Tests for the report exports and the shared chart painters."""
