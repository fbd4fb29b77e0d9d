# longer: a table from wide to long form, as pandas' wide_to_long; only numeric suffixes count by default, so
# val_env stays a column of its own
t = repeat seeds=0..1 { record val_1=seed val_2=(seed + 1) test_1=10 val_env=-1 note_a="x" note_b="y" }
# expect: seed  val_env  note_a  note_b  step  val  test
# expect: ────  ───────  ──────  ──────  ────  ───  ────
# expect:    0       -1  x       y          1    0    10
# expect:    0       -1  x       y          2    1   NaN
# expect:    1       -1  x       y          1    1    10
# expect:    1       -1  x       y          2    2   NaN
print (longer t [val, test])
# suffix="any" takes text suffixes; name= names the new column
# expect: seed  val_1  val_2  test_1  val_env  which  note
# expect: ────  ─────  ─────  ──────  ───────  ─────  ────
# expect:    0      0      1      10       -1  a      x
# expect:    0      0      1      10       -1  b      y
# expect:    1      1      2      10       -1  a      x
# expect:    1      1      2      10       -1  b      y
print (longer t [note] name=which suffix="any")
print (longer t [val] sep=".")  # expect error col 8: longer: no column is named val.… with a number after it; the columns are seed, val_1, val_2, test_1, val_env, note_a, note_b
