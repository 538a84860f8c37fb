#!/bin/sh
# A run of the three shipped scenarios (1,000,000 paths each, seed 7) in 7
# shards as an AWS Batch array job, then the merge as a job that depends on
# the whole array. Register the job definition once:
#
#   aws batch register-job-definition --cli-input-json file://docs/sharding/aws-batch-job-definition.json
#
# then run this script (QUEUE: your job queue). Each child gets
# AWS_BATCH_JOB_ARRAY_INDEX (0..6) and AWS_BATCH_JOB_ARRAY_SIZE (7), which
# `--shard-from-env` reads; parts go to an EFS volume mounted at /parts.
set -eu
QUEUE=${QUEUE:-marketfutures}
RUN=${RUN:-run-7}
SHARDS=7

shard_command='["sh","-c","node /app/dist/bin/marketfutures.js run scenarios/hyperscaler-hegemony.json scenarios/regulated-multipolarity.json scenarios/paradigm-shift.json --paths 1000000 --seed 7 --shard-from-env --quiet --out /parts/'"$RUN"'/shard-$AWS_BATCH_JOB_ARRAY_INDEX"]'
merge_command='["sh","-c","node /app/dist/bin/marketfutures.js merge /parts/'"$RUN"'/shard-* --out /parts/'"$RUN"'/results"]'

shards=$(aws batch submit-job --job-name "marketfutures-$RUN-shards" --job-queue "$QUEUE" --job-definition marketfutures \
  --array-properties "size=$SHARDS" --container-overrides "{\"command\": $shard_command}" --query jobId --output text)
# A job that depends on an array job starts once every child has succeeded.
aws batch submit-job --job-name "marketfutures-$RUN-merge" --job-queue "$QUEUE" --job-definition marketfutures \
  --depends-on "jobId=$shards" --container-overrides "{\"command\": $merge_command}" --query jobId --output text
