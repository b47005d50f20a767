"""Qt-free heart of the playground: config, data, model, training, graph, export.

Nothing under this package may import Qt or pyqtgraph: the CLI and the tests run it headless.
"""
