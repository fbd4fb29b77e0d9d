# `r.a = append r.a v` and `xs[i] = append xs[i] v` grow the member's or element's list in place, and mean what
# the general form means: other holders keep the list as it was, and a value whose evaluation changes the place
# appends to the list as it was first read.
history = {loss: [], step: 0}
for i in 0..<4 { history.loss = append history.loss (i * i) }
print history  # expect: {loss: [0, 1, 4, 9], step: 0}
runs = [[], [10]]
kept = runs[1]
runs[1] = append runs[1] 11 12
print runs kept  # expect: [[], [10, 11, 12]] [10]
log = {fit: {seen: []}}
log.fit.seen = append log.fit.seen "a"
log["fit"].seen = append log["fit"].seen "b"
print log  # expect: {fit: {seen: ["a", "b"]}}
def replace { history = {other: 1}; 7 }
history.loss = append history.loss (replace())
print history  # expect: {other: 1, loss: [0, 1, 4, 9, 7]}
k = 0
def move { k = 1; 0 }
runs[k] = append runs[k] (move())
print runs  # expect: [[], [0]]
history.loss = append history.loss history
print history.loss  # expect: [0, 1, 4, 9, 7, {other: 1, loss: [0, 1, 4, 9, 7]}]
history.other = append history.other 1  # expect error: argument 'list' of append must be a list, got number 1
