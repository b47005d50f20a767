import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402,F401  (import torch before any QApplication exists: a known crash otherwise)
