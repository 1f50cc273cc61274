# The action's "seams check (SARIF)" step: SARIF with baselineState for code
# scanning. It never fails the job itself (the diff step's --fail-on does).
set -uo pipefail
read -r -a paths <<< "${SEAMS_PATHS:-.}"
sarif="$SEAMS_OUT/seams.sarif"
node "$GITHUB_ACTION_PATH/dist/cli.cjs" check "${paths[@]}" --format sarif --baseline "$SEAMS_BASE" --fail-on never > "$sarif"
code=$?
if [ "$code" -eq 0 ]; then
  echo "sarif=$sarif" >> "$GITHUB_OUTPUT"
else
  echo "::warning::seams check exited with $code; no SARIF uploaded"
fi
exit 0
