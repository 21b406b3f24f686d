"""The Slack adapter: slash command, mentions and DMs in; Block Kit replies out."""
