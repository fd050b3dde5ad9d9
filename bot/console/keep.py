"""An agent's corrections kept as project files: training examples and end-to-end test stories.

A message with the intent it should have had goes to `data/nlu/<language>/console.yml` (the
next `make run` trains on it); a tried conversation goes to `tests/stories/console.yml`, which
`make test` replays against the real servers (tests/test_saved_stories.py). Both are files in
Rasa's own YAML formats, so `rasa data validate` reads them. `CONSOLE_KEEP_DIR` puts them under
another folder than the project (the tests use one).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Optional, Sequence

import yaml

from bot.settings import PROJECT_ROOT

NLU_FILE = Path("data") / "nlu" / "{language}" / "console.yml"
STORIES_FILE = Path("tests") / "stories" / "console.yml"
_WRITING = threading.Lock()  # one writer at a time: two agents saving at once must not lose either


def keep_dir() -> Path:
    """Where kept files are written: `CONSOLE_KEEP_DIR`, else the project."""
    return Path(os.environ.get("CONSOLE_KEEP_DIR") or PROJECT_ROOT)


def _read(path: Path, key: str) -> list[dict[str, Any]]:
    """The list under `key` of a kept YAML file (empty when there is none yet)."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get(key) or [])


class _Dumper(yaml.SafeDumper):
    """YAML as Rasa's own files are written: examples as a `|` block, one per line."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """A text with line breaks as a literal block, any other as usual."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _write(path: Path, key: str, items: list[dict[str, Any]], heading: str) -> None:
    """Writes a kept file whole, through a temporary file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.dump({"version": "3.1", key: items}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    draft = path.with_name(f".{path.name}.tmp")
    draft.write_text(f"# {heading}\n{body}", encoding="utf-8")
    draft.replace(path)


def example_line(text: str) -> str:
    """A message as one training example: one line, without Rasa's entity brackets."""
    return " ".join(text.replace("[", "(").replace("]", ")").split())


def keep_example(text: str, intent: str, language: str, root: Optional[Path] = None) -> Path:
    """Adds a message as a training example of `intent` (once); the file written."""
    path = (root or keep_dir()) / str(NLU_FILE).format(language=language)
    line = example_line(text)
    with _WRITING:
        blocks = _read(path, "nlu")
        block = next((block for block in blocks if block.get("intent") == intent), None)
        if block is None:
            block = {"intent": intent, "examples": ""}
            blocks.append(block)
        examples = [example[2:] for example in str(block["examples"]).splitlines() if example.startswith("- ")]
        if line not in examples:
            examples.append(line)
        block["examples"] = "".join(f"- {example}\n" for example in examples)
        for other in blocks:  # a message belongs to one intent: a new correction moves it
            if other is not block:
                kept = [example for example in str(other["examples"]).splitlines() if example != f"- {line}"]
                other["examples"] = "".join(f"{example}\n" for example in kept)
        blocks = [block for block in blocks if str(block["examples"]).strip()]
        _write(path, "nlu", blocks, "Corrections saved by agents in the console (python -m bot.console).")
    return path


def story_steps(turns: Sequence[tuple[str, Optional[str], Sequence[str]]]) -> list[dict[str, Any]]:
    """Story steps from (message, intent, actions) turns: a button's payload is its intent alone."""
    steps: list[dict[str, Any]] = []
    for text, intent, actions in turns:
        if text.startswith("/"):
            steps.append({"intent": text[1:]})
        else:
            steps.append({"user": text, "intent": intent})
        steps.extend({"action": action} for action in actions)
    return steps


def keep_story(name: str, store: str, turns: Sequence[tuple[str, Optional[str], Sequence[str]]],
               root: Optional[Path] = None) -> Path:
    """Adds (or replaces, by name) a tried conversation as an end-to-end test story; the file written."""
    path = (root or keep_dir()) / STORIES_FILE
    with _WRITING:
        stories = [story for story in _read(path, "stories") if story.get("story") != name]
        stories.append({"story": name, "metadata": {"store": store}, "steps": story_steps(turns)})
        _write(path, "stories", stories, "Conversations saved by agents in the console; make test replays them.")
    return path
