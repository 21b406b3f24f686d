"""Where the knowledge base lives: FAQ_PATH when set, else the bundled file.

Found from the package, never from the working directory, so the bot runs from anywhere.
"""

import os
from collections.abc import Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_FAQ = PROJECT_ROOT / "data" / "faq.yaml"


def default_faq_path(env: Mapping[str, str] = os.environ) -> Path:
    """The knowledge base to load when no `--faq` is given."""
    configured = env.get("FAQ_PATH", "").strip()
    return Path(configured) if configured else BUNDLED_FAQ
