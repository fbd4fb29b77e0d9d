# Adds one to a number.
# Works on tensors too.
def inc x step=1 { x + step }
help inc
# expect: inc x step=…
# expect: Adds one to a number.
# expect: Works on tensors too.
# expect:
# expect: def, defined at repl/help-user-def.sps:3:1
