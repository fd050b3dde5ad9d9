#!/usr/bin/env bash
# Installs (or upgrades) the assistant on a Kubernetes cluster, in order: PostgreSQL, Redis, the
# orders tables, the action server, the Rasa server, then the retention job and the disruption
# budgets. Safe to run again: every step is `helm upgrade --install` or `kubectl apply`.
#
#   IMAGE=registry.example.com/store-assistant:TAG NAMESPACE=assistant bash deploy/helm/install.sh
#
# Before the first run: build and push the image (deploy/Dockerfile) and create the three Secrets
# (deploy/README.md). A new model or new code is a new IMAGE: run this again (docs/deployment.md,
# "Rolling out a new model").
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${IMAGE:?set IMAGE to the pushed image, e.g. registry.example.com/store-assistant:2026-12-01}"
NAMESPACE="${NAMESPACE:-assistant}"
REPOSITORY="${IMAGE%:*}"
TAG="${IMAGE##*:}"
[ "$REPOSITORY" != "$IMAGE" ] || { echo "IMAGE needs a tag (REPOSITORY:TAG)" >&2; exit 2; }

# The chart versions these values were written for (docs/deployment.md "Charts").
RASA_CHART_VERSION=1.17.8
ACTION_CHART_VERSION=1.0.9
POSTGRESQL_CHART_VERSION=10.16.2
REDIS_CHART_VERSION=15.7.6
BITNAMI_CHARTS=oci://europe-west3-docker.pkg.dev/rasa-releases/rasa-x-helm   # where Rasa's chart takes them from

kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
for secret in assistant-secrets assistant-postgresql assistant-redis; do
  if ! kubectl -n "$NAMESPACE" get secret "$secret" >/dev/null 2>&1; then
    echo "The Secret '$secret' is missing in namespace '$NAMESPACE': create it first (deploy/README.md)" >&2
    exit 1
  fi
done

helm repo add rasa https://helm.rasa.com >/dev/null 2>&1 || true
helm repo update rasa

echo "==> PostgreSQL"
helm upgrade --install assistant-postgresql "$BITNAMI_CHARTS/postgresql" --version "$POSTGRESQL_CHART_VERSION" \
  -n "$NAMESPACE" -f deploy/helm/postgresql-values.yaml --wait --timeout 10m
echo "==> Redis"
helm upgrade --install assistant-redis "$BITNAMI_CHARTS/redis" --version "$REDIS_CHART_VERSION" \
  -n "$NAMESPACE" -f deploy/helm/redis-values.yaml --wait --timeout 5m

echo "==> The agents' console folder and the orders tables"
kubectl -n "$NAMESPACE" apply -f deploy/k8s/console-keep-pvc.yaml
kubectl -n "$NAMESPACE" delete job assistant-orders-schema --ignore-not-found
sed "s|STORE_ASSISTANT_IMAGE|$IMAGE|" deploy/k8s/orders-schema-job.yaml | kubectl -n "$NAMESPACE" apply -f -
kubectl -n "$NAMESPACE" wait --for=condition=complete job/assistant-orders-schema --timeout 5m

# The action server first: a new model may call new actions, never the other way round.
echo "==> Action server"
helm upgrade --install assistant-actions rasa/rasa-action-server --version "$ACTION_CHART_VERSION" \
  -n "$NAMESPACE" -f deploy/helm/action-server-values.yaml \
  --set image.repository="$REPOSITORY" --set image.tag="$TAG" --wait --timeout 10m
echo "==> Rasa server (a rolling update: one new server ready before an old one stops)"
helm upgrade --install assistant rasa/rasa --version "$RASA_CHART_VERSION" \
  -n "$NAMESPACE" -f deploy/helm/rasa-values.yaml \
  --set image.repository="$REPOSITORY" --set image.tag="$TAG" --wait --timeout 15m

echo "==> Retention job and disruption budgets"
sed "s|STORE_ASSISTANT_IMAGE|$IMAGE|" deploy/k8s/purge-cronjob.yaml | kubectl -n "$NAMESPACE" apply -f -
kubectl -n "$NAMESPACE" apply -f deploy/k8s/pdb.yaml

kubectl -n "$NAMESPACE" rollout status deployment/assistant-actions
kubectl -n "$NAMESPACE" rollout status deployment/assistant
echo "The assistant runs $IMAGE in namespace $NAMESPACE (docs/deployment.md: what to watch)."
