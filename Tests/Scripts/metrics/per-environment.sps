# env_metrics: a model's metrics in each environment; env_risks: mean, worst and an α-quantile over them.
a = dataset (tensor [[1], [2]]) (tensor [1, 2])
b = dataset (tensor [[1], [2]]) (tensor [2, 4])
c = dataset (tensor [[1], [2]]) (tensor [0, 0])
d = concat [a, b, c]
m = linear 1 1
m.weight = tensor [[1]]
m.bias = tensor [0]
t = env_metrics m d metric=[mse, mae]
# expect: env  rows     mse     mae
# expect: ───  ────  ──────  ──────
# expect:   0     2       0       0
# expect:   1     2  2.5000  1.5000
# expect:   2     2  2.5000  1.5000
print t
r = env_risks m d metric=mse alpha=0.5
# expect: 1.6666666 2.5 1 2.5
print r.mean r.worst r.worst_env r.quantile
# expect: 0 1.25
print r.best (env_risks m d metric=mse alpha=0.25).quantile
# alpha=1 is the worst environment. For accuracy, worse is smaller: the worst is the smallest accuracy.
# expect: 2.5
print (env_risks m d alpha=1).quantile
e0 = dataset (tensor [[1], [-1]]) (tensor [1, 0])
e1 = dataset (tensor [[1], [-1]]) (tensor [0, 0])
r = env_risks m (concat [e0, e1]) metric=accuracy alpha=1
# expect: 0.5 1 0.5 1 0.75
print r.worst r.worst_env r.quantile r.best r.mean
# expect error: alpha must be between 0 and 1, got 2
env_risks m d alpha=2
