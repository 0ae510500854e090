#!/usr/bin/env bash
# Deletes the stack deployed by deploy.sh (and, with --delete-repository, the ECR repository).
#
#   server/destroy.sh [--stack-name NAME] [--region REGION] [--repository NAME] [--delete-repository]
#                     [--dry-run]
#
# --stack-name         the CloudFormation stack (default: websocket-service)
# --region             the AWS region (default: AWS_REGION, else the AWS CLI's configured region)
# --repository         the ECR repository deploy.sh pushed to (default: websocket-server)
# --delete-repository  delete that repository and its images too
# --dry-run            print every AWS command, as a shell would read it, instead of running it
# The backplane database's deletion protection is turned off first (aws rds modify-db-cluster).
# The access-log bucket is retained (DeletionPolicy: Retain) so logs outlive the stack. It is versioned, so
# emptying it means deleting every object version and delete marker; the script ends by printing the
# commands that do that and then delete the bucket.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
source "$root/scripts/lib/quoted.sh"   # quoted ARG...: a command line as a shell reads it back

stack_name="websocket-service"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
repository="websocket-server"
delete_repository=false
dry_run=false
# usage: the comment block at the top of this file, up to its first line of code.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --stack-name) stack_name="$2"; shift 2 ;;
    --region) region="$2"; shift 2 ;;
    --repository) repository="$2"; shift 2 ;;
    --delete-repository) delete_repository=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "destroy.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
# run CMD...: runs a command, or prints it in a dry run.
run() {
  if $dry_run; then echo "+ $(quoted "$@")"; else "$@"; fi
}
region_args=()
[ -n "$region" ] && region_args=(--region "$region")

lookup=(aws cloudformation describe-stack-resource "${region_args[@]}" --stack-name "$stack_name"
  --logical-resource-id AccessLogBucket --query StackResourceDetail.PhysicalResourceId --output text)
if $dry_run; then
  run "${lookup[@]}"
  bucket="<access-log-bucket>"
else
  bucket="$("${lookup[@]}" 2>/dev/null || echo "")"
fi
# The backplane database has deletion protection; turn it off first, or the stack deletion fails.
db_lookup=(aws cloudformation describe-stack-resource "${region_args[@]}" --stack-name "$stack_name"
  --logical-resource-id BackplaneDatabase --query StackResourceDetail.PhysicalResourceId --output text)
if $dry_run; then
  run "${db_lookup[@]}"
  database="<backplane-database>"
else
  database="$("${db_lookup[@]}" 2>/dev/null || echo "")"
fi
if [ -n "$database" ]; then
  run aws rds modify-db-cluster "${region_args[@]}" --db-cluster-identifier "$database" --no-deletion-protection --apply-immediately
fi
run aws cloudformation delete-stack "${region_args[@]}" --stack-name "$stack_name"
run aws cloudformation wait stack-delete-complete "${region_args[@]}" --stack-name "$stack_name"
if $delete_repository; then
  run aws ecr delete-repository "${region_args[@]}" --repository-name "$repository" --force
fi

# The retained bucket: each list call returns at most 1,000 versions and delete markers (S3's page size),
# which is what one delete-objects call accepts; the loop repeats until the listing is empty.
if [ -n "$bucket" ]; then
  list=(aws s3api list-object-versions "${region_args[@]}" --bucket "$bucket" --no-paginate --output json
    --query '{Objects: [Versions, DeleteMarkers][][].{Key: Key, VersionId: VersionId}}')
  echo "The access-log bucket $bucket is retained. To empty it (every object version and delete marker) and delete it:"
  echo "  while $(quoted "${list[@]}") > versions.json \\"
  echo "      && grep -q '\"Key\"' versions.json; do"
  echo "    $(quoted aws s3api delete-objects "${region_args[@]}" --bucket "$bucket" --delete file://versions.json)"
  echo "  done"
  echo "  $(quoted aws s3api delete-bucket "${region_args[@]}" --bucket "$bucket") && rm versions.json"
fi
