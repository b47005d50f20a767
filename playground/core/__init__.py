"""Qt-free heart of the playground: what a run is. Config, the catalog, data, model, trainer,
graph tracing and probing, view snapshots, lessons, the palette.

Nothing under this package imports Qt, pyqtgraph, the engine, io or ui (import-linter checks it):
the CLI, the training process and the tests run it headless.
"""
