"""Benchmarks of khcn-dash against the framework's floor (`python -m bench`, results in BENCHMARK.md).

- synth: national-scale synthetic Parquet with the project's schema
- reference, queries: each page's queries against hand-written DuckDB queries
- browser: settle times, cold start, input latency and memory against bench/bare_app
- load: concurrent browser sessions walking every page
"""
