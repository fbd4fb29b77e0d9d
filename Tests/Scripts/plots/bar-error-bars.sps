# plot bar … err= draws ± error bars from a column per y column: ┬ at v + e, ┴ at v − e
p = plot bar {algo: ["erm", "irm"], test: [4, 2], se: [1, 0]} x=algo y=[test] err=[se] width=30 height=12 title="test ± se"
print p
# expect: test ± se
# expect: test
# expect: 6 ┤
# expect: │      ┬
# expect: 4 ┤      │
# expect: │  ████┴███
# expect: 2 ┤  ████████
# expect: │  ████████      ████████
# expect: 0 ┤  ████████      ████████
# expect: └──────┬─────────────┬──────
# expect: erm           irm
# expect: algo
print p.series  # expect: ["test"]
# err= needs a column per y column
plot bar {algo: ["erm"], a: [1], b: [2], se: [0.1]} x=algo y=[a, b] err=[se]  # expect error col 73: plot bar: err= needs one column of error bars per y column (2: a, b), got 1
