# Inside repeat, the run's seed and each grid value are variables of the block (issue 17), as they are columns of
# the table.
t = repeat seeds=3..4 k=[1, 10] {
  record twice=(seed * 2) scaled=(seed * k) label="run {seed}"
}
print t.columns
print t.twice
print t.scaled
print t.label
# expect: ["seed", "k", "twice", "scaled", "label"]
# expect: 4-element Tensor{Float32}:
# expect:  6  8  6  8
# expect: 4-element Tensor{Float32}:
# expect:   3   4  30  40
# expect: ["run 3", "run 4", "run 3", "run 4"]
