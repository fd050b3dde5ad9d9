"""Splitting customer text into words: hazm for Persian, spaCy's blank `ru` for Russian.

Pure and Rasa-free, so the Rasa tokenizer, the benchmarks and the tests share it. Each
word keeps offsets into the original text and a `key`: its normalised, folded form
(ASCII digits, Persian ی/ک, no ZWNJ or keshide, lower case) that features are built on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.nlu.entities import extract_entities
from bot.nlu.language import Language, detect_language
from bot.nlu.normalize import IGNORABLE, fold, normalize

# Persian verb prefixes written apart ("می خواهم") or glued ("میخواهم") join the verb;
# plural and comparative suffixes written apart join their noun or adjective.
_PREFIXES = frozenset({"می", "نمی"})
_SUFFIXES = frozenset(
    {"ها", "های", "هایی", "هایم", "هایت", "هایش", "هامون", "هاتون", "هاشون", "تر", "ترین"}
)


@dataclass(frozen=True)
class Word:
    """A word of the customer's text: where it stands and what it means for matching."""

    text: str
    start: int
    end: int
    key: str


@lru_cache(maxsize=1)
def _hazm_tokenizer():  # type: ignore[no-untyped-def]
    """hazm's tokenizer without verb joining, which invents tokens not in the text."""
    from hazm import WordTokenizer

    return WordTokenizer(join_verb_parts=False)


@lru_cache(maxsize=1)
def _spacy_ru():  # type: ignore[no-untyped-def]
    """spaCy's rule-based Russian tokenizer; no model package is needed."""
    import spacy

    return spacy.blank("ru")


def _persian_spans(normalized: str) -> list[tuple[int, int]]:
    """hazm tokens located back in the text they came from."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _hazm_tokenizer().tokenize(normalized):
        start = normalized.find(piece, cursor)
        if start < 0:  # hazm changed the piece: skip it rather than invent offsets
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def _russian_spans(normalized: str) -> list[tuple[int, int]]:
    """spaCy tokens carry their own offsets."""
    return [(tok.idx, tok.idx + len(tok.text)) for tok in _spacy_ru().make_doc(normalized)]


def _only_gap(normalized: str, start: int, end: int) -> bool:
    """True when the characters between two words are spaces or ZWNJ only."""
    return all(char in (" ", IGNORABLE) for char in normalized[start:end])


def _join_persian_affixes(words: list[Word], text: str, normalized: str) -> list[Word]:
    """Glue "می" to its verb and "ها"/"تر" to their word when only a space parts them."""
    joined: list[Word] = []
    for word in words:
        previous = joined[-1] if joined else None
        if previous is not None and _only_gap(normalized, previous.end, word.start) and (
            previous.key in _PREFIXES or word.key in _SUFFIXES
        ):
            joined[-1] = Word(
                text[previous.start : word.end],
                previous.start,
                word.end,
                previous.key + word.key,
            )
        else:
            joined.append(word)
    return joined


# English shop words typed in a Persian or Russian message ("میخوام سفارشمو cancel کنم", "хочу cancel заказ"): read
# as the language's own word, which the intents were taught with
_LOANWORDS: dict[str, dict[str, str]] = {
    "cancel": {"fa": "کنسل", "ru": "отменить"},
    "refund": {"fa": "استرداد", "ru": "возврат"},
    "return": {"fa": "مرجوع", "ru": "вернуть"},
    "track": {"fa": "پیگیری", "ru": "отследить"},
    "tracking": {"fa": "رهگیری", "ru": "трек"},
    "order": {"fa": "سفارش", "ru": "заказ"},
    "delivery": {"fa": "ارسال", "ru": "доставка"},
    "status": {"fa": "وضعیت", "ru": "статус"},
    "invoice": {"fa": "فاکتور", "ru": "счет"},
}


def _own_word(key: str, language: Language) -> str:
    """The key of an English shop word in the message's language; any other key as it is."""
    return _LOANWORDS.get(key, {}).get(language, key)


def _is_word(key: str) -> bool:
    """Punctuation, emoji and stray marks carry no meaning for intents."""
    return any(char.isalnum() for char in key)


# Days ("вчера", "۳ مهر") keep their words: "yesterday I ordered" reads differently from "order 58120".
_UNMASKED = frozenset({"date"})


def _mask_entities(words: list[Word], text: str) -> list[Word]:
    """One word per entity, keyed by its type: "заказ 58120" and "заказ CT-7" look alike."""
    masked: list[Word] = []
    for entity in extract_entities(text):
        if entity.entity in _UNMASKED:
            continue
        inside = [w for w in words if w.start < entity.end and entity.start < w.end]
        if inside:
            start = min(entity.start, inside[0].start)
            end = max(entity.end, inside[-1].end)
            masked.append(Word(text[start:end], start, end, f"__{entity.entity}__"))
    covered = [(w.start, w.end) for w in masked]
    rest = [w for w in words if not any(s <= w.start and w.end <= e for s, e in covered)]
    return sorted(masked + rest, key=lambda w: w.start)


# Greetings that open a longer message ("سلام وقت بخیر، مایکروفر من کجاست؟") say nothing of what is asked.
_GREETINGS = tuple(tuple(phrase.split()) for phrase in (
    "سلام علیکم", "سلام", "درود", "وقت بخیر", "وقتتون بخیر", "وقت شما بخیر", "خسته نباشید", "صبح بخیر", "عصر بخیر",
    "روز بخیر", "شب بخیر", "здравствуйте", "здраствуйте", "привет", "добрый день", "добрый вечер", "доброе утро",
    "доброго дня", "hello", "hi",
))
_AFTER_GREETING = 3  # words that must follow for the greeting to be only an opening


def _without_opening_greeting(words: list[Word]) -> list[Word]:
    """A message's words after the greetings it opens with, when a question of three or more words follows."""
    start = 0
    while True:
        keys = [word.key for word in words[start:]]
        phrase = next((p for p in _GREETINGS if tuple(keys[: len(p)]) == p), None)
        if phrase is None or len(keys) - len(phrase) < _AFTER_GREETING:
            return words[start:]
        start += len(phrase)


def split_words(
    text: str, language: Optional[Language] = None, mask_entities: bool = False
) -> list[Word]:
    """Words of `text` with offsets into it, tokenised by the language's own tokenizer.

    With `mask_entities`, each order number, phone, amount, city, distance or time is
    one word whose key names its type, so intents generalise over the values.
    """
    normalized = normalize(text)
    language = language or detect_language(normalized)
    spans = _russian_spans(normalized) if language == "ru" else _persian_spans(normalized)
    words = [
        Word(text[start:end], start, end, _own_word(fold(normalized[start:end]), language))
        for start, end in spans
    ]
    words = [word for word in words if _is_word(word.key)]
    if language != "ru":
        words = _join_persian_affixes(words, text, normalized)
    if mask_entities:
        words = _without_opening_greeting(_mask_entities(words, text))
    if not words and text.strip():
        start = len(text) - len(text.lstrip())
        stripped = text.strip()
        words = [Word(stripped, start, start + len(stripped), fold(normalize(stripped)))]
    return words
