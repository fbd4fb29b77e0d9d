# Nodes are the block's own top-level assignments, whatever names exist outside: a parameter of the enclosing
# def, a local a closure shares, a loop variable, a global. The outer variables keep their values.
seed 0
def make a x {
  def show { x }
  d = scm n=10 target=y { x = normal 0 1; a = x * 2; y = x + a }
  print a x (show()) d.features (sum (d.a == 2 * d.x))
}
make 10 "outer x"  # expect: 10 outer x outer x ["x", "a"] 10
for x in [1] {
  d = scm n=5 target=y { x = normal 0 1; y = x }
  print x d.features  # expect: 1 ["x"]
}
y = "global y"
b = { scm n=5 target=y { x = normal 0 1; y = 3 * x } }
d = b()
print y d.target (sum (d.y == 3 * d.x))  # expect: global y y 5
def per_env f {
  d = scm n=20 envs=2 target=y features=["f"] { f = sample (uniform 0 1); y = normal 0 1 }
  print f d.features
}
per_env 0.5  # expect: 0.5 ["f"]
