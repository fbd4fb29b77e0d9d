# Bad input: unknown column in select

d = spurious n=10
# expect error: select: no feature named 'x9'; the features are x1, x2, x3; did you mean 'x1'?
e = select d [x9]
