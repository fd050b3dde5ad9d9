"""A correction of a fact read into the message before it: "منظورم زنجان بود نه زاهدان" after "ارسال فوری به
زاهدان دارید؟" is that question asked of Zanjan, and everything the assistant does with a message (the intent, the
entities, the rule chosen, the computation) is done with the question put right.

The pure reading is `corrected(previous, correction)`; `install()` makes the Rasa server parse a correction as the
corrected question (the stored event keeps what the customer typed; its parse data carries the corrected text,
which is what the actions read).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue import PUT_RIGHT, adds_to_order, corrects
from bot.nlu.entities import extract_entities
from bot.nlu.normalize import fold, normalize

# "X (بود|ـه) نه Y", "X, а не Y": the right fact, then the wrong one; "не Y, а X": the wrong one first
_RIGHT_NOT_WRONG = re.compile(r"^(?P<right>.*?\S)\s*(?:(?<=\s)(?:بود|بوده|هست|است|ه)\s+|ـه\s+)?,?\s*(?:نه|а не)\s+(?P<wrong>[^,.!?؟،;]+?)\s*[,.!?؟،;]?\s*$",
                             re.IGNORECASE)
# (with a remark after it: "не 80 а 350 лари, перепутал с другим.")
_WRONG_BUT_RIGHT = re.compile(r"(?:^|[,.،]\s*|\s)не\s+(?P<wrong>[^,.!?؟،;]+?)\s*,?\s+а\s+(?P<right>[^,.!?؟،;]+?)\s*"
                              r"(?:[,،][^,.!?؟،;\d]*)?[.!]?\s*$", re.IGNORECASE)
# "تیپاکس نه، منظورم چاپار بود": the wrong word, then the one meant
_WRONG_MEANT = re.compile(r"(?:^|\s)(?P<wrong>[^\s,،.!?؟]+)\s+نه\s*[,،]?\s*منظورم\s+(?P<right>[^\s,.!?؟،;]+?)\s*"
                          r"(?:بود|بوده|ه|است|هست)?\s*[.!]?\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
STEM = 4  # letters two words after a number share when they count the same thing in two forms ("تومنی", "تومنه")
# a number and the word after it ("۹ تا", "13 км"), not a part of a longer number or of an order number
_COUNTED_NUMBER = re.compile(r"(?<![\w.,-])(?P<number>\d+(?:[.,]\d+)?)(?![\w.,])(?:\s*(?P<word>[^\W\d_]+))?")
_SORRY = re.compile(r"(?<!\w)(?:ببخشید|اشتباه\w*|извин\w*|ошиб\w*|простите|ой)(?!\w)", re.IGNORECASE)  # a mistake owned
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")
# Facts of two kinds that the page tells apart (Tisa's expiry: Iranian goods, foreign goods), each as the words that
# name it and the word put in the message: "منظورم یه برند ایرانیه" after "یه عطر خارجی" names the other kind.
_EITHER_OR: tuple[tuple[tuple[re.Pattern[str], str], tuple[re.Pattern[str], str]], ...] = (
    ((re.compile(r"(?<!\w)ایرانی\w*", re.IGNORECASE), "ایرانی"), (re.compile(r"(?<!\w)خارجی\w*", re.IGNORECASE), "خارجی")),
    ((re.compile(r"(?<!\w)(?:иранск|отечественн)\w*", re.IGNORECASE), "иранский"),
     (re.compile(r"(?<!\w)(?:иностранн|зарубежн|импортн)\w*", re.IGNORECASE), "иностранный")),
)


def _right_words(before: str, wrong: str, said: str) -> Optional[str]:
    """The words before "نه Y" that stand for Y: the last of them the message before did not hold (what is new is
    what is put right: "دیروز" in "دیروز ساعت ۱۰ صبح بود نه امروز" after "امروز ساعت ۱۰ صبح تحویل گرفتم"), a number
    for a number ("ساعت ۵ رسید نه ۳"), and as many words as Y has ("в Батуми, а не в Кутаиси")."""
    known = {word.lower() for word in _WORD.findall(fold(said))}
    numeric = _NUMBER.fullmatch(wrong) is not None
    words = [word for word in _WORD.findall(before) if not numeric or _NUMBER.fullmatch(word)]
    while words and words[-1].lower() in known:
        words.pop()
    wanted = 1 if numeric else len(_WORD.findall(wrong))
    if wanted == 0 or len(words) < wanted:
        return None
    return " ".join(words[-wanted:])


# "۱۰ کیلومتر هم", "и еще 5 км", "до меня км 12"
_DISTANCE = re.compile(r"\d+\s*(?:км|km|کیلومتر|کیلو متر)|(?<!\w)(?:км|km|کیلومتر)\s*\d+", re.IGNORECASE)
# a sentence's end: "قیمتش ۴۰۰ لاریه نه ۶۰۰. ۱۰ کیلومتر هم با شما فاصله دارم"
_SENTENCE_END = re.compile(r"(?<=[.!…])\s+")


def corrected(previous: str, correction: str) -> Optional[str]:
    """The message before with the fact the correction puts right ("۱۹ سالمه نه ۱۶" → "۱۶" read as "۱۹"), and what
    the correction's other sentences add ("قیمتش ۴۰۰ لاریه نه ۶۰۰. ۱۰ کیلومتر هم با شما فاصله دارم": the 400 and
    the 10 km); None when the message is no such correction, asks something of its own, names a fact the message
    before does not hold exactly once, or adds an item beside it ("ببخشید. یه یخچال ۴۰۰ لاری هم میخوام")."""
    text = normalize(correction).strip()
    if not corrects(text) or "?" in text or "؟" in text:
        return None
    sentences = _SENTENCE_END.split(text)
    for place, sentence in enumerate(sentences if len(sentences) > 1 else []):  # "X نه Y" in one sentence of several
        fixed = _put_right(previous, sentence, explicit=True)
        if fixed:
            others = [*(told for told in sentences[:place] if _NUMBER.search(told)),  # not "ой, ошибся." before it
                      *sentences[place + 1:]]
            if any(adds_to_order(other) and not _DISTANCE.search(other) for other in others):
                return None  # an item added beside the fact put right (not "и еще 5 км от города")
            said = normalize(previous)  # nor a sentence the message before holds already ("… за 500 руб.")
            return " ".join([fixed, *(other for other in others if other.strip(" .!…") not in said)])
    if adds_to_order(text) and not (_DISTANCE.search(text) or _SORRY.search(text) or _WRONG_BUT_RIGHT.search(text)
                                    or _RIGHT_NOT_WRONG.search(text)):
        return None  # "وایسا ۲ تا بالش هم میخوام": an item added, not the stairs put right (not "ببخشید ۹ تا پله ست،
        # آسانسور هم نداریم", "ой, ещё ошиблась — не 1200, а 1500")
    return _put_right(previous, text)


def _put_right(previous: str, text: str, explicit: bool = False) -> Optional[str]:
    """The message before with the fact that `text`, one correction, puts right; None when it puts none right. With
    `explicit`, only a fact said with the wrong one beside it ("X نه Y", "не Y, а X"), not a number said again."""
    said = normalize(previous)  # the customer's own letters (case, ZWNJ) kept where nothing is put right
    found = _WRONG_BUT_RIGHT.search(text) or _WRONG_MEANT.search(text)
    if found:
        right: Optional[str] = found.group("right")
        wrong = found.group("wrong")
        number = _NUMBER.match(right or "")
        counted = _COUNTED_NUMBER.fullmatch(wrong)
        if _NUMBER.fullmatch(wrong) and number:  # "не 8 а 12 км": the number, the message before has its word
            right = number.group()
        elif counted and counted.group("word") and right and _NUMBER.fullmatch(right):  # "не 8 км, а 14": its word
            right = f"{right} {counted.group('word')}"  # with the number put right
    else:
        found = _RIGHT_NOT_WRONG.search(text)
        if not found:
            return None if explicit else _number_put_right(said, text) or _kind_put_right(said, text)
        wrong = found.group("wrong")
        right = _right_words(found.group("right"), wrong, said)
    moved = _place_put_right(said, found.group("right"), wrong)
    if moved:
        return moved
    if not right or right == wrong:
        return None
    # the digits of an order's code put right by a whole code: the whole code ("ct2003" after "не 2003, а CT-2002")
    code = r"(?:[A-Za-z]{1,4}[ _-]?)?" if re.fullmatch(r"[A-Za-z]{1,4}[ _-]?\d+", right) else ""
    place = re.compile(r"(?<![\d.,])" + code + re.escape(wrong) + r"(?!\d)" if _NUMBER.fullmatch(wrong)
                       else r"(?<!\w)" + re.escape(wrong) + r"(?!\w)", re.IGNORECASE)
    if len(place.findall(said)) != 1:  # not there, or there twice: which one is meant is not known, unless it is a
        return _price_put_right(said, wrong, right)  # number said in other words
    return place.sub(lambda _: right, said)  # type: ignore[arg-type,return-value]


CITY = frozenset({"city"})
# "۳۰ کیلومتری باتومی", "30 км от Батуми": a distance counted from the city after it
_DISTANCE_FROM_CITY = re.compile(r"(?:حدود |около |примерно )?\d+\s*(?:км|km|کیلومتر|کیلو متر)\S*(?:\s+(?:از|от))?\s+(?P<city>[^\s,.;:!?،؛()]+)",
                                 re.IGNORECASE)
_CLAUSE = re.compile(r"[^,.;!?،؛]+[,.;!?،؛]?\s*")  # a clause with its punctuation


def _place_put_right(said: str, right_part: str, wrong: str) -> Optional[str]:
    """"آدرس خود باتومیه نه کوبولتی" after "… بفرستید کوبولتی، حدود ۳۰ کیلومتر از باتومی فاصله داره": the city named
    before "not" in place of the one denied (not a city the message before named beside it), and a distance that
    was counted from a city dropped with the place it was told of."""
    denied = extract_entities(wrong, only=CITY)
    named = [city for city in extract_entities(right_part, only=CITY) if denied and city.value != denied[0].value]
    if not denied or not named:
        return None
    surface = wrong[denied[0].start:denied[0].end]
    place = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", re.IGNORECASE)
    found = list(place.finditer(said))
    if len(found) != 1:
        return None
    city = right_part[named[-1].start:named[-1].end]
    moved = said[:found[0].start()] + city + said[found[0].end():]
    kept, at = [], 0
    for clause in _CLAUSE.findall(moved):
        own = at <= found[0].start() < at + len(clause)  # the clause the city was put right in keeps all but a
        at += len(clause)  # distance counted from a city; another such clause goes with the place it was told of
        if own:
            kept.append(_DISTANCE_FROM_CITY.sub(lambda told: "" if extract_entities(told.group("city"), only=CITY)
                                                else told.group(), clause))
        elif not (_DISTANCE.search(clause) and extract_entities(clause, only=CITY)):
            kept.append(clause)
    text = re.sub(r"\s+(?=[,.;:!?،؛])", "", re.sub(r"\(\s*\)", "", "".join(kept)))  # no "( )" or " ،" left
    return re.sub(r"\s{2,}", " ", text).strip()


def _price_put_right(said: str, wrong: str, right: str) -> Optional[str]:
    """"اونی که میخوام پس بدم ۲۰۰ تومنیه نه ۶۰۰ تومنی" after "یکیشون که ۶۰۰ تومنه … کل ۶۰۰ رو بهم برمیگردونین؟": a
    number put right with a word of the same stem as the message before counts it with ("تومنی", "تومنه"), where that
    message says the number in other words or more than once: every time, the same thing."""
    wrong_found, right_found = _COUNTED_NUMBER.fullmatch(wrong.strip()), _COUNTED_NUMBER.fullmatch(right.strip())
    if not wrong_found or not right_found or not wrong_found.group("word") or not right_found.group("word"):
        return None
    if wrong_found.group("word")[:STEM].lower() != right_found.group("word")[:STEM].lower():
        return None
    place = re.compile(r"(?<![\d.,])" + re.escape(wrong_found.group("number")) + r"(?![.,]?\d)")
    stem = re.compile(r"(?<![\d.,])" + re.escape(wrong_found.group("number")) + r"\s*" + re.escape(wrong_found.group("word")[:STEM]),
                      re.IGNORECASE)
    if not stem.search(said):  # the message before counts that number with the same word
        return None
    magnitude = _MAGNITUDE_AFTER.match(" " + wrong_found.group("word")) is not None  # "۶۰۰ هزار نه ۲۰۰ هزار"
    return place.sub(lambda found: found.group() if _within_an_amount(said, found, magnitude)
                     else right_found.group("number"), said)


# "۱ میلیون و ۶۰۰", "۶۰۰ هزار", "1 млн 600": a number that is part of a larger amount, not the price put right
_MAGNITUDE_BEFORE = re.compile(r"(?:میلیون|میلیارد|هزار|млн|миллион\w*|тыс\w*)\s*(?:و\s*)?$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"^\s*(?:میلیون|میلیارد|هزار|млн|миллион\w*|тыс\w*)", re.IGNORECASE)


def _within_an_amount(text: str, found: re.Match[str], counted_in_magnitude: bool) -> bool:
    """Whether a number found in `text` is one part of an amount said with a word of magnitude beside it (after it,
    only when the number put right was not itself counted in that word)."""
    return bool(_MAGNITUDE_BEFORE.search(text[:found.start()])
                or not counted_in_magnitude and _MAGNITUDE_AFTER.match(text[found.end():]))


def _number_put_right(said: str, text: str) -> Optional[str]:
    """"ببخشید دوباره شمردم، ۶ تا بیشتر نیست" after "۹ تا پله میخوره، طبقه چندم حساب میشه؟": the one new number the
    correction gives in place of the one number the message before gave with the same word after it (or of its only
    number, when the correction's has no word after it)."""
    numbers = list(_COUNTED_NUMBER.finditer(text))
    if not numbers or len(numbers) != len(_NUMBER.findall(text)) or _CLOCK.search(text):  # an order number or a phone
        return None  # beside it, or an hour ("раньше 12:30 не получится"), which the hours' own reading takes
    if len(numbers) > 1:  # "۱۰ روز پیش سفارش دادم، ۵ روز پیش تحویلش گرفتم": a fact said again is not the one put right
        pairs = {_counted(found) for found in _COUNTED_NUMBER.finditer(said)}
        numbers = [found for found in numbers if _counted(found)[1] and _counted(found) not in pairs]
        if len(numbers) != 1:
            return None
    number, word = _counted(numbers[0])
    counted = list(_COUNTED_NUMBER.finditer(said))
    said_numbers = [found for found in counted if not word or _counted(found)[1] == word] or [
        found for found in counted if word and _same_word(_counted(found)[1], word)]
    if len(said_numbers) != 1 or (not word and len(_NUMBER.findall(said)) != 1):
        return None
    place = said_numbers[0]
    if place.group("number") == number:
        return None
    return said[:place.start("number")] + number + said[place.end("number"):]


def _kind_put_right(said: str, text: str) -> Optional[str]:
    """"نه ببخشید، منظورم یه برند ایرانیه" after "یه عطر خارجی میخام …": the message before with the kind the
    correction names in place of the other one, which it named once."""
    for first, second in _EITHER_OR:
        for (right, word), (wrong, _) in ((first, second), (second, first)):
            if right.search(text) and not wrong.search(text) and not right.search(said) and len(wrong.findall(said)) == 1:
                return wrong.sub(word, said)
    return None


# words that may follow a number without counting it ("раньше 12 не успею", "۹ هم هست")
_NOT_COUNTING = frozenset({"не", "ни", "а", "но", "же", "هم", "رو", "را", "که"})  # (not "و": "۱ و نیم میلیون")


def _counted(found: re.Match[str]) -> tuple[str, str]:
    """A number and the word after it (none when that word counts nothing), as two messages compare them."""
    word = (found.group("word") or "").lower()
    return found.group("number"), "" if word in _NOT_COUNTING else word


def _same_word(one: str, other: str) -> bool:
    """Two words after a number that count the same thing when no word is equal: one the other with a Persian ending
    ("۱۸ سالم", "۱۷ سالمه")."""
    shorter, longer = sorted((one, other), key=len)
    return (len(shorter) >= 3 and longer.startswith(shorter) and len(longer) - len(shorter) <= 2
            and re.fullmatch(r"[\u0600-\u06ff]+", longer) is not None)


def _before(tracker: Optional[DialogueStateTracker]) -> Optional[str]:
    """What the customer's message before this one asked, as it was read (a corrected text when it was one)."""
    event = tracker.get_last_event_for(UserUttered) if tracker is not None else None
    if event is None:
        return None
    return str((event.parse_data or {}).get("text") or event.text or "")


_parse_message = MessageProcessor.parse_message


async def _parse_corrected(self: MessageProcessor, message: UserMessage, tracker: Optional[DialogueStateTracker] = None,
                           only_output_properties: bool = True) -> dict[str, Any]:
    """Rasa's parse, of the question put right when the message corrects the one before."""
    previous = _before(tracker)
    text = corrected(previous, message.text or "") if previous else None
    if not text:
        return await _parse_message(self, message, tracker, only_output_properties)
    message = UserMessage(text, message.output_channel, message.sender_id, message.parse_data, message.input_channel,
                          message.message_id, message.metadata)
    return {**await _parse_message(self, message, tracker, only_output_properties), PUT_RIGHT: True}


def install() -> None:
    """Puts the corrected parse in place; calling it again changes nothing."""
    MessageProcessor.parse_message = _parse_corrected  # type: ignore[method-assign]
