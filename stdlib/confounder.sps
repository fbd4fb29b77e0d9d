# confounder.sps — a structural causal model with a hidden confounder.
#
# u is hidden: it drives both x and y, so x predicts y in this data without causing it. A second environment
# shifts u's effect on x; a model that used x's link to y pays for it there.

seed 1
def world shift {
  scm n=4000 target=y features=[x, z] {
    _u = normal 0 1                  # hidden confounder (not exported)
    z  = normal 0 1                  # a real cause of y
    x  = shift * _u + normal 0 0.5   # caused by u only
    y  = 2 * z + 1.5 * _u + normal 0 0.5
  }
}
train = world 1
shifted = world -1

say "x is correlated with y in training, through the hidden u"
print (corr train)
say "...and the correlation flips when u's effect on x flips"
print (corr shifted)

m = linear 2 1
fit m train epochs=20 batch=64 optim=(adam lr=1e-2)
say "The model uses x (weight on x clearly non-zero) and fails in the shifted world"
print m.weight
print (eval m [train, shifted])
