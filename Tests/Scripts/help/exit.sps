# `exit` leaves the prompt like `quit`; help knows it.
help exit
# expect: `exit` is the same as `quit`:
# expect:
# expect: quit
# expect: leave sps (also `exit`, or Ctrl-D on an empty line); in a script, stop it
# expect:
# expect: Example
# expect: quit
# expect:
# expect: topic: shell
