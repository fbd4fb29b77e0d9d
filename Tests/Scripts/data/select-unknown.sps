d = spurious n=10
select d [x1, x33]  # expect error: select: no feature named 'x33'; the features are x1, x2, x3; did you mean 'x3'?
