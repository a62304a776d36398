"""Training, evaluation, prediction, synthetic data and anomaly scoring with PyTorch."""
