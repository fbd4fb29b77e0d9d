# ols: intercept=false fits through 0; l2= is ridge (scikit-learn's Ridge(alpha)), which never penalizes the intercept
seed 0
d = scm n=200 target=y {
  x = normal 0 1 cols=2
  y = x @ (tensor [2, -1]) + 3
}
best = ols d
print (abs (best.weight[0, 0] - 2) < 1e-5) (abs (best.weight[0, 1] + 1) < 1e-5) (abs (best.bias[0] - 3) < 1e-5)  # expect: true true true
through0 = ols d intercept=false
print through0.bias[0]  # expect: 0
print ((rmse through0 d) > (rmse best d))  # expect: true
ridge = ols d l2=50
print ((abs ridge.weight[0, 0]) < 2) ((abs ridge.weight[0, 1]) < 1)  # expect: true true
huge = ols d l2=1e12
# the weights vanish; the intercept becomes the mean of y (it is not penalized)
print ((abs huge.weight[0, 0]) < 1e-6) ((abs (huge.bias[0] - (mean d.y))) < 1e-4)  # expect: true true
none = ols d intercept=false l2=1e12
print ((abs none.weight[0, 0]) < 1e-6) none.bias[0]  # expect: true 0
# ridge is unique even when a feature is a copy of another
c = scm n=50 target=y {
  x1 = normal 0 1
  x2 = x1 * 1
  y = x1 + normal 0 0.1
}
r = ols c l2=1
print ((abs (r.weight[0, 0] - r.weight[0, 1])) < 1e-5)  # expect: true
