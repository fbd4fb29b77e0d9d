# Adjustment sets (dagitty's adjustmentSets, type "minimal" and "canonical") against dagitty's documented results.

# dagitty R tests, r/tests/testthat/testAdjustments.R, the M-bias graph
#   dag {X [exposure] Y [outcome] { A B } -> Z  A -> X B -> Y }
# adjustmentSets: {} (adjust for nothing); with A adjusted: "A"; with Z adjusted: "A,Z" and "B,Z".
mbias = {
  A = normal 0 1
  B = normal 0 1
  Z = A + B + normal 0 1
  X = A + normal 0 1
  Y = X + B + normal 0 1
}
g = graph mbias
print (adjustment g X Y)  # expect: [[]]
print (adjustment g X Y include=[A])  # expect: [["A"]]
print (adjustment g X Y include=[Z])  # expect: [["A", "Z"], ["B", "Z"]]
# Z is a collider: A and B are independent, and dependent given Z (adjusting for Z alone opens X <- A -> Z <- B -> Y).
print (dsep g A B) (dsep g A B given=[Z])  # expect: true false

# dagitty's test suite, test/test/adjustment-dags.js: "{x[e]} <- a -> m <- b -> {y[o]}" gives "{}", and with m
# adjusted "{a, m}" and "{b, m}".
mb = { a = normal 0 1; b = normal 0 1; m = a + b + normal 0 1; x = a + normal 0 1; y = b + normal 0 1 }
h = graph mb
print (adjustment h x y) (adjustment h x y include=[m])  # expect: [[]] [["a", "m"], ["b", "m"]]

# The same file: "dag{x[e] y[o] x<-z->y}" — z is an adjustment set; the M-bias variant m_bias_graph
# (U1 -> A, U1 -> M, U2 -> M, U2 -> B, A -> B; exposure A, outcome B) with M adjusted: "{M, U1}" and "{M, U2}".
fork = { z = normal 0 1; x = z + normal 0 1; y = z + normal 0 1 }
print (adjustment (graph fork) x y) (adjustment (graph fork) x y type="canonical")  # expect: [["z"]] ["z"]
m2 = { U1 = normal 0 1; U2 = normal 0 1; M = U1 + U2 + normal 0 1; A = U1 + normal 0 1; B = A + U2 + normal 0 1 }
print (adjustment (graph m2) A B include=[M])  # expect: [["U1", "M"], ["U2", "M"]]

# r/tests/testthat/testAdjustments.R, "mediation": dag{ {x[e]} -> m -> {y[o]} -> S }: the empty set is an
# adjustment set, {m} is not (m is on the causal path).
med = { x = normal 0 1; m = x + normal 0 1; y = m + normal 0 1; S = y + normal 0 1 }
print (adjustment (graph med) x y) (adjustment (graph med) x y type="canonical")  # expect: [[]] []

# A confounder behind a confounder (causalverse's dag_adjustment_sets example, computed with dagitty):
# dag{ X -> Y; Z -> X; Z -> Y; U -> Z; U -> Y } gives {Z}.
deep = { U = normal 0 1; Z = U + normal 0 1; X = Z + normal 0 1; Y = X + Z + U + normal 0 1 }
print (adjustment (graph deep) X Y)  # expect: [["Z"]]
print (adjustment (graph deep) X Y type="canonical")  # expect: ["U", "Z"]

# A hidden confounder: no set of observed nodes works.
conf = { _u = normal 0 1; x = _u + normal 0 1; y = x + _u + normal 0 1 }
print (adjustment (graph conf) x y) (adjustment (graph conf) x y type="canonical")  # expect: [] nil
