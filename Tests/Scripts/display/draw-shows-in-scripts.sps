# `draw` shows its drawing in a script, as at the prompt (ScriptDisplay's rule).
world = { a = normal 0 1; b = a + (normal 0 1) }
g = graph world
# expect: a
# expect: │
# expect: ▼
# expect: b
draw g
# Assigned, it shows nothing.
h = draw g
