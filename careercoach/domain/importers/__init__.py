"""Adapters that read published career-ladder formats into the ladder model."""
