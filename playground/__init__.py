"""PyTorch Playground: watch real PyTorch train a neural network."""

__version__ = "0.1.0"
