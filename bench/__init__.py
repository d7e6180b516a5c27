"""Benchmarks: `make bench` runs every section and writes bench/REPORT.md."""
