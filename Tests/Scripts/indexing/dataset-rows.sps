# Datasets select rows by the same rule, and keep their environment tags
d = dataset (tensor [[1, 10], [2, 20], [3, 30], [4, 40]]) (tensor [5, 6, 7, 8]) names=[a, b] env=[0, 0, 1, 1]
print d[-1]  # expect: {a: 4, b: 40, y: 8}
print d[-2..].a
# expect: 2-element Tensor{Float32}:
# expect: 3  4
print d[-2..].env
# expect: 2-element Tensor{Float32}:
# expect: 1  1
print d[[3, 0, 0]].y d[d.b > 15].n d[..<1].n (len d)
# expect: 3-element Tensor{Float32}:
# expect: 8  5  5 3 1 4
print d[[true, false, false, true]].env
# expect: 2-element Tensor{Float32}:
# expect: 0  1
print d["b"].count  # expect: 4
print d[0..9]  # expect error: range 0..9 is out of range for a Dataset of 4 rows
