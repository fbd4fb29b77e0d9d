# Bad input: unknown member of dataset

d = spurious n=10
# expect error: Dataset has no member 'featurs'; did you mean 'features'? (members: n, features, target, columns, env, X, Y, x1, x2, x3, y)
print d.featurs
