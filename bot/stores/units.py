"""Which rule of a store's page answers a question: a ranking over the store's answer units.

Each unit (a clause of the page, see `AnswerUnit`) comes with questions customers ask that it
answers. A question is compared with them by TF-IDF over character n-grams of the folded text
(so ZWNJ, Arabic ي/ك, digits and small typos do not matter, in Persian and Russian alike), and
read by a linear classifier trained on them (character n-grams and words), which generalises from
all of a unit's examples where the nearest one alone is far; a unit scores the mean of its
similarity and its probability (a softmax over the classifier's margins). A
unit of the classifier's likeliest topics gets a bonus, and the best unit answers when it
scores enough (with a second one when that is nearly as high). When none is, the caller
falls back to the topic's summary for a broad question, or says honestly that the page does
not cover it.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from bot.dialogue import (asks_duration, asks_how_long, asks_how_much, asks_who_pays, reason_from, sealed_from,
                          without_brands)
from bot.nlu.entities import count_of, extract_entities
from bot.nlu.normalize import fold, normalize
from bot.nlu.questions import without_steps_asked
from bot.stores.policy import AnswerUnit, StorePolicy, policies

# Chosen on the unit tables (tests/data/units) and the dev sets: a unit's score (the mean of its
# cosine similarity and its probability) plus the topic bonus must reach ANSWERS.
ANSWERS = 0.35
TOPIC_BONUS = 0.15
SECOND_WITHIN = 0.15  # a second rule is given when its similarity (with bonuses) is this close to the first's
SECOND_SIMILAR = 0.42  # and at least this (the classifier gives one rule; two asked at once show in the similarity)
WHEN_BONUS = 0.2  # a unit whose `when` the amount or place said meets (minus it: contradicts)
ECHO_WORDS = 8  # a question this short that repeats a figure of the rule just said asks about that rule
FOLLOW_UP_WORDS = 3  # "and the post?", "هزینه پستش چی؟": short enough to lean on the topic asked before
ASKS_ALONE_WORDS = 5  # a last clause this long asks on its own; a shorter one ("اونو میشه پس داد؟") leans on the story
STORY_WORDS = 25  # a message this long tells a story before its question, whose last clauses may be short ("…، میشه؟")
BROAD_WORDS = 6  # measured on the unit tables' "not covered" questions: longer ones are particular
TEXT_WEIGHT = 0.8  # the answer's own words count a little less than the example questions
NEAR_SIMILAR = 0.45  # a rule this similar to a question, NEAR_LEAD ahead of every other, answers it where the topic
NEAR_LEAD = 0.06  # read has no rule of its own
PLAINLY = 0.44  # a unit scoring this on the words alone is what they ask (95 % right on the unit tables' questions)
SIMILARITY_SHARE = 0.5  # a unit's score: this share of its similarity, the rest its probability
RECENT_QUESTIONS = 64  # rankings kept per store: a message's answer ranks the same text a few times
SHARPNESS = 3.0  # margins times this, through a softmax, give the probabilities (measured between 2 and 5)
BESIDE_SIMILAR = 0.22  # a follow-up no rule answers alone: a rule of the topic just answered this close answers it
BESIDE_MARGIN = 0.08  # when it is this far ahead of the topic's next rule (on the dev sets' follow-ups)


def comparable(text: str) -> str:
    """Text as units are compared: normalised (ASCII digits, one ي/ك, ё as е) and folded (no ZWNJ or diacritics, lower case)."""
    return fold(normalize(text))


_IDENTIFIERS = frozenset({"order_id", "phone"})
_FACTS = frozenset({"amount", "city"})


def _ranked(text: str) -> str:
    """Text as the ranking reads it: comparable, without order numbers and phones, which name an order, not a rule."""
    for entity in reversed(extract_entities(text, _IDENTIFIERS)):
        text = text[: entity.start] + " " + text[entity.end :]
    return comparable(text)


def _as_is(text: str) -> str:
    """The vectorizers' preprocessor: their texts come already made comparable (`_ranked`)."""
    return text


@dataclass(frozen=True)
class UnitMatch:
    """A unit and how well it answers the question (similarity and probability, 0 to 1)."""

    unit: AnswerUnit
    score: float
    similarity: float = 0.0
    probability: float = 0.0


class UnitIndex:
    """The units of one store, as vectors of their example questions and answers."""

    def __init__(self, units: Sequence[AnswerUnit]) -> None:
        """Fits the character n-gram vocabulary and the classifier on the units' own texts."""
        self.units = units if isinstance(units, tuple) else tuple(units)
        documents: list[str] = []
        owners: list[int] = []
        weights: list[float] = []
        for number, unit in enumerate(self.units):
            for text, weight in [(example, 1.0) for example in unit.examples] + [
                (answer, TEXT_WEIGHT) for answer in unit.text.values()
            ]:
                documents.append(without_brands(_ranked(text)))  # an example's brand names an item, not its rule
                owners.append(number)
                weights.append(weight)
        self._recent: OrderedDict[str, tuple[UnitMatch, ...]] = OrderedDict()
        self._owner = np.array(owners, dtype=np.intp)
        self._weight = np.array(weights)
        # both read text already made comparable by `_ranked`, done once per question rather than once per vectorizer
        self._vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, preprocessor=_as_is)
        self._words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, preprocessor=_as_is)
        matrix = self._vectorizer.fit_transform(documents).tocsr() if documents else None
        self._by_feature = matrix.T.tocsr() if matrix is not None else None  # a question's n-grams pick their rows
        # the classifier's weights for each kind of feature, applied apart (no hstack), and its intercepts: all of it
        # that ranking needs, so the fitted model itself is not kept beside a copy of its weights
        self._margins: Optional[tuple[np.ndarray, np.ndarray, np.ndarray]] = None
        if matrix is not None and len(self.units) > 1:
            features = hstack([matrix, self._words.fit_transform(documents)]).tocsr()
            classifier = LinearSVC().fit(features, owners)
            split = matrix.shape[1]
            self._margins = (np.ascontiguousarray(classifier.coef_[:, :split].T),
                             np.ascontiguousarray(classifier.coef_[:, split:].T), classifier.intercept_)

    def rank(self, question: str) -> list[UnitMatch]:
        """Every unit with its score for the question, best first; one message is ranked by several steps of an
        answer (the rules chosen, whether they plainly answer, a fallback topic), so the last few are kept."""
        if question not in self._recent:
            if len(self._recent) >= RECENT_QUESTIONS:
                self._recent.popitem(last=False)
            self._recent[question] = tuple(self._ranking(question))
        return list(self._recent[question])

    def _ranking(self, question: str) -> list[UnitMatch]:
        """Every unit with its score for the question, best first, computed."""
        if self._by_feature is None or not question.strip():
            return []
        # "… پس بدم؟ مراحلش چیه؟": the steps of the return, not of ordering
        text = _ranked(without_steps_asked(question))
        characters = self._vectorizer.transform([text])
        similarities = (characters @ self._by_feature).toarray().ravel() * self._weight
        nearest = np.zeros(len(self.units))
        np.maximum.at(nearest, self._owner, similarities)  # each unit's closest text
        best, probabilities = nearest, np.zeros(len(self.units))
        if self._margins is not None:
            by_character, by_word, intercepts = self._margins
            margins = (characters @ by_character + self._words.transform([text]) @ by_word).ravel() + intercepts
            if len(self.units) == 2:  # one margin, for the second unit
                margins = np.array([-margins[0], margins[0]])
            exponents = np.exp(SHARPNESS * (margins - margins.max()))
            probabilities = exponents / exponents.sum()
            best = SIMILARITY_SHARE * nearest + (1 - SIMILARITY_SHARE) * probabilities
        return sorted((UnitMatch(unit, float(score), float(similarity), float(probability))
                       for unit, score, similarity, probability in zip(self.units, best, nearest, probabilities)),
                      key=lambda match: -match.score)


# where a message's context ends and its question begins: a sentence's end, a dash, a colon, a comma
_CLAUSE_END = re.compile(r"[.!?؟;:\n—–]|\s-\s|[,،]")


def _clause_ends(question: str) -> list[int]:
    """Where each clause of a message but the last ends (its closing mark aside)."""
    return [found.end() for found in _CLAUSE_END.finditer(question.rstrip(" ?؟!.\n"))]


def asked_part(question: str) -> Optional[str]:
    """The question a message asks after telling its context ("I haven't ordered yet, I want to know first — how
    are returns made?"): its last clause, when that is long enough to ask on its own and is not the whole message;
    after a long story, its last clauses, as few as ask on their own ("… میخوام کل سفارشو کنسل کنم، میشه؟")."""
    ends = _clause_ends(question)
    story = len(comparable(question).split()) >= STORY_WORDS
    for end in reversed(ends if story else ends[-1:]):
        last = question[end:].strip()
        if len(comparable(last).split()) >= ASKS_ALONE_WORDS:
            return last
    return None


def _story_question(question: str) -> bool:
    """Whether a message tells a long story and ends on its question, which then says best what is asked (a delivery,
    a signature and a broken lid told before "Гарантия на него вообще есть?")."""
    return question.rstrip().endswith(("?", "؟")) and len(comparable(question).split()) >= STORY_WORDS


def told_part(question: str) -> Optional[str]:
    """The clause a short last question leans on ("… а смс с трек номером так и нет. это нормально вообще?"): the
    one before it, when that is long enough to say what it is about."""
    ends = [0, *_clause_ends(question)]
    if len(ends) < 2 or len(comparable(question[ends[-1]:]).split()) >= ASKS_ALONE_WORDS:
        return None
    before = question[ends[-2]:ends[-1]].strip()
    return before if len(comparable(before).split()) >= ASKS_ALONE_WORDS else None


def choose_units(question: str, topics: Sequence[str], index: UnitIndex, city: Optional[str] = None,
                 amount: Optional[float] = None, before: str = "", timed: bool = True) -> list[UnitMatch]:
    """The units that answer `question` (`_choose_units`), none when it asks how long or who pays and none of them says
    a time or a cost ("Сколько длится гарантия на телефон?" is not answered by how to activate it, "هزینه پس
    فرستادنش با کیه؟" not by where a return is filed); with `timed` False, those that would answer it but for that
    (what the page says instead)."""
    chosen = _choose_units(question, topics, index, city, amount, before)
    return chosen if not timed or answers_what_is_asked([match.unit for match in chosen], question) else []


def _with_the_story(asked: list[UnitMatch], question: str, index: UnitIndex) -> list[UnitMatch]:
    """The rule a message's last question meets, with the rule of its topic the whole message is closest to when that
    is another ("اون موقع پولو با کارت عموش داده بود. بازم به کارت باباش میاد؟": the profile's card, and the paying
    card's that the story tells)."""
    told = next(iter(index.rank(question)), None)
    if len(asked) != 1 or told is None or told.unit.topic != asked[0].unit.topic or told.unit is asked[0].unit:
        return asked
    if _not_for(told.unit, question) or _fit(told.unit, *_facts(question), question) < 0:
        return asked  # not a rule the message's words or amount rule out ("۱ میلیون و ۸۰۰": not "free over 2 million")
    return [*asked, told]


def answers_how_long(units: Sequence[AnswerUnit], question: str) -> bool:
    """Whether the rules may answer the question's "how long?" (one of them says anything of time), or it asks none."""
    return not asks_duration(question) or any(gives_a_time(unit) for unit in units)


def texts_of(units: Sequence[AnswerUnit]) -> list[str]:
    """The rules' texts in every language, for checks of what they speak of."""
    return [text for unit in units for text in unit.text.values()]


def answers_who_pays(texts: Sequence[str], question: str) -> bool:
    """Whether the rules' (or a summary's) texts may answer the question's "who pays for it?" (one speaks of a cost),
    or it asks none ("ثبتش با کیه؟" asks whose job it is, "خسارت تو راه رو کی میده؟" whose liability: any rule)."""
    return not (asks_who_pays(question) and _COST_ASKED.search(question)) or any(_COST.search(text) for text in texts)


def answers_what_is_asked(units: Sequence[AnswerUnit], question: str) -> bool:
    """Whether the rules may answer the question's "how long?" and "who pays?" (each, if it asks it)."""
    return answers_how_long(units, question) and answers_who_pays(texts_of(units), question)


def _choose_units(question: str, topics: Sequence[str], index: UnitIndex, city: Optional[str] = None,
                  amount: Optional[float] = None, before: str = "") -> list[UnitMatch]:
    """The units that answer `question`, closest first (`_chosen`); when none does, or a long story that no rule
    answers on its words alone ends on a question that one does, those that answer its last clause, where a customer
    who tells the story first asks the question (`asked_part`); else plainly the clause a short last question leans on
    (`told_part`). `before`: what the customer said earlier in the conversation, which names a way of paying as well
    as the question does ("а если заказ потом отменят, деньги когда вернутся?" after SnappPay's installments)."""
    chosen = _chosen(question, topics, index, city, amount, before=before)
    part = asked_part(question)
    if (chosen and part and _story_question(question) and not _chosen(question, (), index, city, amount, before=before)
            and _chosen(part, (), index, city, amount, question, before)):  # its question meets one on its words, the
        return _chosen(part, topics, index, city, amount, question, before)  # story not
    if chosen:
        return chosen
    if part:
        return _with_the_story(_chosen(part, topics, index, city, amount, question, before), question, index)
    told = told_part(question) or ""
    plain = _plain_match(told, index)  # a rule the whole message rules out is not plainly it
    if plain and not _not_for(plain.unit, question, before):
        facts = _facts(question)
        if _fit(plain.unit, *facts, question) >= 0:
            return [plain]
        # one whose count or amount the message contradicts ("8 ступенек", not "up to 6"): its topic's rule it meets
        met = next((match for match in index.rank(question) if match.unit.topic == plain.unit.topic
                    and _fit(match.unit, *facts, question) > 0 and not _not_for(match.unit, question, before)), None)
        if met:
            return [met]
    # else a rule that the clause meets of the topic both the classifier and the whole message's words put first
    # ("عطرم ۷ روز پیش رسید، امروز دیدم پمپش کار نمیکنه. هنوز قبول میکنین؟": the defect's 7 days)
    first = next(iter(index.rank(question)), None)
    if not told or not topics or first is None or first.unit.topic != topics[0]:
        return []
    return [match for match in _chosen(told, topics, index, city, amount, question, before) if match.unit.topic == topics[0]]


def _chosen(question: str, topics: Sequence[str], index: UnitIndex, city: Optional[str] = None,
            amount: Optional[float] = None, told: Optional[str] = None, before: str = "") -> list[UnitMatch]:
    """The units that answer `question`, closest first: none, one, or two rules asked at once.

    Each unit scores its similarity plus a bonus for its topic's place among the classifier's
    intents (`topics`, most likely first: TOPIC_BONUS, then half of it), so the classifier's
    view breaks near-ties while a clearly closer unit of a neighbouring topic still wins. A
    second unit of the same or a likely topic joins when it is nearly as close: customers often
    ask two things at once ("can I return it, and who pays the shipping?").

    A unit's `when` weighs the amount, places and count the question names (`told`: the whole message it is the
    question of), else the `amount` and `city` the conversation named before ("and the address?" after a Tbilisi
    pickup). A rule for other amounts or places is left out where its topic has one for these (not the Batumi address
    to a Tbilisi customer), and only ranked lower where it is its topic's one word on them ("couriers in Tehran
    only", to a customer in Isfahan).
    """
    bonus = {topic: TOPIC_BONUS / (2 ** rank) for rank, topic in reversed(list(enumerate(topics[:2])))}
    named, cities = _facts(told or question)
    said = named if named is not None else amount, cities or frozenset({city} if city else ())
    ranked = index.rank(question)
    left = [match for match in ranked if not _not_for(match.unit, told or question, before)]
    share = sum(match.probability for match in left)  # the rules ruled out take their probability with them: the
    fits = [(_given(match, share), _fit(match.unit, *said, told or question)) for match in left]  # classifier's word is
    # shared among those left
    met = {match.unit.topic for match, fit in fits if fit > 0}
    kept = [(match, fit) for match, fit in fits if fit >= 0 or match.unit.topic not in met]
    scored = sorted((UnitMatch(match.unit, match.score + bonus.get(match.unit.topic, 0.0) + fit,
                               match.similarity + bonus.get(match.unit.topic, 0.0) + fit) for match, fit in kept),
                    key=lambda match: -match.score)
    if not scored or scored[0].score < ANSWERS:
        return []
    best = scored[0]
    # a second rule of an unrelated topic is noise, not a second question, unless the amount or place said meets it
    related = {best.unit.topic, *topics[:2]}
    meeting = {match.unit.id for match, fit in fits if fit > 0}
    # close to the first, or close enough on its own when the amount or place said meets it; a rule of a related
    # topic that the place meets before one of another topic ("кто платит за пересылку обратно? я в Исфахане": the
    # receipt from the provinces, not the post's days to them)
    candidates = (next((match for match in scored[1:] if match.unit.topic in related and match.unit.id in meeting), None),
                  next((match for match in scored[1:] if match.unit.topic in related or match.unit.id in meeting), None))
    second = next((match for match in candidates if match is not None and match.similarity >= SECOND_SIMILAR and (
        match.unit.id in meeting or match.similarity >= best.similarity - SECOND_WITHIN)), None)
    if not answers_who_pays(texts_of([best.unit]), question):  # "… با تیپاکس بفرستم؟ هزینه ارسالش با کیه؟": the way
        clause = next((part for part in reversed(_PIECES.split(question)) if asks_who_pays(part)), question)  # to send it,
        ranked = [match for match in index.rank(clause) if match.unit is not best.unit  # and the rule of who pays:
                  and not _not_for(match.unit, told or question, before)]  # the clause's closest, or one close enough
        second = next((match for number, match in enumerate(ranked) if (number == 0 or match.score >= ANSWERS)
                       and answers_who_pays(texts_of([match.unit]), question)), second)
    return [best, second] if second is not None else [best]


def _given(match: UnitMatch, left: float) -> UnitMatch:
    """A match scored with its probability among the rules left (`left`: their probabilities' sum), not all."""
    if left <= 0.0 or left >= 1.0:
        return match
    probability = match.probability / left
    return UnitMatch(match.unit, match.score + (1 - SIMILARITY_SHARE) * (probability - match.probability),
                     match.similarity, probability)


def ruled_out(question: str, index: UnitIndex, chosen: Sequence[AnswerUnit]) -> Optional[tuple[AnswerUnit, float]]:
    """A rule chosen or among the two closest to the question that the amount it names falls outside ("۹ میلیون و
    ۸۰۰، مدرک شناسایی لازمه؟" beside, or answered by, "the ID is checked over 10 million"), with that amount: worth
    saying why it does not apply, not saying it as if it did; None when there is none."""
    amount = _facts(question)[0]
    if amount is None:
        return None
    closest = [match.unit for match in index.rank(question)[:2] if match.unit not in chosen]
    return next(((unit, amount) for unit in [*chosen, *closest] if meets_amount(unit, amount) is False), None)


def with_next_step(units: Sequence[AnswerUnit], store: StorePolicy) -> list[AnswerUnit]:
    """The rules that answer one question, followed by the one their page gives as the customer's next step ("the
    tracking code comes by SMS" and "you can also see it in My orders"), so the reply says what to do, not only what
    holds. Of two rules of two topics, the first's step of its own topic comes right after it ("может мама получить?"
    with a Tbilisi pickup beside it: who may receive, then what to write in the comment for them)."""
    named = list(dict.fromkeys(unit.next_step for unit in units if unit.next_step))  # a step two rules share: once
    steps = [step for name in named for step in store.units if step.id == name and step not in units]
    if len({unit.topic for unit in units}) <= 1:
        return [*units, *steps[:1]]
    first = [step for step in steps if step.id == units[0].next_step and step.topic == units[0].topic]
    return [units[0], *first, *units[1:]]


def after_its_span(unit: AnswerUnit, store: StorePolicy) -> list[AnswerUnit]:
    """What the page says follows a rule's span once it has run out ("after 2 hours, no liability"): its next step, as
    a list of one, unless that step gives a span of its own ("contact us within 7 days" after "10 days is past 7")."""
    return [step for step in store.units if step.id == unit.next_step and step.within is None]


# "в Рустави вместо Тбилиси", "به جای تهران": the place named after these is the one given up, not the one asked of
_REPLACED = re.compile(r"(?:(?<!\w)вместо|(?<!\w)به[ \u200c]?جای|(?<!\w)بجای) ?$")


def _facts(question: str) -> tuple[Optional[float], frozenset[str]]:
    """The total amount and the places a question names, which decide between rules limited to them."""
    found = extract_entities(question, _FACTS)
    amounts = [float(entity.value) for entity in found if entity.entity == "amount"]
    cities = [entity for entity in found if entity.entity == "city"]
    told = normalize(question) if cities else ""  # (the text is read again only where a place is named)
    return (sum(amounts) if amounts else None), frozenset(
        str(e.value) for e in cities if not _REPLACED.search(told[:e.start]))


def _fit(unit: AnswerUnit, amount: Optional[float], cities: frozenset[str], question: str) -> float:
    """WHEN_BONUS when the amount, place or count said meets the unit's `when`, minus it when they contradict it. An
    amount at the bound meets it: "over ten million?" names the rule's own bound. (A rule the question's words rule out
    is left out before: `_not_for`.)"""
    when = unit.when
    if when is None:
        return 0.0
    checks = []
    count = count_of(question, when.counted) if when.counted else None
    if count is not None:  # "۵ تا پله" meets "up to 6 stairs", not "more than 6"
        checks.append((when.count_up_to is None or count <= when.count_up_to)
                      and (when.count_over is None or count > when.count_over))
    meets = meets_amount(unit, amount) if amount is not None else None
    if meets is not None:
        checks.append(meets)
    if cities and when.cities:
        checks.append(bool(cities & set(when.cities)))
    if cities and when.not_cities:
        checks.append(not cities & set(when.not_cities))
    if not checks:
        return 0.0
    return WHEN_BONUS if all(checks) else -WHEN_BONUS


# "با کارت بانکی پرداخت کرده بودم نه اسنپ پی", "не через снапп": a way named only to say it was not the one
_DENIED = re.compile(r"(?<!\w)(?:نه|بدون|غیر از|не|без|а не)\s+(?:(?:با|از|через|по|с)\s+)?$")


def _named(word: str, said: str) -> bool:
    """Whether `said` names `word` other than to deny it."""
    return any(not _DENIED.search(said[max(0, found.start() - 12):found.start()])
               for found in re.finditer(re.escape(word), said))


def names_its_way(unit: AnswerUnit, question: str) -> bool:
    """Whether the question (or the words given with it) names the one way of paying or delivering a rule is for (its
    `when.named`), other than to deny it."""
    said = comparable(question)
    return unit.when is not None and any(_named(comparable(word), said) for word in unit.when.named)


def _not_for(unit: AnswerUnit, question: str, before: str = "") -> bool:
    """A rule whose `when` the question's words rule out, left out of the choice: one way of paying neither the question
    nor the customer's words `before` it (their earlier messages, the latest first, one a line) name ("پولم کی
    برمیگرده؟" is not asked of a SnappPay order), or a return reason other than the one they tell; and a rule of
    delivery times for a price asked alone ("доставка в Мешхед сколько стоит?" where the page gives neither: not "the
    page names no days")."""
    if unit.topic == "delivery_time" and asks_how_much(question) and not asks_how_long(question):
        return True
    when = unit.when
    if when is None:
        return False
    if when.opened and sealed_from(None, question) is True:
        return True  # "پلمپشو باز نکردم، پشیمون شدم": not the rule for an opened seal
    asked = comparable(question) if when.unless else ""
    if any(re.search(re.escape(comparable(word)) + r"(?!\s*[?؟])", asked) for word in when.unless):
        return True  # "هارد اکسترنال (شماره سریال داره)": not the rule for items without one ("سریال داره؟" asks it)
    if when.named and not names_its_way(unit, f"{question} {before}"):  # "а адрес доставки ещё можно поменять?" is
        return True  # not asked of SnappPay's
    # a reason the question does not tell is the one the customer told last before it, one message a line ("هزینه پست
    # برگشتش با کیه؟" after "what if you sent something other than what I chose?", itself after "is it a fake?")
    told = next((reason for text in (question, *before.split("\n")) if (reason := _reason_told(text))), None) if (
        when.reasons) else None
    return told is not None and told not in when.reasons


@lru_cache(maxsize=RECENT_QUESTIONS)
def _reason_told(question: str) -> Optional[str]:
    """The return reason a question tells, read once per question however many rules ask."""
    return reason_from(None, question)


def limits_amount(unit: AnswerUnit) -> bool:
    """Whether the unit's rule is limited to some amounts ("over 10 million")."""
    return unit.when is not None and (unit.when.amount_over is not None or unit.when.amount_under is not None)


def meets_amount(unit: AnswerUnit, amount: float) -> Optional[bool]:
    """Whether an amount falls within the amounts the unit's rule is limited to ("over 10 million"; the bound itself
    meets it); None for a rule that names no amount."""
    when = unit.when
    if when is None or not limits_amount(unit):
        return None
    return ((when.amount_over is None or amount >= when.amount_over)
            and (when.amount_under is None or amount <= when.amount_under))


_FIGURE = re.compile(r"\d+")


def echoed(question: str, said: Sequence[AnswerUnit]) -> list[AnswerUnit]:
    """The rules just said whose figures a short question repeats ("۷۲ ساعت کاری؟ یا همینطوری ۷۲ ساعت؟" after the
    bank's 72 hours): it asks about that rule, not the rule another of its words is closest to."""
    asked = comparable(question)
    figures = set(_FIGURE.findall(asked))
    if not figures or len(asked.split()) > ECHO_WORDS:
        return []
    return [unit for unit in said if figures <= {figure for text in unit.text.values()
                                                 for figure in _FIGURE.findall(comparable(text))}]


def closest_of(topic: Optional[str], question: str, index: UnitIndex) -> list[AnswerUnit]:
    """The topic's rule closest to the question, as a list of one (none when the topic has none): where the topic is
    known already and the words only pick its rule ("что проверить, когда привезут?" of the damage rules)."""
    return [match.unit for match in index.rank(question) if match.unit.topic == topic][:1]


def beside_said(question: str, said: Sequence[AnswerUnit], index: UnitIndex) -> Optional[AnswerUnit]:
    """The rule of the topics just answered that a follow-up no rule answers on its own asks about ("а если будет
    меньше?" after the expiry's months: the shorter expiry disclosed; "بعدش باید خودم ببرمش پست؟" after filing a
    return: they call to collect it), when it stands out among them; None otherwise."""
    topics = {unit.topic for unit in said}
    near = [match for match in index.rank(question) if match.unit.topic in topics][:2] if topics else []
    if not near or near[0].similarity < BESIDE_SIMILAR:
        return None
    return near[0].unit if len(near) < 2 or near[0].similarity - near[1].similarity >= BESIDE_MARGIN else None


# a rule that sends the customer to the store's people: "با امور مشتریان تیسا هماهنگ کنید", "свяжитесь с поддержкой"
_GET_IN_TOUCH = re.compile(r"تماس بگیرید|هماهنگ کنید|اطلاع (?:دهید|بدهید)|свяжитесь|позвоните|согласуйте|обратитесь|сообщите",
                           re.IGNORECASE)


# a time a rule gives: days, hours, or a word of time ("as soon as possible", "no fixed time"); not "under 18 years",
# nor "ماه" inside "هماهنگی"
_SPAN = re.compile(r"روز|(?<!\w)(?:ساعت|هفته|ماه|مدت|زمان|день(?!г)|дн[яейи]|час|недел|месяц|срок|врем)", re.IGNORECASE)
# or, of delivery, its speed ("express is not available in Kerman")
_SPEED = re.compile(r"فوری|سریع|быстр|срочн", re.IGNORECASE)
# the pieces of a message between its marks, the smallest that ask something ("…, кто платит за пересылку обратно")
_PIECES = re.compile(r"[,،.;!?؟\n]+")
# a question's words of a cost: "هزینه پس فرستادنش", "кто платит за пересылку", "кто оплачивает доставку"
_COST_ASKED = re.compile(r"هزینه|پول|خرج|کرایه|плат|оплач|стоимост|пересылк|доставк|отправк", re.IGNORECASE)
# a rule's words of a cost or of who bears it: "هزینه … با تیسا است", "رایگان", "за счёт Чистатек", "оплачивает покупатель"
# (not "the item's стоимость" refunded: a shipping's)
_COST = re.compile(r"هزینه|رایگان|مجانی|به عهده|پرداخت|کسر|стоимост\w* (?:доставк|пересылк|отправк)|расход|бесплатн|за сч[её]т|"
                   r"оплач|плат[иья]", re.IGNORECASE)


def gives_a_time(unit: AnswerUnit) -> bool:
    """Whether a rule says anything of time, so that it may answer "how many days?" (a way of paying that mentions
    express delivery gives no time)."""
    return any(_SPAN.search(text) or unit.topic == "delivery_time" and _SPEED.search(text) for text in unit.text.values())


def sends_to_people(unit: AnswerUnit, language: str) -> bool:
    """Whether a rule tells the customer to get in touch with the store, so that the store's contact goes with it."""
    return _GET_IN_TOUCH.search(unit.text[language]) is not None  # type: ignore[index]


def short_follow_up(question: str, words: int = FOLLOW_UP_WORDS) -> bool:
    """A message short enough to lean on what was asked before ("and the post?", "ok?") rather than ask on its own."""
    return len(comparable(question).split()) <= words


# "بقیه قسطا چی؟", "а остальные платежи?": the rest of something, a part of a topic however short the question
_THE_REST = re.compile(r"(?<!\w)(?:بقیه|باقی ?مونده|باقیمانده|остальн|оставш)", re.IGNORECASE)


# "… ? как это работает", "… چطوری کار میکنه؟": how the whole of it goes, asked after naming it
_HOW_IT_WORKS = re.compile(r"[?؟.!]\s*(?:а |и |و )?(?:как (?:это |она |оно |он )?(?:работает|устроено)|"
                           r"(?:چطوری|چطور|چجوری) (?:کار ?میکنه|کار می ?کنه|هست|است)|how does it work)\W*$", re.IGNORECASE)


def broad(question: str) -> bool:
    """A question short enough to ask about a whole topic ("what is your return policy?", "можно в рассрочку? как это
    работает"), which the topic's summary answers; a longer one, or one of the rest of something, asks something
    particular, which only a unit can answer."""
    named, how = _HOW_IT_WORKS.subn("?", question)  # (the thing named before "how does it work?" may take a few
    folded = comparable(named)  # words more: "можно ли у вас купить в рассрочку?")
    return len(folded.split()) <= BROAD_WORDS + 2 * how and _THE_REST.search(folded) is None


def far_nearest(question: str, index: UnitIndex) -> Optional[AnswerUnit]:
    """The rule a question's words come near (NEAR_SIMILAR) and nearest by far (NEAR_LEAD ahead of the next), which
    answers it where the topic the classifier read has none ("فردا خونه نیستم، چی میشه؟" read as a failed payment)."""
    ranked = _ranked_left(question, index)
    if len(ranked) < 2 or ranked[0].similarity < NEAR_SIMILAR or ranked[0].score - ranked[1].score < NEAR_LEAD:
        return None
    return ranked[0].unit if _fit(ranked[0].unit, *_facts(question), question) >= 0 else None


def plainly_answered(question: str, index: UnitIndex) -> Optional[AnswerUnit]:
    """The unit a question is plainly about on its words alone (no help from the classifier), if any."""
    plain = _plain_match(question, index)
    return plain.unit if plain else None


def _plain_match(question: str, index: UnitIndex) -> Optional[UnitMatch]:
    """The best match of a question's words, when it is plainly what they ask (not a rule its words rule out: a
    SnappPay order's refund is not plainly what "پولم کی برمیگرده؟" asks)."""
    ranked = _ranked_left(question, index)
    return ranked[0] if ranked and ranked[0].score >= PLAINLY else None


def _ranked_left(question: str, index: UnitIndex) -> list[UnitMatch]:
    """The rules ranked for a question's words, without those the question rules out."""
    return [match for match in index.rank(question) if not _not_for(match.unit, question)] if question else []


_INDEXES: dict[int, UnitIndex] = {}


def store_index(store: StorePolicy) -> UnitIndex:
    """The store's unit index, built once per loaded policy (the index keeps its units alive)."""
    key = id(store.units)
    if key not in _INDEXES or _INDEXES[key].units is not store.units:
        _INDEXES[key] = UnitIndex(store.units)
    return _INDEXES[key]


def build_indexes() -> None:
    """Every store's index, built now (at a server's start): the first customer of each store does not wait for it."""
    for store in policies().values():
        store_index(store)
