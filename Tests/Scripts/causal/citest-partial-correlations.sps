# citest: the partial-correlation tests of dagitty's localTests(type = "cis"), against a reference computed
# independently with numpy/scipy from the same 300 rows (saved with `save d "x.csv"`):
#   r = -P[0,1]/sqrt(P[0,0] P[1,1]) with P the inverse correlation matrix of (x, y, z...),
#   p = chi2.sf(atanh(r)^2 (n - |z| - 3), 1),  interval tanh(atanh(r) -/+ norm.ppf(0.975) / sqrt(n - |z| - 3)).
world = {
  x1 = normal 0 1
  x2 = normal 0 1
  y  = x1 + 2*x2 + 3 + normal 0 1
  x3 = y / 0.2 + normal 0 3
}
seed 5
d = scm n=300 target=y world
t = citest (graph world) d
print t.test  # expect: ["x1 _||_ x2", "x1 _||_ x3 | y", "x2 _||_ x3 | y"]
def close a b { (max (abs (a - (tensor b)))) < 1e-6 }
print (close t.estimate [0.15362012363476438, -0.0801702468435463, 0.1588569271808563])  # expect: true
print (close t.p_value [0.007617558393401242, 0.1668895582280627, 0.00584374347623141])  # expect: true
print (close t.ci_low [0.041094161483266195, -0.19185588075218798, 0.04626017741425484])  # expect: true
print (close t.ci_high [0.2622980078134449, 0.03356530802900191, 0.267467696148936])  # expect: true
u = citest (graph world) d level=0.9
print (close u.ci_low[0] [0.059332105068771936]) (close u.ci_high[0] [0.24519129488518943])  # expect: true true
# 300 rows are few: x1 _||_ x2 holds in the model, yet this sample rejects it at 1% — a test is a test.
