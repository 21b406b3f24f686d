"""The container's HEALTHCHECK: `python -m bot.ops.healthprobe` asks /healthz where `run` serves it.

It reads the settings the way `run` does (the environment, then `./.env`, blank meaning
unset), so a compose file passing `HEALTH_PORT: ''` probes 8080, not port 80. Slack in HTTP
mode serves health on its PORT; everything else, idle included, on HEALTH_PORT. Only the
standard library and the settings reader are imported: the probe runs every 30 seconds.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

from bot.ops.config import environment

DEFAULT_HEALTH_PORT = 8080
DEFAULT_SLACK_PORT = 3000
TIMEOUT_SECONDS = 4.0
ANY_ADDRESS = {"", "0.0.0.0", "::", "[::]"}


def probe_url(env: Mapping[str, str]) -> str:
    """The /healthz URL of a process started with `env`, as the runner picks its port."""
    slack_http = bool(env.get("SLACK_BOT_TOKEN", "").strip()) and not env.get(
        "SLACK_APP_TOKEN", "").strip()
    variable, default = (("PORT", DEFAULT_SLACK_PORT) if slack_http
                         else ("HEALTH_PORT", DEFAULT_HEALTH_PORT))
    raw = env.get(variable, "").strip()
    port = int(raw) if raw.isdigit() and int(raw) > 0 else default
    host = env.get("HEALTH_HOST", "").strip()
    if host in ANY_ADDRESS:
        host = "127.0.0.1"  # listening on every address includes loopback
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/healthz"


def probe(url: str, timeout: float = TIMEOUT_SECONDS) -> tuple[bool, str]:
    """Whether /healthz answered 200, and a line saying what it answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200, f"{url}: {response.status}"
    except urllib.error.HTTPError as error:  # 503: an adapter is down
        return False, f"{url}: {error.code}"
    except (OSError, ValueError) as error:
        return False, f"{url}: {getattr(error, 'reason', None) or error}"


def main(env: Mapping[str, str] | None = None) -> int:
    """0 when healthy, 1 otherwise: what a Docker HEALTHCHECK expects."""
    healthy, line = probe(probe_url(environment() if env is None else env))
    print(("healthy: " if healthy else "unhealthy: ") + line)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
