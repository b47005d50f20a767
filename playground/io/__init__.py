"""Files: the one atomic writer; weights, sessions, ONNX, torch.export, the script template, graph
rendering.

Imports run one way, ``io -> core``: nothing in ``core`` imports this package, and nothing here
imports Qt (the CLI and the tests use it headless).
"""
