#!/bin/bash
# A run of the three shipped scenarios (1,000,000 paths each, seed 7) in 7
# shards as a Slurm job array, then the merge once every task has succeeded.
# Run from the repository's folder (after `npm ci`), on a shared file system:
#
#   bash docs/sharding/slurm.sh
#
# Each task gets SLURM_ARRAY_TASK_ID (0..6), SLURM_ARRAY_TASK_MIN (0) and
# SLURM_ARRAY_TASK_COUNT (7), which `--shard-from-env` reads (any range of
# consecutive task ids works, e.g. --array=1-7; not a stepped one).
# SHARDS, PATHS, SEED, FILES, THREADS (per task), RUN (the parts' folder) and
# LOGS may be set in the environment.
set -euo pipefail
SHARDS=${SHARDS:-7}
PATHS=${PATHS:-1000000}
SEED=${SEED:-7}
RUN=${RUN:-parts/run-$SEED}
FILES=${FILES:-scenarios/hyperscaler-hegemony.json scenarios/regulated-multipolarity.json scenarios/paradigm-shift.json}
THREADS=${THREADS:-2}
LOGS=${LOGS:-logs}
MF="node dist/bin/marketfutures.js"
mkdir -p "$RUN" "$LOGS"

array=$(sbatch --parsable --job-name=mf-shards --array=0-$((SHARDS - 1)) --cpus-per-task="$THREADS" --mem=2G --time=01:00:00 \
  --output="$LOGS/mf-shard-%a.out" \
  --wrap="$MF run $FILES --paths $PATHS --seed $SEED --threads $THREADS --shard-from-env --quiet --out $RUN/shard-\$SLURM_ARRAY_TASK_ID")
# afterok on an array job: every task must have succeeded
sbatch --parsable --job-name=mf-merge --dependency="afterok:$array" --cpus-per-task=1 --mem=2G --time=00:30:00 \
  --output="$LOGS/mf-merge.out" \
  --wrap="$MF merge $RUN/shard-* --out $RUN/results"
