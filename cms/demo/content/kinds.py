"""The shapes of the demo content that media and pages are both made from."""

from dataclasses import dataclass

from ..bilingual import RichText, Text


@dataclass(frozen=True)
class SessionTopic:
    key: str
    title: Text
    slug: Text
    summary: Text
    sub_topics: tuple[Text, ...]
    forum_questions: tuple[Text, ...]
    # Keys of demo publications and videos to review before the meeting.
    materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class Module:
    key: str
    number: int
    title: Text
    slug: Text
    introduction: Text
    description: RichText | None
    topics: tuple[SessionTopic, ...]
    duration_weeks: int | None = None
    required_first: bool = False


@dataclass(frozen=True)
class Programme:
    key: str
    title: Text
    slug: Text
    fields: dict
    modules: tuple[Module, ...]
    # A presentation per module, or one for the whole programme.
    deck_per_module: bool = True


@dataclass(frozen=True)
class Topic:
    key: str
    name: Text
    slug: Text


@dataclass(frozen=True)
class Publication:
    key: str
    title: Text
    slug: Text
    authors: tuple[str, ...]
    year: int
    topics: tuple[str, ...]
    summary: RichText


@dataclass(frozen=True)
class Video:
    key: str
    title: Text
    slug: Text
    description: Text
    # One caption cue per line of the transcript, spread over the clip.
    cues: tuple[Text, ...]
    palette: str


@dataclass(frozen=True)
class BackgroundDocument:
    """A document sent before a learning event, made as a PDF in each language."""

    key: str
    kind: str  # a choice of learning.events.blocks.BackgroundDocumentKind
    title: Text
    # (heading, paragraphs) pairs, in the order the document reads.
    sections: tuple[tuple[Text, tuple[Text, ...]], ...]


@dataclass(frozen=True)
class LearningEvent:
    key: str
    title: Text
    slug: Text
    theme: Text
    objectives: tuple[Text, ...]
    key_questions: tuple[Text, ...]
    body: RichText
    documents: tuple[BackgroundDocument, ...]
    # The key of the publication that gathers what the event learned.
    learning_note: str | None = None
