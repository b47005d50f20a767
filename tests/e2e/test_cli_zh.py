"""The CLI in Simplified Chinese: `--lang zh_CN|en` anywhere, else the system's locale; English stays as it was.

The Chinese texts come from resources/translations/playground_zh_CN.qm (context "cli"), built by `make`.
"""

import json
import os
import subprocess
import sys

import pytest

from playground import __version__, cli, cli_text

PRESETS_HELP_EN = "usage: playground presets [-h]\n\noptions:\n  -h, --help  show this help message and exit\n"
PRESETS_HELP_ZH = "用法： playground presets [-h]\n\n选项:\n  -h, --help  显示本帮助信息并退出\n"


def _env(**values):
    """This process's environment without its locale, with ``values`` and an 80-column, UTF-8 console."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "COLUMNS", "LINES")}
    env.update(COLUMNS="80", PYTHONIOENCODING="utf-8", **values)
    return env


def run_cli(*args, lang="C"):
    r = subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, timeout=120,
                       env=_env(LANG=lang))
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def test_lang_zh_cn_gives_chinese_help():
    code, out, err = run_cli("--lang", "zh_CN", "train", "--help", lang="C")
    assert (code, err) == (0, "")
    assert out.startswith("用法： playground train [-h] [--preset PRESET | --config FILE.json]\n"
                          "                        [--dataset DATASET] [--layers 8,8] [--model MODEL]\n")
    assert "\n选项:\n  -h, --help            显示本帮助信息并退出\n" in out
    assert "\n  --lr LEARNING_RATE    学习率，1e-5 到 10\n" in out
    assert "\n  --epochs EPOCHS       训练的轮数\n" in out
    assert "\n  --optimizer OPTIMIZER\n                        sgd, sgd+momentum 或 adam\n" in out
    assert "\n  --export PATH         导出结果；由扩展名决定格式（.safetensors .pt .onnx\n" in out
    assert "learning rate" not in out and "usage:" not in out and "options:" not in out


def test_chinese_locale_gives_chinese_help_without_lang():
    assert run_cli("presets", "--help", lang="zh_CN.UTF-8") == (0, PRESETS_HELP_ZH, "")
    code, out, err = run_cli("--help", lang="zh_CN.UTF-8")
    assert (code, err) == (0, "")
    assert "\n观看真实的 PyTorch 训练一个神经网络。\n\n位置参数:\n" in out
    assert "\n    train               不打开窗口进行训练，并输出摘要\n" in out


def test_lang_after_the_command_and_lang_en_over_a_chinese_locale():
    assert run_cli("presets", "--help", "--lang", "zh_CN", lang="C") == (0, PRESETS_HELP_ZH, "")
    assert run_cli("presets", "--lang=en", "--help", lang="zh_CN.UTF-8") == (0, PRESETS_HELP_EN, "")


def test_c_locale_help_is_the_english_text_byte_for_byte():
    r = subprocess.run([sys.executable, "-m", "playground", "presets", "--help"], capture_output=True, timeout=120,
                       env=_env(LANG="C"))
    assert (r.returncode, r.stdout, r.stderr) == (0, PRESETS_HELP_EN.encode(), b"")
    code, out, err = run_cli("train", "--help", lang="C")
    assert (code, err) == (0, "")
    assert out.startswith("usage: playground train [-h] [--preset PRESET | --config FILE.json]\n"
                          "                        [--dataset DATASET] [--layers 8,8] [--model MODEL]\n")
    assert "\n  --lr LEARNING_RATE    learning rate, 1e-5 to 10\n" in out
    assert "\n  --optimizer OPTIMIZER\n                        sgd, sgd+momentum or adam\n" in out
    assert out.isascii()
    assert run_cli("--lang", "en", "train", "--help", lang="zh_CN.UTF-8") == (0, out, "")


def test_the_summary_line_is_chinese_and_the_json_is_not():
    code, out, err = run_cli("--lang", "zh_CN", "train", "--preset", "xor", "--epochs", "1", "--layers", "2",
                             "--json", lang="C")
    assert code == 0, err
    summary = json.loads(out.splitlines()[-1])
    assert summary["status"] == "completed"
    (line,) = [line for line in err.splitlines() if line.startswith("已完成：")]
    assert line.startswith(f"已完成：1 轮，{summary['steps']} 步，设备 cpu，用时 ")
    assert f"；测试损失 {summary['test_loss']:.4f}，测试准确率 {summary['test_accuracy']:.1%}" in line


def test_bad_input_stays_one_english_line_with_exit_2():
    code, out, err = run_cli("--lang", "zh_CN", "train", "--lr", "100", lang="C")
    assert (code, out) == (2, "")
    assert err == "playground: error: learning_rate: 100 is out of range; allowed 1e-05 to 10\n"


def test_version_and_english_help_do_not_import_pyside6():
    code = ("import sys\n"
            "from playground.cli import build_parser, main\n"
            "build_parser().format_help()\n"
            "try:\n"
            "    main(['--version'])\n"
            "except SystemExit as e:\n"
            "    assert e.code == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env=_env(LANG="en_US.UTF-8"))
    assert (r.returncode, r.stdout, r.stderr) == (0, f"playground {__version__}\n[]\n", "")


def test_chinese_help_uses_qtcore_only_and_creates_no_application():
    code = ("import sys\n"
            "from playground.cli import build_parser, choose_language\n"
            "choose_language(['--lang', 'zh_CN'])\n"
            "build_parser().format_help()\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "print(QCoreApplication.instance())\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6.Qt')))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env=_env(LANG="C"))
    assert (r.returncode, r.stdout, r.stderr) == (0, "None\n['PySide6.QtCore']\n", "")


@pytest.mark.parametrize("argv, env, expected", [
    (["--lang", "zh_CN", "train"], {"LANG": "C"}, "zh_CN"),
    (["train", "--lang=en"], {"LANG": "zh_CN.UTF-8"}, "en"),
    (["--lang", "en", "--lang", "zh_CN"], {}, "zh_CN"),  # the last one, as argparse takes it
    (["--lang", "fr"], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),  # rejected by the parser, in the system's language
    (["--", "--lang", "zh_CN"], {"LANG": "C"}, "en"),
    ([], {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ([], {"LC_ALL": "", "LC_MESSAGES": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ([], {"LC_MESSAGES": "zh_CN.GB2312", "LANG": "C"}, "zh_CN"),
    ([], {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ([], {"LANG": "C.UTF-8"}, "en"),
])
def test_choose_language(argv, env, expected, monkeypatch):
    monkeypatch.setattr(cli_text, "_language", [])  # the language machinery lives in cli_text
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.choose_language(argv) == expected
    assert cli.translate("cli", "no such message") == "no such message"


def test_presets_are_described_in_chinese():
    code, out, err = run_cli("presets", "--lang", "zh_CN", lang="C")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split(None, 1) == ["xor", "相对的象限属于同一类别：需要一个隐藏层"]
    assert len(lines) == len(run_cli("presets", lang="C")[1].splitlines())
