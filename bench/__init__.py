"""Benchmark and dataset scripts (run them as files: python bench/NAME.py)."""
