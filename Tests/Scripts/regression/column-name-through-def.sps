# Regression (issue 14): a column name could not be passed through a def — `noise col` inside
# `def jitter col { … }` perturbed a column literally named `col`. A bare name in a column-name position that is
# a local variable (a parameter of the def, a variable of a def, block or loop body) passes its value.
seed 0
d = spurious n=50
def jitter col { noise col std=30 }
print (jitter "x3")  # expect: noise x3 std=30
a = apply (jitter "x3") d
print (sum (a.x3 == d.x3)) (sum (a.x1 == d.x1))  # expect: 0 50
def second { col = "x2"; noise col }
print (second())  # expect: noise x2 std=1
third = { c = "x1"; scale c by=2 }
print (third())  # expect: scale x1 by=2
for c in ["x1", "x2"] { print (permute c) }
# expect: permute x1
# expect: permute x2
def pick data extra { select data [x1, extra] }
print (pick d "x3").features  # expect: ["x1", "x3"]
def pick_all data cols { select data cols }
print (pick_all d ["x2", "x3"]).features  # expect: ["x2", "x3"]
print (pick_all d "x3").features  # expect: ["x3"]
def make t { scm n=10 target=t { a = normal 0 1; b = 2 * a } }
print (make "b").features (make "a").features  # expect: ["a"] ["b"]
