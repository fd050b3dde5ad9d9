"""Finds the separate questions in one customer message, so that each gets its answer.

"Is delivery to Batumi free, and how many days does it take?" holds two requests;
"can I return the bag and the shoes?" holds one. A message is read sentence by sentence
(a sentence ends with "?", ".", "!" or a line), and a sentence is cut into clauses where
customers join questions (a comma, "و", "ولی", "همچنین", "и", "а", "а также", "кстати").

- A clause is a question of its own when it has a question word (not where question words
  meet across the connective, as in "کی و کجا", "когда и где").
- A sentence ending with "?" whose clauses have none is one question, and so is a request
  about one's order ("I want to return TS-1043.", "میخوام سفارشمو کنسل کنم.").
- A sentence ending with "." or "!" (also "?!"), or saying the one before again ("یعنی ...",
  "то есть ..."), asks nothing of its own.
- Context that asks nothing stays with a question: within a sentence the one after it
  ("Холодильник за 900 лари в Батуми: доставка бесплатная?"), across sentences the one
  before it ("Is delivery free? I live in Batumi.") or, at the start, the one after it
  ("I bought a kettle. It stopped heating. What now?").
- A question needs two words besides its connective.

Parts are slices of the original text, so offsets and the customer's spelling survive.
"""

from __future__ import annotations

import re

from bot.nlu.entities import extract_entities
from bot.nlu.normalize import fold, normalize

# Words that make a clause a question, in both languages (Tehran spoken forms, with their enclitics).
QUESTION_WORDS = re.compile(
    r"(?<!\w)(?:(?:آیا|میشه|میشود|می ?تونم|می ?توانم|میتونیم|چطور|چطوری|چجوری|چگونه|چقدر|چقد|چند|چی|کجا|کی|چیکار|"
    r"چکار|چه ?کار|چرا|کدوم|کدام|مگه|با کی|گردن کی|عهده کی|امکان ?داره|امکانش|هست یا نه)(?:ه|ست|اس|ی)?|"
    r"можно|как|какой|какая|какое|какие|какую|каким|каком|какого|каков\w*|когда|скольк\w*|почем|кто|где|куда|откуда|ли|"
    r"что|почему|зачем|чей|чья|разве|правда)(?!\w)",
    re.IGNORECASE,
)
# "рассрочка есть", "پرداخت در محل دارید": "do you have ...?" asked without a question word or mark.
_HAVE_YOU = re.compile(r"(?<!\w)(?:есть|دارید|دارین|دارن)\W*$", re.IGNORECASE)
# "доставка бесплатная? сроки?": a one-word question about a topic of its own stands alone.
_TOPIC_WORD = re.compile(r"^\W*(?:(?:и|а|و)\s+)?(?:срок\w*|цен[аыу]|стоимост\w*|рассрочк\w*|гаранти\w*|самовывоз\w*|زمانش|هزینه\w*|"
                         r"قیمتش|اقساط\w*|گارانتی\w*|مهلتش)\W*$", re.IGNORECASE)
# "TS-1043 رو میخوام پس بدم.", "хочу отменить мой заказ.": a request about one's order is a part of its own.
_WANT = re.compile(r"(?<!\w)(?:میخوام|می ?خواهم|میخواستم|میخایم|хочу|хотел\w*|хотим|нужно|надо)(?!\w)", re.IGNORECASE)
_ORDER = frozenset({"order_id"})
_MY_ORDER = re.compile(r"(?<!\w)(?:سفارشم\w*|مرسولم\w*|мо[йего]+ заказ\w*|заказ мой)(?!\w)", re.IGNORECASE)
# A sentence ends with "?", "." or "!" (not a decimal point) or a line; a clause opens with a comma or a connective.
_SENTENCE_END = re.compile(r"[?؟!]+[?؟!.]*|\.+(?!\d)|\n+")
_CLAUSE = re.compile(
    r"[,،;:]|(?<!\w)(?:و|ولی|اما|همچنین|ضمنا|ضمناً|راستی|یه سوال دیگه|یک سوال دیگر|"
    r"и|а|но|а также|и ещ[её]|кстати|и ещ[её] вопрос)(?!\w)",
    re.IGNORECASE,
)
# "یعنی ...", "то есть ...": the sentence says the question before it again, in other words.
_RESTATES = re.compile(r"^\W*(?:یعنی|منظورم|به عبارتی|ну то есть|то есть|т\. ?е\.|в смысле|иначе говоря|точнее)(?!\w)",
                       re.IGNORECASE)
# question words on both sides of a connective ask one thing: "کی و کجا", "چجوری و به کجا", "когда и где"
_ENDS_ASKING = re.compile(QUESTION_WORDS.pattern + r"\W*$", re.IGNORECASE)
_OPENS_ASKING = re.compile(r"^\W*(?:\w+\W+){0,2}?" + QUESTION_WORDS.pattern, re.IGNORECASE)
_CONNECTIVES = frozenset(("و", "ولی", "اما", "همچنین", "ضمنا", "راستی", "и", "а", "но", "также", "кстати"))
# "Hi, do you take Mastercard?": a greeting before a question is no request of its own (the classifier would read the
# whole as a greeting); courtesy questions ("how are you?") belong to it.
_GREETING = re.compile(
    r"\W*(?:(?:سلام|درود|وقت[ \u200c]?(?:تون|ت)?[ \u200c]?بخیر|روز[ \u200c]?(?:تون|ت)?[ \u200c]?بخیر|صبح ?بخیر|عصر ?بخیر|خسته نباشید|خسته نباشین|"
    r"خوبی|خوبین|خوبید|حالتون خوبه|привет\w*|здравствуй\w*|добр\w+ (?:день|вечер|утро|дня|времени суток)|доброе утро|"
    r"как дела|как поживаете|hi|hello|"
    r"(?:у меня )?(?:есть )?(?:один |небольшой )?вопрос|можно (?:задать )?вопрос|(?:вы )?можете (?:мне )?помочь|"
    r"(?:یه|یک) سوال(?: داشتم| دارم)?|سوال داشتم|میشه کمکم کنید|میشه کمک کنید)(?:\W+|\s+(?:و|и)\s+|$))+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
MIN_WORDS = 2  # words besides connectives: "серьёзно?", "и куда?" are not questions of their own
MAX_PARTS = 4

Span = tuple[int, int]


def _words(text: str) -> int:
    """The words of a part that are not connectives."""
    return sum(word not in _CONNECTIVES for word in _WORD.findall(fold(text)))


def _sentences(normalized: str) -> list[Span]:
    """The message's sentences, each with its closing punctuation."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(normalized):
        if _WORD.search(normalized[start:match.end()]):
            spans.append((start, match.end()))
            start = match.end()
    if _WORD.search(normalized[start:]):
        spans.append((start, len(normalized)))
    elif spans:
        spans[-1] = (spans[-1][0], len(normalized))
    return spans


def _clauses(normalized: str, sentence: Span) -> list[Span]:
    """A sentence cut before each connective and after each comma (a cut leaving no word is not made)."""
    start, end = sentence
    cuts = sorted({match.end() if normalized[match.start()] in ",،;:" else match.start()
                   for match in _CLAUSE.finditer(normalized, start, end)})
    spans, begin = [], start
    for cut in cuts:
        before, after = fold(normalized[begin:cut]), fold(normalized[cut:end])
        one_question = _ENDS_ASKING.search(before) is not None and _OPENS_ASKING.search(after) is not None
        if _WORD.search(before) and _WORD.search(after) and not one_question:
            spans.append((begin, cut))
            begin = cut
    return spans + [(begin, end)]


def _asks(clause: str) -> bool:
    """A folded clause asks something: a question word, or "do you have ...?" at its end."""
    return QUESTION_WORDS.search(clause) is not None or _HAVE_YOU.search(clause) is not None


def _questions_in(normalized: str, sentence: Span) -> list[Span]:
    """A sentence's questions, each with the context around it; empty when the sentence asks nothing."""
    text = normalized[sentence[0]:sentence[1]].rstrip()
    folded = fold(text)
    if _WANT.search(folded) and not text.endswith(("?", "؟")) and (
            _MY_ORDER.search(folded) or extract_entities(text, only=_ORDER)):
        return [sentence]
    if text.endswith((".", "!")) or _RESTATES.search(folded):
        return []  # told, exclaimed ("?!") or said again in other words: context, not a question of its own
    clauses = _clauses(normalized, sentence)
    asking = [_asks(fold(normalized[start:end])) for start, end in clauses]
    if not any(asking):
        return [sentence] if text.endswith(("?", "؟")) else []
    groups: list[Span] = []
    begin = sentence[0]
    for (_, end), asks in zip(clauses, asking):
        if asks:
            groups.append((begin, end))
            begin = end
    groups[-1] = (groups[-1][0], sentence[1])
    return groups


def _merged(groups: list[Span], normalized: str) -> list[Span]:
    """Questions too short to stand alone joined to the one before (the first to the one after); at most MAX_PARTS."""
    merged: list[Span] = []
    for group in groups:
        text = normalized[group[0]:group[1]]
        if merged and _words(text) < MIN_WORDS and not _TOPIC_WORD.search(fold(text)):
            merged[-1] = (merged[-1][0], group[1])
        else:
            merged.append(group)
    if len(merged) > 1 and _words(normalized[merged[0][0]:merged[0][1]]) < MIN_WORDS:
        merged[:2] = [(merged[0][0], merged[1][1])]
    while len(merged) > MAX_PARTS:  # a list of many short questions: the last ones go together
        merged[-2:] = [(merged[-2][0], merged[-1][1])]
    return merged


def question_spans(normalized: str) -> list[Span]:
    """The questions of a normalised message as spans covering it; context sentences join a neighbour."""
    groups: list[Span] = []
    leading: int | None = None  # where context sentences before the first question began
    for sentence in _sentences(normalized):
        found = _questions_in(normalized, sentence)
        if not found:
            if groups:
                groups[-1] = (groups[-1][0], sentence[1])
            elif leading is None:
                leading = sentence[0]
            continue
        if not groups and leading is not None:
            found[0] = (leading, found[0][1])
        groups += found
    if not groups:
        return [(0, len(normalized))]
    groups[0] = (0, groups[0][1])
    groups[-1] = (groups[-1][0], len(normalized))
    return _merged(groups, normalized)


def _after_greeting(normalized: str, span: Span) -> Span:
    """A question without the greeting before it; a greeting with nothing asked after it stays whole."""
    greeting = _GREETING.match(normalized.lower(), span[0], span[1])  # lower(), not fold(): offsets stay those of the text
    if greeting is None:
        return span
    rest = fold(normalized[greeting.end():span[1]]).rstrip()
    asks = QUESTION_WORDS.search(rest) or rest.endswith(("?", "؟")) or _WANT.search(rest)
    return (greeting.end(), span[1]) if asks and _words(rest) >= MIN_WORDS else span


def split_questions(text: str) -> list[str]:
    """The message's questions in the order asked, as slices of `text` (the first without a greeting before it); the
    text itself when it asks one thing."""
    normalized = normalize(text)
    spans = question_spans(normalized)
    if len(spans) == 1:
        return [text]
    spans[0] = _after_greeting(normalized, spans[0])
    parts = [part for part in (text[start:end].strip() for start, end in spans) if part]
    return parts if len(parts) > 1 else [text]
