"""SlackSettings.from_env: clear, value-free failures and the right modes."""

from __future__ import annotations

import pytest

from adapters.slack.settings import SlackSettings
from bot.ops.config import ConfigError

BOT = "xoxb-1111-2222-secretbotvalue"
APP = "xapp-1-A111-secretappvalue"
SECRET = "s3cr3t-signing-value"


def _problems(env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        SlackSettings.from_env(env)
    return str(caught.value)


def test_should_read_http_mode_with_defaults() -> None:
    """Bot token and signing secret alone give HTTP mode on port 3000, ephemeral answers."""
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET})
    assert not settings.socket_mode
    assert settings.port == 3000
    assert not settings.public
    assert settings.api_url is None


def test_should_use_socket_mode_when_app_token_is_set() -> None:
    """An app-level token selects Socket Mode, where no signing secret is needed."""
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP})
    assert settings.socket_mode
    assert settings.app_token == APP


def test_should_read_in_channel_port_and_api_url() -> None:
    """SLACK_RESPONSE, PORT and SLACK_API_URL are honoured; the URL gains its trailing slash."""
    settings = SlackSettings.from_env({
        "SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET, "PORT": "8080",
        "SLACK_RESPONSE": "in_channel", "SLACK_API_URL": "http://127.0.0.1:9999/api",
    })
    assert settings.port == 8080
    assert settings.public
    assert settings.api_url == "http://127.0.0.1:9999/api/"


def test_should_name_missing_bot_token_and_signing_secret() -> None:
    """An empty environment names both required variables at once."""
    message = _problems({})
    assert "SLACK_BOT_TOKEN" in message
    assert "SLACK_SIGNING_SECRET" in message


@pytest.mark.parametrize(("env", "variable"), [
    ({"SLACK_BOT_TOKEN": "xoxp-user-token-value", "SLACK_SIGNING_SECRET": SECRET},
     "SLACK_BOT_TOKEN"),
    ({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": "xoxb-wrong-kind-value"}, "SLACK_APP_TOKEN"),
    ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET, "PORT": "eighty"}, "PORT"),
    ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET, "PORT": "70000"}, "PORT"),
    ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET, "SLACK_RESPONSE": "loud"},
     "SLACK_RESPONSE"),
    ({"SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": "slack.com"},
     "SLACK_API_URL"),
])
def test_should_name_each_malformed_variable(env: dict[str, str], variable: str) -> None:
    """Each malformed variable is reported by name."""
    assert variable in _problems(env)


def test_should_never_show_a_secret_value_in_errors_or_repr() -> None:
    """Neither the error message nor the settings' repr ever contains a token."""
    message = _problems({"SLACK_BOT_TOKEN": "xoxp-user-secretvalue",
                         "SLACK_APP_TOKEN": "bad-secretvalue", "SLACK_RESPONSE": "secretvalue"})
    assert "secretvalue" not in message
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP,
                                       "SLACK_SIGNING_SECRET": SECRET})
    assert BOT not in repr(settings)
    assert APP not in repr(settings)
    assert SECRET not in repr(settings)

