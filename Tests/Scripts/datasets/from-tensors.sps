# dataset X y names=[…]: a dataset from tensors; d.X and d.Y give them back
X = tensor [[1, 10], [2, 20], [3, 30]]
d = dataset X (tensor [5, 6, 7]) names=[a, b] target=out env=[0, 1, 1]
print d.columns d.target d.n (len d)  # expect: ["a", "b", "out"] out 3 3
print (sum (d.X == X)) (sum d.Y) d.env[-1]  # expect: 6 18 1
e = dataset (tensor [1, 2]) [3, 4]
print e.columns e.env  # expect: ["x1", "y"] nil
print e[1]  # expect: {x1: 2, y: 4}
print (dataset X [1, 2])  # expect error col 18: y must have one value per row of X: X is [3, 2], y is [2]
