#!/usr/bin/env bash
# Runs a command with the quiet, offline environment every part of the project uses.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=3
export TF_ENABLE_ONEDNN_OPTS=0
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export PYTHONWARNINGS="ignore::DeprecationWarning,ignore::PendingDeprecationWarning,ignore::FutureWarning,ignore::UserWarning"
export HF_HUB_OFFLINE=1
export TOKENIZERS_PARALLELISM=false
exec "$@"
