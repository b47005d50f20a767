"""The Qt side: main window, panels, views and the worker-thread bridge to playground.core."""
