"""The deployment files (deploy/, docs/deployment.md) agree with the code they deploy. Fast: no server, no cluster.

`helm` is not on the development machine or CI, so the charts are not rendered here; instead every key
our values set is looked up in the chart's own values.yaml and the values are checked against the chart's
schema (both kept in deploy/helm/chart-reference/), and what the chart passes through verbatim
(endpoints, channels, environment, command) is compared with the repository's files and code.
"""

from __future__ import annotations

import ast
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
HELM = DEPLOY / "helm"
REFERENCE = HELM / "chart-reference"
INSTALL = (HELM / "install.sh").read_text(encoding="utf-8")
DEPLOY_README = (DEPLOY / "README.md").read_text(encoding="utf-8")
DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def load(path: Path) -> Any:
    """One YAML document."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def documents(path: Path) -> list[Any]:
    """Every YAML document of a file (Kubernetes manifests may hold several)."""
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


RASA = load(HELM / "rasa-values.yaml")
ACTIONS = load(HELM / "action-server-values.yaml")
POSTGRESQL = load(HELM / "postgresql-values.yaml")
REDIS = load(HELM / "redis-values.yaml")
MANIFESTS = [doc for path in sorted((DEPLOY / "k8s").glob("*.yaml")) for doc in documents(path)]


def chart_versions() -> dict[str, str]:
    """The chart versions install.sh installs, by its variable names."""
    return dict(re.findall(r"^([A-Z]+)_CHART_VERSION=(\S+)$", INSTALL, re.M))


def releases() -> dict[str, str]:
    """Release name by chart name, from install.sh's `helm upgrade --install RELEASE CHART` lines."""
    found = re.findall(r"helm upgrade --install (\S+) \S*?/?([a-z-]+)\"? ", INSTALL)
    return {chart: release for release, chart in found}


def reference(chart: str) -> Path:
    """The folder of a Rasa chart's kept values.yaml and schema, for the version install.sh pins."""
    version = chart_versions()["RASA" if chart == "rasa" else "ACTION"]
    return REFERENCE / f"{chart}-{version}"


# --- every file parses, every key exists in the chart ---------------------------------------------------


@pytest.mark.parametrize("path", sorted(DEPLOY.rglob("*.yaml")), ids=lambda path: str(path.relative_to(DEPLOY)))
def test_every_yaml_file_parses(path: Path) -> None:
    assert documents(path), f"{path} is empty"


def unknown_keys(ours: Any, theirs: Any, where: str = "") -> Iterator[str]:
    """Key paths set in `ours` that the chart's values do not have. An empty map or a list in the chart is
    free-form (resources, annotations, extraEnv, additionalEndpoints...): anything may go under it."""
    if not isinstance(ours, dict) or not isinstance(theirs, dict) or not theirs:
        return
    for key, value in ours.items():
        if key not in theirs:
            yield f"{where}{key}"
        else:
            yield from unknown_keys(value, theirs[key], f"{where}{key}.")


def merged(defaults: Any, ours: Any) -> Any:
    """The values Helm renders with: ours over the chart's defaults, map by map (null deletes a key)."""
    if not isinstance(defaults, dict) or not isinstance(ours, dict):
        return ours
    result = dict(defaults)
    for key, value in ours.items():
        if value is None and key in result and isinstance(result[key], dict):
            del result[key]
        else:
            result[key] = merged(defaults.get(key), value)
    return result


@pytest.mark.parametrize("chart, values", [("rasa", RASA), ("rasa-action-server", ACTIONS)], ids=["rasa", "actions"])
def test_values_use_only_the_charts_keys_and_pass_its_schema(chart: str, values: dict) -> None:
    defaults = load(reference(chart) / "values.yaml")
    assert list(unknown_keys(values, defaults)) == [], f"keys {chart}'s chart does not have (Helm ignores them)"
    schema = yaml.safe_load((reference(chart) / "values.schema.json").read_text(encoding="utf-8"))
    errors = [f"{'.'.join(map(str, error.path))}: {error.message}"
              for error in jsonschema.Draft7Validator(schema).iter_errors(merged(defaults, values))]
    assert errors == []


def test_chart_versions_agree_everywhere() -> None:
    versions = chart_versions()
    assert versions == {"RASA": "1.17.8", "ACTION": "1.0.9", "POSTGRESQL": "10.16.2", "REDIS": "15.7.6"}
    for chart in ("rasa", "rasa-action-server"):
        assert reference(chart).is_dir()
    rasa_chart = (load(REFERENCE / f"rasa-{versions['RASA']}" / "values.yaml"))
    assert "postgresql" in rasa_chart and "redis" in rasa_chart
    deployment = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for name, version in (("rasa", versions["RASA"]), ("rasa-action-server", versions["ACTION"]),
                          ("postgresql", versions["POSTGRESQL"]), ("redis", versions["REDIS"])):
        assert f"`{name}` {version}" in deployment + DEPLOY_README, f"docs name {name} {version}"
    for file, version in (("rasa-values.yaml", versions["RASA"]), ("action-server-values.yaml", versions["ACTION"]),
                          ("postgresql-values.yaml", versions["POSTGRESQL"]), ("redis-values.yaml", versions["REDIS"])):
        assert version in (HELM / file).read_text(encoding="utf-8")


# --- environment: what the files set is what the code reads -----------------------------------------------

# Read by the libraries the servers run, not by our code.
LIBRARY_VARIABLES = {
    "RASA_TELEMETRY_ENABLED": "Rasa", "TF_CPP_MIN_LOG_LEVEL": "TensorFlow", "TF_ENABLE_ONEDNN_OPTS": "TensorFlow",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "SQLAlchemy 1.4", "HF_HUB_OFFLINE": "huggingface_hub",
    "TOKENIZERS_PARALLELISM": "tokenizers", "MPLCONFIGDIR": "matplotlib", "PYTHONWARNINGS": "Python",
    "PYTHONUNBUFFERED": "Python", "PYTHONDONTWRITEBYTECODE": "Python", "PATH": "the shell", "HOME": "the user",
    "PIP_NO_CACHE_DIR": "pip", "PIP_DISABLE_PIP_VERSION_CHECK": "pip",
    "SANIC_PROXIES_COUNT": "Sanic (SANIC_* into its config: test_sanic_takes_the_client_address_the_ingress_wrote)",
}
SECRET_VARIABLES = {"TRACKER_STORE_URL", "LOCK_STORE_URL", "DATABASE_URL", "CONVERSATION_SECRET", "ACTION_SECRET",
                    "TELEGRAM_BOTS", "TELEGRAM_SECRET_TOKEN"}
# What production needs beyond the variables endpoints.yml names (README "Configuration", docs/deployment.md).
RASA_NEEDS = {"TRACKER_STORE_URL", "LOCK_STORE_URL", "DATABASE_URL", "CONVERSATION_SECRET", "ACTION_SECRET",
              "ACTION_ENDPOINT_URL", "ACTION_TIMEOUT_S", "DB_CONNECT_TIMEOUT_S", "DB_STATEMENT_TIMEOUT_MS",
              "CONSOLE_KEEP_DIR", "SANIC_PROXIES_COUNT"}
ACTIONS_NEED = {"DATABASE_URL", "ACTION_SECRET", "DB_CONNECT_TIMEOUT_S", "DB_STATEMENT_TIMEOUT_MS"}


def names_in_code() -> set[str]:
    """Upper-case names our code mentions: string literals in bot/ and actions/, and $NAME / ${NAME} in
    endpoints.yml, credentials.yml, scripts/ and the image's entrypoint."""
    names: set[str] = set()
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.update(re.findall(r"\b[A-Z][A-Z0-9_]{2,}\b", node.value))
    shells = [ROOT / "endpoints.yml", ROOT / "credentials.yml", DEPLOY / "entrypoint.sh", *(ROOT / "scripts").glob("*.sh")]
    for path in shells:
        names.update(re.findall(r"\$\{?([A-Z][A-Z0-9_]*)", path.read_text(encoding="utf-8")))
    return names


def env_of(values: dict) -> dict[str, dict]:
    """A chart's extraEnv entries by name."""
    return {entry["name"]: entry for entry in values.get("extraEnv") or []}


def containers() -> Iterator[tuple[str, dict]]:
    """(kind/name, container) of every container in deploy/k8s/."""
    for manifest in MANIFESTS:
        spec = manifest.get("spec", {})
        pod = spec.get("jobTemplate", {}).get("spec", spec).get("template", {}).get("spec", {})
        for container in pod.get("containers", []):
            yield f"{manifest['kind']}/{manifest['metadata']['name']}", container


def dockerfile_env() -> dict[str, str]:
    """The ENV of the Dockerfile's last stage, name to value."""
    last = DOCKERFILE.rsplit("\nFROM ", 1)[1]
    found: dict[str, str] = {}
    for block in re.findall(r"^ENV (.*?)(?<!\\)$", last, re.M | re.S):
        for name, quoted, plain in re.findall(r'([A-Z][A-Z0-9_]*)=(?:"([^"]*)"|(\S+))', block):
            found[name] = quoted or plain
    return found


def test_every_variable_the_files_set_is_read_by_the_code() -> None:
    set_by_files = {*env_of(RASA), *env_of(ACTIONS), *dockerfile_env(),
                    *(entry["name"] for _, container in containers() for entry in container.get("env", []))}
    known = names_in_code()
    unread = sorted(name for name in set_by_files if name not in known and name not in LIBRARY_VARIABLES)
    assert unread == [], "set by deploy/ but read by nothing: misspelt, or a setting the code dropped"


def variables_endpoints_require() -> set[str]:
    """Variables that start a value of endpoints.yml: Rasa refuses to start while one is unset."""
    text = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
    return set(re.findall(r"^[^#\n]*:\s+\$\{([A-Z][A-Z0-9_]*)\}", text, re.M))


def rate_limits_in_code() -> dict[str, str]:
    """Each rate-limit variable of the channels with its default, as the code declares them."""
    found: dict[str, str] = {}
    for path in (ROOT / "bot" / "channels").glob("*.py"):
        found.update(re.findall(r'^[A-Z_]+ = \("([A-Z_]+_RATE)", "(\d+:\d+)"\)', path.read_text(encoding="utf-8"), re.M))
    return found


def test_production_settings_are_all_set_and_secrets_come_from_the_secret() -> None:
    rasa_env, actions_env = env_of(RASA), env_of(ACTIONS)
    limits = rate_limits_in_code()
    assert set(limits) >= {"CONVERSATION_RATE", "HISTORY_RATE", "MESSAGE_RATE", "MESSAGE_ADDRESS_RATE", "UPDATES_RATE"}
    rasa_needs = RASA_NEEDS | variables_endpoints_require() | set(limits)
    assert {"ACTION_ENDPOINT_URL"} <= variables_endpoints_require()
    known = names_in_code() | set(LIBRARY_VARIABLES)
    assert sorted((rasa_needs | ACTIONS_NEED) - known) == [], "a needed setting the code no longer reads"
    assert sorted(rasa_needs - set(rasa_env)) == []
    assert sorted(ACTIONS_NEED - set(actions_env)) == []
    for name, default in limits.items():
        assert rasa_env[name]["value"] == default, f"{name}: the values say they keep README's defaults"
    for name, entry in [*rasa_env.items(), *actions_env.items(),
                        *((e["name"], e) for _, c in containers() for e in c.get("env", []))]:
        if name in SECRET_VARIABLES:
            assert "value" not in entry and entry["valueFrom"]["secretKeyRef"]["name"] == "assistant-secrets", name
        else:
            assert "value" in entry or "secretKeyRef" not in entry.get("valueFrom", {}), f"{name}: not a secret"
    assert RASA["applicationSettings"]["token"] == "" and RASA["applicationSettings"]["rasaX"]["token"] == ""


def secret_keys_created(secret: str) -> set[str]:
    """The keys deploy/README.md's `kubectl create secret generic SECRET` command makes (comments included)."""
    command = DEPLOY_README.split(f"create secret generic {secret}", 1)[1].split("\nkubectl", 1)[0].split("\nunset", 1)[0]
    return set(re.findall(r"--from-literal=([a-z0-9-]+)=", command))


def test_every_secret_key_referenced_is_created_by_the_documented_commands() -> None:
    referenced: dict[str, set[str]] = {}
    entries = [*env_of(RASA).values(), *env_of(ACTIONS).values(),
               *(e for _, c in containers() for e in c.get("env", []))]
    for entry in entries:
        ref = entry.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            referenced.setdefault(ref["name"], set()).add(ref["key"])
    referenced.setdefault(POSTGRESQL["existingSecret"], set()).update({"postgresql-password", "postgresql-postgres-password"})
    referenced.setdefault(REDIS["auth"]["existingSecret"], set()).add(REDIS["auth"]["existingSecretPasswordKey"])
    for secret, keys in referenced.items():
        assert keys <= secret_keys_created(secret), f"{secret}: {sorted(keys - secret_keys_created(secret))}"
        assert secret in INSTALL, f"install.sh checks that {secret} exists"


def test_service_names_agree() -> None:
    """The URLs in the documented Secret and in the values name the Services the releases make."""
    urls = " ".join(re.findall(r"--from-literal=[a-z-]+-url=\"([^\"]+)\"", DEPLOY_README))
    assert f"@{POSTGRESQL['fullnameOverride']}:5432/{POSTGRESQL['postgresqlDatabase']}" in urls
    assert f"@{POSTGRESQL['fullnameOverride']}:5432/orders" in urls and "DATABASE orders" in POSTGRESQL["initdbScripts"]["orders-database.sql"]
    assert f"@{REDIS['fullnameOverride']}-master:6379/" in urls
    assert env_of(RASA)["ACTION_ENDPOINT_URL"]["value"] == f"http://{ACTIONS['fullnameOverride']}/webhook"
    assert ACTIONS["service"]["port"] == 80
    labels = {chart: {"app.kubernetes.io/name": chart, "app.kubernetes.io/instance": release}
              for chart, release in releases().items() if chart in ("rasa", "rasa-action-server")}
    assert len(labels) == 2
    budgets = [doc["spec"]["selector"]["matchLabels"] for doc in MANIFESTS if doc["kind"] == "PodDisruptionBudget"]
    assert sorted(map(str, budgets)) == sorted(map(str, labels.values()))
    for chart, values in (("rasa", RASA), ("rasa-action-server", ACTIONS)):
        terms = values["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"]
        assert terms[0]["podAffinityTerm"]["labelSelector"]["matchLabels"] == labels[chart]


# --- what the chart passes through: endpoints, channels, commands ----------------------------------------


def defines_class(dotted: str) -> bool:
    """Whether `package.module.Class` is a class in our source tree."""
    module, name = dotted.rsplit(".", 1)
    path = ROOT.joinpath(*module.split(".")).with_suffix(".py")
    return path.exists() and any(isinstance(node, ast.ClassDef) and node.name == name
                                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def test_the_embedded_endpoints_and_channels_are_the_repositorys() -> None:
    settings = RASA["applicationSettings"]
    assert settings["endpoints"]["additionalEndpoints"] == load(ROOT / "endpoints.yml")
    assert settings["credentials"]["additionalChannelCredentials"] == load(ROOT / "credentials.yml")
    for chart_own in ("models", "trackerStore", "lockStore", "eventBroker"):
        assert settings["endpoints"][chart_own]["enabled"] is False, f"the chart's {chart_own} would replace ours"
    assert RASA["rasa-action-server"]["install"] is False  # else the chart writes its own action_endpoint
    classes = [*load(ROOT / "credentials.yml"),
               *(section["type"] for section in load(ROOT / "endpoints.yml").values() if "." in str(section.get("type")))]
    assert len(classes) >= 5
    assert [name for name in classes if not defines_class(name)] == []


def run_sh_commands() -> dict[str, list[str]]:
    """The two server commands of scripts/run.sh, as argument lists after `$PY -m`."""
    text = re.sub(r"\\\n\s*", "", (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8"))  # continued lines
    commands = re.findall(r"\$PY -m (.+?) >", text)
    found = {line.split()[0]: line.split() for line in commands
             if line.split()[0] in ("bot.rasa_server", "bot.action_server", "rasa_sdk")}
    assert "bot.rasa_server" in found and len(found) == 2, commands
    return found


def test_the_commands_are_scripts_run_sh_s() -> None:
    run = run_sh_commands()
    action_module = next(module for module in run if module != "bot.rasa_server")
    assert ACTIONS["args"][:3] == ["python", "-m", action_module]
    if action_module.startswith("bot."):
        assert ROOT.joinpath(*action_module.split(".")).with_suffix(".py").exists()
    assert ACTIONS["args"][3:5] == ["--actions", "actions"] == run[action_module][1:3]
    assert ACTIONS["args"][ACTIONS["args"].index("--port") + 1] == str(ACTIONS["applicationSettings"]["port"])
    rasa, run_rasa = RASA["args"], run["bot.rasa_server"]
    assert rasa[:4] == ["python", "-m", "bot.rasa_server", "run"] and rasa[2:4] == run_rasa[:2]
    for flag in ("--endpoints", "--credentials"):
        assert rasa[rasa.index(flag) + 1] == run_rasa[run_rasa.index(flag) + 1]
    assert rasa[rasa.index("--port") + 1] == str(RASA["applicationSettings"]["port"])
    assert "--enable-api" not in rasa and "--enable-api" not in run_rasa
    assert rasa[rasa.index("--model") + 1] == "/app/models"
    cmd = re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.M)
    assert cmd and yaml.safe_load(cmd.group(1)) == rasa, "the image's default command is the Rasa server's"
    jobs = {name: container["args"] for name, container in containers()}
    assert jobs["CronJob/assistant-purge"][:3] == ["python", "-m", "bot.retention"]
    assert '"--url"' in (ROOT / "bot" / "retention.py").read_text(encoding="utf-8")
    assert jobs["Job/assistant-orders-schema"] == ["python", "-m", "bot.orders", "schema"]
    assert 'add_parser("schema"' in (ROOT / "bot" / "orders" / "__main__.py").read_text(encoding="utf-8")


def test_the_dockerfile_builds_as_the_venv_does() -> None:
    stages = re.findall(r"^FROM (\S+)", DOCKERFILE, re.M)
    assert stages and all(stage == "python:3.10-slim" for stage in stages)
    assert re.search(r"pip install .*-c constraints\.txt \.", DOCKERFILE)
    assert '"pip<25"' in DOCKERFILE and '"pip<25"' in (ROOT / "scripts" / "venv.sh").read_text(encoding="utf-8")
    user = re.findall(r"^USER (\S+)", DOCKERFILE, re.M)
    assert user and user[-1].split(":")[0] not in ("root", "0")
    assert str(RASA["podSecurityContext"]["runAsUser"]) == user[-1].split(":")[0] == str(ACTIONS["podSecurityContext"]["runAsUser"])
    assert re.search(r"^COPY \$\{MODEL\} /app/models/$", DOCKERFILE, re.M)
    assert re.search(r"^COPY endpoints\.yml credentials\.yml /app/$", DOCKERFILE, re.M)
    assert re.search(r'^ENTRYPOINT \["/app/entrypoint\.sh"\]$', DOCKERFILE, re.M)
    assert os.access(DEPLOY / "entrypoint.sh", os.X_OK)
    quiet = dict(re.findall(r'^export ([A-Z_]+)="?([^"\n]*)"?$', (ROOT / "scripts" / "env.sh").read_text(encoding="utf-8"), re.M))
    image = dockerfile_env()
    assert {name: image.get(name) for name in quiet} == quiet, "the image runs with the environment of scripts/env.sh"


# --- scale, rollout, health ----------------------------------------------------------------------------


def mebibytes(quantity: str) -> float:
    """A Kubernetes memory quantity in MiB."""
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]i)?", quantity).groups()
    return float(number) * {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, None: 1 / 2**20}[unit]


def test_replicas_resources_and_rollout() -> None:
    for values in (RASA, ACTIONS):
        assert values["replicaCount"] >= 2
        assert values["strategy"] == {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
        assert mebibytes(values["resources"]["limits"]["memory"]) > mebibytes(values["resources"]["requests"]["memory"])
    assert RASA["autoscaling"]["minReplicas"] >= 2
    # docs/performance.md: without TensorFlow 353 MiB after start, 360 after the bench (TensorFlow would add 300)
    assert mebibytes(RASA["resources"]["requests"]["memory"]) >= 400
    assert RASA["applicationSettings"]["initialModel"] == "" and RASA["applicationSettings"]["trainInitialModel"] is False
    assert RASA["nginx"]["enabled"] is False and env_of(RASA)["SANIC_PROXIES_COUNT"]["value"] == "1"
    # drain, then Sanic's graceful stop (15 s), inside Kubernetes' default 30 s grace period
    for values in (RASA, ACTIONS):
        assert int(env_of(values)["SHUTDOWN_DRAIN_S"]["value"]) + 15 < 30


def test_probes_ask_what_the_servers_serve() -> None:
    for probe in ("readinessProbe", "livenessProbe"):
        assert RASA[probe]["httpGet"]["path"] == "/"  # Rasa's root route: served once the model is loaded
        assert RASA[probe]["httpGet"]["port"] == "http"
        path = ACTIONS[probe]["httpGet"]["path"]
        assert path == "/health"
    tree = ast.parse((ROOT / "bot" / "action_server.py").read_text(encoding="utf-8"))
    open_paths = next(ast.literal_eval(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                      and any(getattr(target, "id", "") == "OPEN_PATHS" for target in node.targets))
    assert "/health" in open_paths, "the action server's probe must not need the secret"
    assert RASA["livenessProbe"]["initialDelaySeconds"] >= 4 * 15  # the model took 15 s to load on the dev machine


def test_the_entrypoint_serves_the_drain_time_after_sigterm_then_passes_it_on(tmp_path: Path) -> None:
    marks = tmp_path / "marks"
    server = (
        "import signal, sys, time\n"
        f"marks = open({str(marks)!r}, 'a')\n"
        "def stop(number, frame):\n"
        "    marks.write(f'term {time.monotonic()}\\n'); marks.flush(); sys.exit(7)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        "marks.write('ready\\n'); marks.flush()\n"
        "while True: time.sleep(0.05)\n"
    )
    process = subprocess.Popen(["sh", str(DEPLOY / "entrypoint.sh"), sys.executable, "-c", server],
                               env={**os.environ, "SHUTDOWN_DRAIN_S": "1"})
    try:
        deadline = time.monotonic() + 20
        while not (marks.exists() and "ready" in marks.read_text()):
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 7, "the entrypoint exits with the server's status"
    finally:
        if process.poll() is None:
            process.kill()
    received = float(marks.read_text().split("term ")[1])
    assert received - sent >= 0.9, "the server kept serving for SHUTDOWN_DRAIN_S before it was told to stop"


def test_sanic_takes_the_client_address_the_ingress_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    from sanic.compat import Header
    from sanic.config import Config
    from sanic.headers import parse_xforwarded

    monkeypatch.setenv("SANIC_PROXIES_COUNT", env_of(RASA)["SANIC_PROXIES_COUNT"]["value"])
    config = Config()
    assert config.PROXIES_COUNT == 1
    # the customer sent a made-up address; the Ingress appended the one it saw
    headers = Header([("X-Forwarded-For", "203.0.113.9, 198.51.100.7")])
    assert parse_xforwarded(headers, config)["for"] == "198.51.100.7"
    assert "request.remote_addr" in (ROOT / "bot" / "channels" / "gate.py").read_text(encoding="utf-8")


# --- the documents ----------------------------------------------------------------------------------


def test_the_documents_name_every_setting_and_link_each_other() -> None:
    deployment = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for name in sorted({*env_of(RASA), *env_of(ACTIONS)}):
        assert f"`{name}`" in deployment, f"docs/deployment.md's settings table lacks {name}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", readme, re.M)
    assert headings.index("Running in production") == headings.index("Configuration") + 1
    section = readme.split("## Running in production", 1)[1].split("\n## ", 1)[0]
    assert "docs/deployment.md" in section and "(deploy/)" in section
    for name in ("TRACKER_STORE_URL", "LOCK_STORE_URL", "ACTION_SECRET", "CONVERSATION_SECRET", "DATABASE_URL"):
        assert f"`{name}`" in section
    assert "deploy/helm/install.sh" in DEPLOY_README and "docs/deployment.md" in DEPLOY_README
