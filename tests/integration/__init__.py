"""Integration tests: a real server process, fake remote services on 127.0.0.1."""
