"""The core never imports a chat platform: adapters depend on it, not the other way round."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_loads_no_platform_library() -> None:
    """Importing every core module leaves slack_bolt, slack_sdk and discord unloaded."""
    code = (
        "import pkgutil, importlib, sys, bot\n"
        "for m in pkgutil.walk_packages(bot.__path__, 'bot.'): importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in "
        "('slack_bolt', 'slack_sdk', 'discord')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
