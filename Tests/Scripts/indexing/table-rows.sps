# Tables (a loop's history, a study, describe's summary) select rows by the same rule; len gives their rows (issue 16)
d = dataset (tensor [[1, 10], [2, 20], [3, 30], [4, 40]]) (tensor [5, 6, 7, 8]) names=[a, b]
t = describe d
print (len t) t[-1].column t[-2..-1].column  # expect: 3 y ["b", "y"]
print t[[2, 0]].column t[t.mean > 5].column t[[false, true, false]].column  # expect: ["y", "a"] ["b", "y"] ["b"]
print t[..<1].n  # expect: 1
print t[1..5]  # expect error: range 1..5 is out of range for a Table of 3 rows
