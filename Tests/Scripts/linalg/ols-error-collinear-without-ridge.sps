# ols without ridge: a feature that copies another is an error naming it
seed 0
c = scm n=50 target=y {
  x1 = normal 0 1
  x2 = x1 * 1
  y = x1 + normal 0 0.1
}
r = ols c intercept=false  # expect error: ols: the features are collinear: column 'x2' is a linear combination of the columns before it
