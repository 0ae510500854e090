#!/usr/bin/env bash
# Builds and pushes the server image (linux/arm64), gates the stack template with nag, then deploys it.
#
#   server/deploy.sh [--stack-name NAME] [--region REGION] [--repository NAME] [--tag TAG]
#                    [--template FILE] [--dry-run]
#
# --stack-name  the CloudFormation stack (default: websocket-service)
# --region      the AWS region (default: AWS_REGION, else the AWS CLI's configured region)
# --repository  the ECR repository, created when missing (default: websocket-server)
# --tag         the image tag (default: the abbreviated git commit)
# --template    the stack template (default: server/stack/websocket-service.yaml)
# --dry-run     print every AWS and Docker command, as a shell would read it, instead of running it; the nag
#               gate still runs (it only reads the template), so a template that fails the gate stops the
#               script before anything is deployed
# Environment: NAG (path of the nag binary; default: nag on PATH, else built with swift build -c release),
# AWS_REGION / AWS_PROFILE as the AWS CLI reads them.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
stack_name="websocket-service"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
tag="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || date +%Y%m%d%H%M%S)"
template="$here/stack/websocket-service.yaml"
repository="websocket-server"
dry_run=false

# usage: the comment block at the top of this file, up to its first line of code.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --stack-name) stack_name="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --template) template="$2"; shift 2 ;;
    --repository) repository="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "deploy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

source "$root/scripts/lib/quoted.sh"   # quoted ARG...: a command line as a shell reads it back
# run CMD...: runs a command, or prints it in a dry run.
run() {
  if $dry_run; then echo "+ $(quoted "$@")"; else "$@"; fi
}
# capture PLACEHOLDER CMD...: prints a command's output, or in a dry run prints the command and the placeholder.
capture() {
  local placeholder="$1"; shift
  if $dry_run; then echo "+ $(quoted "$@")" >&2; echo "$placeholder"; else "$@"; fi
}

nag_binary() {
  if [ -n "${NAG:-}" ]; then echo "$NAG"; return; fi
  if command -v nag >/dev/null 2>&1; then command -v nag; return; fi
  echo "deploy.sh: building nag (swift build -c release)" >&2
  swift build -c release --product nag --package-path "$root" >&2
  echo "$root/.build/release/nag"
}

region_args=()
[ -n "$region" ] && region_args=(--region "$region")

# 1. The gate: nothing is built, pushed or deployed unless the template passes.
nag="$(nag_binary)"
echo "== nag gate: $template"
if ! "$nag" --pack AwsSolutions --pack Edge --rules "$root/rules/fargate-service.yaml" --fail-on warning "$template"; then
  echo "deploy.sh: the template does not pass nag; not deploying." >&2
  exit 1
fi

# 2. Image: ECR repository (created if missing), login, arm64 build and push.
account="$(capture '<account-id>' aws sts get-caller-identity "${region_args[@]}" --query Account --output text)"
region_name="${region:-$(capture '<region>' aws configure get region)}"
registry="$account.dkr.ecr.$region_name.amazonaws.com"
image="$registry/$repository:$tag"
echo "== image: $image"
if $dry_run || ! aws ecr describe-repositories "${region_args[@]}" --repository-names "$repository" >/dev/null 2>&1; then
  $dry_run && run aws ecr describe-repositories "${region_args[@]}" --repository-names "$repository"
  run aws ecr create-repository "${region_args[@]}" --repository-name "$repository" \
    --image-tag-mutability IMMUTABLE --image-scanning-configuration scanOnPush=true \
    --encryption-configuration encryptionType=AES256
fi
password=(aws ecr get-login-password "${region_args[@]}")
login=(docker login --username AWS --password-stdin "$registry")
if $dry_run; then echo "+ $(quoted "${password[@]}") | $(quoted "${login[@]}")"; else "${password[@]}" | "${login[@]}"; fi
run docker buildx build --platform linux/arm64 --tag "$image" --push "$here"

# 3. Deploy.
prefix_list="$(capture '<pl-cloudfront-origin-facing>' aws ec2 describe-managed-prefix-lists "${region_args[@]}" \
  --filters Name=prefix-list-name,Values=com.amazonaws.global.cloudfront.origin-facing \
  --query 'PrefixLists[0].PrefixListId' --output text)"
echo "== deploy: $stack_name"
run aws cloudformation deploy "${region_args[@]}" --stack-name "$stack_name" --template-file "$template" \
  --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset \
  --parameter-overrides "ImageUri=$image" "RepositoryName=$repository" "CloudFrontPrefixListId=$prefix_list"
url="$(capture '<wss-url>' aws cloudformation describe-stacks "${region_args[@]}" --stack-name "$stack_name" \
  --query "Stacks[0].Outputs[?OutputKey=='WebSocketUrl'].OutputValue" --output text)"
echo "== deployed: $url"
