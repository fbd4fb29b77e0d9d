# Wrong answer, fixed: a string first and a number later turned the number into text. Now an error; `str` makes
# the column one of strings on purpose.

t = repeat seeds=0..1 {
  record x=(str 1)
}
print t.x
# expect: ["1", "1"]
# expect error: repeat: the column 'x' mixes numbers and strings: "a" in the run with seed 0, k=1, 1 in the run with seed 0, k=2
t = repeat seeds=[0] k=[1, 2] {
  if k == 1 { record x="a" } else { record x=1 }
}
