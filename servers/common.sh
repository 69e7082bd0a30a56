# Sourced by the scripts under servers/ and by .ci/run: small helpers with no side effects.

# Microseconds since the epoch. Digits only, so a locale with a decimal comma does not matter
# and no external tool (bc, date +%N) is needed on a bare image.
now_us() { printf '%s\n' "${EPOCHREALTIME//[!0-9]/}"; }

# Seconds elapsed since a now_us value, with millisecond precision, e.g. "0.084s".
since() {
  local ms=$((($(now_us) - $1) / 1000))
  printf '%d.%03ds\n' $((ms / 1000)) $((ms % 1000))
}
