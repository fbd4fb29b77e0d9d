# norm: numpy's ord= for vectors and matrices, axis= for the norms of rows or columns
v = tensor [3, -4, 0]
print (norm v) (norm v ord=1) (norm v ord="inf") (norm v ord="-inf") (norm v ord=0)  # expect: 5 7 4 0 2
print (norm v ord=(1/0)) (norm [1, 1] ord=3)  # expect: 4 1.2599211
a = tensor [[1, 2], [3, 4]]
print (norm a) (norm a ord="fro")  # expect: 5.477226 5.477226
print (norm a ord=1) (norm a ord=-1) (norm a ord="inf") (norm a ord="-inf")  # expect: 6 4 7 3
print (norm a ord=2) (norm a ord=-2) (norm a ord="nuc")  # expect: 5.464986 0.3659662 5.8309517
print [norm [[3, 4], [6, 8]] axis=1]  # expect: [tensor [5, 10]]
print [norm [[3, 4], [6, 8]] axis=0 ord=1]  # expect: [tensor [9, 12]]
print [norm (ones 2 3 4) axis=-1]  # expect: [tensor [[2, 2, 2], [2, 2, 2]]]
print (norm (ones 2 2 2))  # expect: 2.828427
print (norm [0.1, 0.2])  # expect: 0.2236068
