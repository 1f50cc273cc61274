# The action's "seams diff" step: the Markdown report and the diff picture.
# Its exit code is kept as an output; the last step of the action fails the
# job with it, after the picture and the comment are out.
set -uo pipefail
read -r -a paths <<< "${SEAMS_PATHS:-.}"
report="$SEAMS_OUT/seams-diff.md"
picture="$SEAMS_OUT/seams-diff.svg"
node "$GITHUB_ACTION_PATH/dist/cli.cjs" diff "$SEAMS_BASE" "${paths[@]}" --format markdown -o "$picture" --fail-on "${SEAMS_FAIL_ON:-new-errors}" > "$report"
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
if [ "$code" -le 1 ]; then
  echo "report=$report" >> "$GITHUB_OUTPUT"
  echo "picture=$picture" >> "$GITHUB_OUTPUT"
  # The run's summary page shows the same report.
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$report" >> "$GITHUB_STEP_SUMMARY"; fi
fi
exit 0
