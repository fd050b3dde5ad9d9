#!/usr/bin/env bash
# `make test`: the whole suite, with the model trained (once per change of its inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=0 SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONWARNINGS="ignore::DeprecationWarning,ignore::PendingDeprecationWarning,ignore::FutureWarning,ignore::UserWarning"
.venv/bin/python -m bot.model train
exec .venv/bin/python -m pytest "$@"
