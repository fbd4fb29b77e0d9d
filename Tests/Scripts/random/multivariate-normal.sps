# multivariate_normal: rows drawn from N(mean, cov), in double precision
seed 0
x = multivariate_normal [1, -1] [[1, 0.8], [0.8, 1]] 20000
print x.shape  # expect: [20000, 2]
m = mean x axis=0
print ((abs (m[0] - 1)) < 0.05) ((abs (m[1] + 1)) < 0.05)  # expect: true true
c = (x - m).T @ (x - m) / 19999
print ((abs (c[0, 1] - 0.8)) < 0.05) ((abs (c[1, 1] - 1)) < 0.05)  # expect: true true
print (multivariate_normal [0, 0] [[1, 0], [0, 0]] 3)[.., 1]
# expect: 3-element Tensor{Float32}:
# expect: 0  0  0
print (multivariate_normal [0, 0] (eye 2)).shape  # expect: [2]
print (multivariate_normal [0, 0] (eye 3) 5)  # expect error col 36: a mean of shape [2] needs a covariance of shape [2, 2], got [3, 3]
