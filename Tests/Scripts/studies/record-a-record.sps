# record takes a record of columns too: names built while the run runs, such as one column per draw
t = repeat seeds=[0, 1] {
  row = {}
  for k in 0..<3 { row["score{k}"] = seed * 10 + k }
  record row total=(seed + 100)
}
# expect: ["seed", "score0", "score1", "score2", "total"]
print t.columns
# expect: [10, 11, 12] 101
print [t.score0[1], t.score1[1], t.score2[1]] t.total[1]
# a value that is neither a number nor a string is refused, naming its column
repeat seeds=[0] { record {bad: [1, 2]} }  # expect error: repeat: every run failed; the first: run with seed 0 failed: record: bad must be a number or a string, got list
# expect: repeat: run with seed 0 failed: record: bad must be a number or a string, got list
