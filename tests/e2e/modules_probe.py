"""What the e2e tests share: PROBE runs `python -m playground ARGS` (as ``python -c PROBE ARGS``) and then, even
after argparse's SystemExit, writes the heavy modules it imported as JSON to $PLAYGROUND_PROBE_OUT."""

PROBE = """
import json, os, runpy, sys
sys.argv = ["playground", *sys.argv[1:]]
try:
    runpy.run_module("playground", run_name="__main__", alter_sys=True)
finally:
    with open(os.environ["PLAYGROUND_PROBE_OUT"], "w") as f:
        json.dump(sorted(m for m in ("torch", "numpy", "PySide6") if m in sys.modules), f)
"""
