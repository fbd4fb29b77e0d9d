# Indexing, joining and reshaping: each element's gradient goes back where it came from.
w = param (tensor [[1, 2], [3, 4]])
g = grad (w[0, 1] * 3) w
print g[0, 0] g[0, 1] g[1, 0]  # expect: 0 3 0
# a gather that repeats a row adds its gradient twice
g = grad (sum w[[1, 1, 0]]) w
print g[0, 0] g[1, 0] g[1, 1]  # expect: 1 2 2
g = grad (sum w[w > 2]) w
print g[0, 0] g[0, 1] g[1, 0] g[1, 1]  # expect: 0 0 1 1
g = grad (sum (w[.., 1] ** 2)) w
print g[0, 0] g[0, 1] g[1, 1]  # expect: 0 4 8

v = param (tensor [1, 2])
g = grad (sum ((stack v (tensor [3, 4]) axis=1) @ (tensor [1, 10]))) v
print g[0] g[1]  # expect: 1 1
h = hstack v (tensor [[5], [6]])
print h.shape  # expect: [2, 2]
g = grad (sum (h * h)) v
print g[0] g[1]  # expect: 2 4
g = grad (sum (vstack v v)) v
print g[0] g[1]  # expect: 2 2
g = grad (sum ((diag v) @ (tensor [1, 2]))) v
print g[0] g[1]  # expect: 1 2
g = grad (sum (diag w)) w
print g[0, 0] g[0, 1] g[1, 1]  # expect: 1 0 1
g = grad (sum (outer v (tensor [1, 2, 3]))) v
print g[0] g[1]  # expect: 6 6
g = grad (sum ((reshape w [4]) * (tensor [1, 2, 3, 4]))) w
print g[0, 1] g[1, 0]  # expect: 2 3
g = grad (sum (w.T * (tensor [[1, 2], [3, 4]]))) w
print g[0, 1] g[1, 0]  # expect: 3 2
