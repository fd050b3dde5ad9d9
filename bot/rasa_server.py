"""Rasa's command line (`python -m bot.rasa_server run ...`) without jax: 66 MB less for each Rasa server.

TensorFlow, which Rasa 3.6 imports even for a pipeline that never uses it, imports jax when it
finds it, for converting models to TF Lite only; a server never does. Marked as missing before
Rasa starts, jax is not loaded and TensorFlow goes on without it (docs/performance.md).
"""

from __future__ import annotations

import sys

LEFT_OUT = ("jax",)


def main() -> None:
    """Runs Rasa's own command line with the modules above left out."""
    for module in LEFT_OUT:
        sys.modules.setdefault(module, None)  # type: ignore[arg-type]  # an import of it now raises ImportError
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
