"""forgeflow's tests."""
