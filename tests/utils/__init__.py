"""Test helpers: server processes, fake remote services, data factories."""
