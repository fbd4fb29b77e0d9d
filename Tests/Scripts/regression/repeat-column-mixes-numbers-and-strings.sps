# Wrong answer, fixed: a repeat column that one run recorded as a number and another as a string silently turned
# the string into NaN. Now an error naming the column, both runs and both values.

# expect error: repeat: the column 'x' mixes numbers and strings: 0.5 in the run with seed 0, v=1, "n/a" in the run with seed 0, v=2; give each column one type (str x makes a number a string)
t = repeat seeds=[0] v=[1, 2] {
  if v == 1 { record x=0.5 } else { record x="n/a" }
}
