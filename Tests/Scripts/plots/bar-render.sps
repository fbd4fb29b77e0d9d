p = plot bar {param: ["a", "b"], v: [1, 2]} x=param y=[v] width=30 height=6 title="bars"
print p
# expect: bars
# expect: v
# expect: 2 ┤
# expect: 1 ┤                ████████
# expect: 0 ┤  ████████      ████████
# expect: └──────┬─────────────┬──────
# expect: a             b
# expect: param
