"""The per-user rate limit on Slack: one private notice, then silence; never broadcast."""

from __future__ import annotations

from adapters.slack.render import ACTION_SHARE, ACTION_SHOW

from .conftest import BotFactory


async def test_should_notify_privately_once_then_stay_silent(make_bot: BotFactory) -> None:
    """Even with in_channel answers, the notice goes to the asker alone, then nothing."""
    bot = await make_bot(rate_limit=1, SLACK_RESPONSE="in_channel")
    for name in ("first", "second", "third"):
        await bot.command("is selank addictive", response_url=bot.slack.response_url(name))
    await bot.command("is selank addictive", user_id="U0OTHER",
                      response_url=bot.slack.response_url("other"))
    [other] = await bot.slack.wait_for("/respond/other")
    [answer] = bot.slack.to("/respond/first")
    [notice] = bot.slack.to("/respond/second")
    assert other["response_type"] == answer["response_type"] == "in_channel"
    assert notice["response_type"] == "ephemeral"
    assert "minute" in notice["text"] and "not medical advice" in notice["text"]
    assert bot.slack.to("/respond/third") == []


async def test_should_never_put_the_notice_over_a_message_or_share_it(
        make_bot: BotFactory) -> None:
    """Past the limit, a button press gets the notice beside the message, never over it."""
    bot = await make_bot(rate_limit=1)
    await bot.press(ACTION_SHOW, "selank:show:side-effects",
                    response_url=bot.slack.response_url("a"))
    await bot.press(ACTION_SHARE, "selank:share:entry:side-effects",
                    response_url=bot.slack.response_url("b"))
    [answer] = await bot.slack.wait_for("/respond/a")
    [notice] = await bot.slack.wait_for("/respond/b")
    assert answer["replace_original"] is True
    assert notice["replace_original"] is False and notice["response_type"] == "ephemeral"
    assert "minute" in notice["text"]
