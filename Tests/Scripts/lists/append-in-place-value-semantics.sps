# `xs = append xs v` and `xs += [v]` grow the variable's list in place (issue 15), and lists stay values: every
# other name, list, record or block that holds the list keeps the list as it was.
xs = [1, 2]
ys = xs
inside = [xs]
r = {f: xs}
keep = { xs }
before = keep()
xs = append xs 3
xs += [4]
print xs ys inside r.f before  # expect: [1, 2, 3, 4] [1, 2] [[1, 2]] [1, 2] [1, 2]
def build n {
  out = []
  for i in 0..<n { out = append out i }
  copy = out
  out += [n]
  return [copy, out]
}
print (build 3)  # expect: [[0, 1, 2], [0, 1, 2, 3]]
xs = append xs (error "stop")  # expect error: stop
