"""Routing precedence: safety, then help and commands, then the match itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.reply import Status
from bot.core.responder import Responder


@pytest.mark.parametrize(
    "message",
    [
        "I want to kill myself",
        "i took way too much selank and my throat is swelling",
        "is selank addictive? i feel suicidal",
        "thinking about ending it all",
        "my friend overdosed and is unconscious",
        "having a seizure after my dose",
        "im so sucidal",
        "kms",
    ],
)
def test_should_route_crisis_messages_to_safety(responder: Responder, message: str) -> None:
    """A crisis beats every FAQ match, even one that names a topic."""
    reply = responder.ask(message)
    assert reply.status is Status.SAFETY
    assert reply.entry_id is None
    assert "988" in reply.body


def test_safety_reply_carries_no_faq_content(responder: Responder) -> None:
    """A crisis gets emergency guidance, never an entry's answer or suggestions."""
    reply = responder.ask("selank side effects made me want to die")
    assert reply.status is Status.SAFETY
    assert reply.suggestions == () and reply.related == () and reply.comparison is None


@pytest.mark.parametrize(
    "message", ["", "   ", "hi", "Hello there!", "help", "what can you do?", "hey bot",
                "@here", "@everyone", "\x00\x01"],
)
def test_should_route_greetings_and_empty_input_to_help(responder: Responder,
                                                        message: str) -> None:
    """Nothing to answer yet: say what the bot can do."""
    reply = responder.ask(message)
    assert reply.status is Status.HELP
    assert all(f"- {example}" in reply.body for example in responder.kb.help_examples)


def test_should_answer_a_greeting_that_carries_a_question(responder: Responder) -> None:
    """`hi, is it addictive?` is a question, not a greeting."""
    reply = responder.ask("hi, is selank addictive?")
    assert (reply.status, reply.entry_id) == (Status.ANSWER, "dependence-and-withdrawal")


@pytest.mark.parametrize("message", ["what is the price of selank in euros",
                                     "asdkjh qweqwe zzxq", "what's the weather in paris"])
def test_should_fall_back_instead_of_guessing(responder: Responder, message: str) -> None:
    """Out of scope gets an honest "I don't know", never an entry."""
    reply = responder.ask(message)
    assert reply.status is Status.FALLBACK
    assert reply.entry_id is None


def test_should_answer_the_summary_and_topics_commands_in_any_case(responder: Responder) -> None:
    """`summary` and `topics` are commands, in any case."""
    assert responder.ask("Summary").status is Status.SUMMARY
    assert responder.ask("topics").status is Status.TOPICS


def test_should_never_state_a_dose(responder: Responder) -> None:
    """Dose questions get the entry that says the source gives none."""
    reply = responder.ask("how many mg of selank should i take per day")
    assert reply.entry_id == "dosage"
    assert "no dos" in reply.body.lower()


def _crisis_set() -> list[dict[str, object]]:
    import yaml

    path = Path(__file__).parent / "safety" / "crisis_messages.yaml"
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_should_catch_every_crisis_message_of_the_blind_set(responder: Responder) -> None:
    """120 crisis messages written apart from the patterns, typos and slang included."""
    crises = [i["q"] for i in _crisis_set() if i["expect"] == ["SAFETY"]]
    missed = [q for q in crises if responder.ask(str(q)).status is not Status.SAFETY]
    assert len(crises) >= 100
    assert missed == []


def test_should_rarely_alarm_on_ordinary_questions_with_alarming_words(
        responder: Responder) -> None:
    """"this exam is killing me" is not a crisis; a few cautious alarms are accepted."""
    calm = [i["q"] for i in _crisis_set() if i["expect"] == ["NOT_SAFETY"]]
    alarms = [q for q in calm if responder.ask(str(q)).status is Status.SAFETY]
    assert len(alarms) <= len(calm) * 0.05, alarms


def test_a_general_overdose_question_does_not_hide_a_crisis(responder: Responder) -> None:
    """"can you overdose on selank" is a question; the same words before a crisis are not."""
    assert responder.ask("can you overdose on selank?").status is not Status.SAFETY
    assert responder.ask("can you overdose on selank? i want to kill myself").status \
        is Status.SAFETY


@pytest.mark.parametrize("message", [
    "can i quit my long-term benzodiazepine and take selank instead?",
    "i want to stop my zoloft and switch to selank",
    "should i come off my xanax now that i have selank",
])
def test_should_answer_medication_changes_with_the_do_not_stop_caution(
        responder: Responder, message: str) -> None:
    """Stopping or swapping a prescribed medicine gets the interactions answer, never a fallback."""
    reply = responder.ask(message)
    assert (reply.status, reply.entry_id) == (Status.ANSWER, "drug-interactions")
    assert "Do not start, stop or combine medicines on your own" in reply.body


@pytest.mark.parametrize("message", ["what is the price of selank in euros",
                                     "asdkjh qweqwe zzxq"])
def test_should_point_to_emergency_help_when_it_does_not_know(responder: Responder,
                                                              message: str) -> None:
    """A missed crisis still sees where to turn: one line, the disclaimer kept."""
    reply = responder.ask(message)
    assert reply.status in (Status.FALLBACK, Status.SUGGEST)
    assert reply.safety_net == responder.kb.safety_net
    assert reply.disclaimer
