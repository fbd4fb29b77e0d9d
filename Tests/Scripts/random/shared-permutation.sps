# One permutation reorders several things the same way (issue 17: no more reseeding per column)
seed 0
x = tensor [0, 1, 2, 3, 4]
y = 10 * x
p = permutation 5
print (sum (y[p] == 10 * x[p]))  # expect: 5
d = dataset (stack x y axis=1) (x + 100)
e = d[p]
print (sum (e.y - e.x1 == 100)) (sum (e.x2 == 10 * e.x1))  # expect: 5 5
