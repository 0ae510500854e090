# Sourced by server/deploy.sh and server/destroy.sh, whose dry runs print commands with it.
# shellcheck shell=bash

# quoted ARG...: the arguments as one command line a shell reads back as the same words. An argument is
# quoted only when it holds a character the shell would treat specially: in single quotes, or in double
# quotes when it holds single quotes and nothing double quotes would expand.
quoted() {
  local arg line=""
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then line+=" $arg"
    elif [[ "$arg" != *"'"* ]]; then line+=" '$arg'"
    elif [[ "$arg" != *[\"\$\`\\!]* ]]; then line+=" \"$arg\""
    else line+=" '${arg//\'/\'\\\'\'}'"; fi
  done
  printf '%s' "${line# }"
}
