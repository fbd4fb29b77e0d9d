# Bad input: unknown column in select
# expect error: select: no feature named 'x9'; the features are x1, x2, x3; did you mean 'x1'?

d = spurious n=10
e = select d [x9]
