"""Slack: Bolt in Socket Mode or HTTP mode. Registered here; Bolt is imported only to run."""

from adapters.registry import Registration, register

register(Registration("slack", "SLACK_BOT_TOKEN", "adapters.slack.settings:SlackSettings",
                      "adapters.slack.app:SlackAdapter", position=10))
