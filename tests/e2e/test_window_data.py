"""`playground --data FILE.csv`: the window opens on your own data (as File > Import data); a bad
file is one line naming the line and column, exit 2, before any window."""

import subprocess
import sys


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True, timeout=timeout)


def test_the_window_opens_on_your_own_data(tmp_path):
    data = tmp_path / "points.csv"
    data.write_text("a,b,label\n" + "".join(f"{i / 10 - 1},{(i * 7 % 20) / 10 - 1},{i % 3}\n" for i in range(30)))
    out = tmp_path / "shot.png"
    r = run_cli("--data", str(data), "--screenshot", str(out), "--epochs", "2")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"saved {out} (completed" in r.stderr


def test_a_bad_data_file_is_one_line_and_exit_2(tmp_path):
    data = tmp_path / "bad.csv"
    data.write_text("a,b,label\n0.1,zz,0\n")
    r = run_cli("--data", str(data))
    assert r.returncode == 2
    assert r.stderr == 'playground: error: data: bad.csv line 2, column 2 ("b"): "zz" is not a number\n'
