"""Benchmarks that print figures (not tests). Run from the repository root."""
