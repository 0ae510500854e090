#!/usr/bin/env bash
# Deletes the stack deployed by deploy.sh (and, with --delete-repository, the ECR repository).
#
#   server/destroy.sh [--stack-name NAME] [--region REGION] [--delete-repository] [--dry-run]
#
# The access-log bucket is retained (DeletionPolicy: Retain) so logs outlive the stack; the script prints
# the commands that empty and delete it.
set -euo pipefail

stack_name="websocket-service"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
repository="websocket-server"
delete_repository=false
dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --stack-name) stack_name="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --repository) repository="$2"; shift 2 ;;
    --delete-repository) delete_repository=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "destroy.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
run() {
  if $dry_run; then printf '+'; printf ' %q' "$@"; printf '\n'; else "$@"; fi
}
region_args=()
[ -n "$region" ] && region_args=(--region "$region")

if $dry_run; then
  bucket="<access-log-bucket>"
  run aws cloudformation describe-stack-resource "${region_args[@]}" --stack-name "$stack_name" --logical-resource-id AccessLogBucket
else
  bucket="$(aws cloudformation describe-stack-resource "${region_args[@]}" --stack-name "$stack_name" \
    --logical-resource-id AccessLogBucket --query StackResourceDetail.PhysicalResourceId --output text 2>/dev/null || echo "")"
fi
run aws cloudformation delete-stack "${region_args[@]}" --stack-name "$stack_name"
run aws cloudformation wait stack-delete-complete "${region_args[@]}" --stack-name "$stack_name"
if $delete_repository; then
  run aws ecr delete-repository "${region_args[@]}" --repository-name "$repository" --force
fi
if [ -n "$bucket" ]; then
  echo "The access-log bucket $bucket is retained. To remove it:"
  echo "  aws s3api delete-objects ... (every version), then: aws s3 rb s3://$bucket"
fi
