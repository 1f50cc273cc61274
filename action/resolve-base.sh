# The action's "Fetch the base branch" step: decides BASE for seams and makes
# sure git has it. An explicit `base` input wins; in a pull request it is the
# base branch as REV... (the merge base, as the pull request's own diff); on a
# push the previous commit. Fetching only adds refs and objects: the working
# tree and the index are not touched.
set -euo pipefail
if [ -n "${SEAMS_BASE:-}" ]; then
  base="$SEAMS_BASE"
elif [ -n "${BASE_REF:-}" ]; then
  git fetch --no-tags --quiet origin "+refs/heads/$BASE_REF:refs/remotes/origin/$BASE_REF"
  # The merge base needs history; actions/checkout fetches one commit by default.
  if [ "$(git rev-parse --is-shallow-repository)" = "true" ]; then
    git fetch --no-tags --quiet --unshallow origin || echo "::warning::seams: could not unshallow the clone; use actions/checkout with fetch-depth: 0"
  fi
  base="origin/$BASE_REF..."
else
  base="HEAD~1"
fi
echo "seams: comparing with $base"
echo "base=$base" >> "$GITHUB_OUTPUT"
