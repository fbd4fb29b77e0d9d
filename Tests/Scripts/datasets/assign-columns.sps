# assign adds or replaces columns from expressions; every value sees the original dataset; environments are kept
d = dataset (tensor [[1, 10], [2, 20], [4, 40]]) (tensor [5, 6, 7]) names=[a, b] env=[0, 0, 1]
e = assign d ratio=(d.b / d.a) a=(d.a * 2) one=1
print e.columns e.env[-1]  # expect: ["a", "b", "ratio", "one", "y"] 1
print e.ratio e.a[2] e.one[0] d.a[2]
# expect: 3-element Tensor{Float32}:
# expect: 10  10  10 8 1 4
f = assign d y=(d.y - 5)
print f.target (sum f.y)  # expect: y 3
print (assign d c=[1, 2])  # expect error: column 'c' needs one value per row (3), got a tensor of shape [2]
