# The prelude: commands written in sps itself, compositions of other commands. sps builds this file into its
# binary and loads it into every session (scripts, the prompt, tests, each `repeat` run), much as Wren keeps part
# of its core library in Wren. Each def below becomes a built-in command: `help` lists it under its topic,
# arguments are checked as for native commands, `vars` does not show it, and an error inside it is reported at
# the line that called it.
#
# The comment directly above a def is its help:
#   the first line         the one-line summary `help` lists;
#   further lines          the longer help, before the first @ line;
#   @topic name            the topic `help` lists it under;
#   @param name type: …    one per parameter, in order (given by position or as name=value);
#   @keyword name type: …  a parameter given only as name=value (after the @param ones);
#   @example line          one line of the example (repeat for more lines).
# Types are written as `help` shows them: integer, number, string, bool, list, record, tensor, block, command,
# column name, column names, any value, or an object type such as Loop or Dataset; `A or B` takes either; a unit
# goes in parentheses, `integer (epochs)`. A default is the def's own (`n=1`).
#
# Defs here may use the native commands and the defs above them (not themselves: no recursion). The native
# commands are bound when the prelude loads, so a user's variable named `run` does not change what `epoch` does;
# a def here must not assign to their names. Loading checks all this, and every def needs an exercise in
# Tests/SPSShellTests/PreludeTests.swift.

# run a loop to the end of the current epoch (n epochs with a count)
# @topic training
# @param loop Loop: the loop
# @param n integer (epochs): how many epochs
# @example epoch l
# @example epoch l 5
def epoch loop n=1 {
  if n < 0 { error "n must be >= 0, got {n}" }
  run loop epochs=n
}

# run a loop epoch by epoch until a condition block is true (or max epochs)
# @topic training
# @param loop Loop: the loop
# @param condition block: checked after every epoch
# @keyword max integer (epochs): give up after this many epochs
# @example until l { l.loss < 1.1 }
# @example until l max=100 { (l.history.ood_rmse[-1]) < 1 }
def until loop condition max=1000 {
  for i in 0..<max {
    if condition() == true { return loop.epoch }
    run loop epochs=1
  }
  if condition() == true { return loop.epoch }
  error "until: the condition was still false after {max} epochs (raise max=)"
}
