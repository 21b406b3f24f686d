# selank-bot: one process for Slack and/or Discord, with /healthz and /metrics.
# Build: docker build -t selank-bot .    Run: see docker-compose.yml and docs/operations.md.

# --- builder: a virtualenv with the pinned dependencies (constraints.txt) and the app -----
FROM python:3.11-slim-bookworm AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY pyproject.toml constraints.txt README.md ./
COPY bot ./bot
COPY adapters ./adapters
# The postgres extra (psycopg, binary wheels) lets one image serve SQLite or PostgreSQL.
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir -c constraints.txt ".[postgres]"

# --- final: the venv, the knowledge base, a non-root user; no compiler, no secrets ------
FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FAQ_PATH=/app/data/faq.yaml \
    DATA_DIR=/app/var \
    HEALTH_PORT=8080
RUN groupadd --system --gid 10001 selank \
    && useradd --system --uid 10001 --gid selank --home-dir /app --shell /usr/sbin/nologin selank
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The bundled knowledge base; mount a folder over /app/data (or set FAQ_PATH) to use yours.
COPY data ./data
RUN mkdir -p /app/var && chown selank:selank /app/var
USER 10001:10001
# The SQLite database lives here; mount a volume so it outlives the container.
VOLUME ["/app/var"]
# 8080: /healthz and /metrics. 3000: Slack's HTTP mode (PORT), which then serves both.
EXPOSE 8080 3000
# The probe follows the runner: Slack in HTTP mode serves health on PORT, else HEALTH_PORT.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; e = os.environ; http = e.get('SLACK_BOT_TOKEN') and not e.get('SLACK_APP_TOKEN'); port = e.get('PORT', '3000') if http else e.get('HEALTH_PORT', '8080'); r.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4)"]
CMD ["selank-bot", "run"]
