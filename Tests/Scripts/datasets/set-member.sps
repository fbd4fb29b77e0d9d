# d.name = values sets a column of a new dataset and rebinds d; other names for the old one keep it
d = dataset (tensor [[1], [2], [3]]) (tensor [1, 1, 1]) names=[a] env=[2, 2, 3]
old = d
d.double = d.a * 2
d.a += 10
print d.columns old.columns d.a[0] d.double[2] d.env[0]  # expect: ["a", "double", "y"] ["a", "y"] 11 6 2
d.env = [0, 1, 0]
print d.env[1] old.env[1]  # expect: 1 2
d.n = 5  # expect error: member 'n' of Dataset cannot be set
