# drop removes feature columns, rename renames any column; the target and the environments stay
d = dataset (tensor [[1, 2, 3], [4, 5, 6]]) (tensor [7, 8]) names=[a, b, c] env=[1, 0]
print (drop d [a, c]).columns (drop d b).env[0]  # expect: ["b", "y"] 1
r = rename d {a: "alpha", y: "out"}
print r.columns r.target r.alpha[1]  # expect: ["alpha", "b", "c", "out"] out 4
print (rename d {a: "b"})  # expect error: rename: renaming would give two columns the name 'b'
