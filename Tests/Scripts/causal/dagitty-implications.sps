# Implied conditional independencies (dagitty's impliedConditionalIndependencies, type "missing.edge"), against
# dagitty's documented outputs. sps writes each pair in the model's (causal) order, so "x _||_ y" may read
# "y _||_ x"; the conditioning set is in the model's order too.

# dagitty R manual, impliedConditionalIndependencies example (rdrr.io/rforge/dagitty "Example output"):
#   g <- dagitty("dag{ x -> m -> y }"); impliedConditionalIndependencies(g)   x _||_ y | m
#   latents(g) <- c("m"); impliedConditionalIndependencies(g)                 (none)
chain = { x = normal 0 1; m = x + normal 0 1; y = m + normal 0 1 }
print (independencies (graph chain))  # expect: ["x _||_ y | m"]
hidden = { x = normal 0 1; _m = x + normal 0 1; y = _m + normal 0 1 }
print (independencies (graph hidden))  # expect: []

# dagitty's test suite, test/test/testable-implications.js, "Small model with mediator" (Z -> X -> I -> Y,
# Z -> I, X -> Y):  "Y _||_ Z | I, X"
mediator = {
  Z = normal 0 1
  X = Z + normal 0 1
  I = Z + X + normal 0 1
  Y = X + I + normal 0 1
}
print (independencies (graph mediator))  # expect: ["Z _||_ Y | X, I"]

# The same file, commentator1 (Kyono's "Commentator" graph; A, B, C latent) — dagitty lists:
#   X _||_ V | W1, Z1          X _||_ Z2 | V, W2          X _||_ Z2 | W1, W2, Z1
#   Y _||_ V | W1, W2, Z1, Z2  V _||_ W1                  V _||_ W2
#   W1 _||_ Z2 | W2            W2 _||_ Z1 | W1            Z1 _||_ Z2 | V, W2        Z1 _||_ Z2 | V, W1
commentator = {
  _A = normal 0 1
  _B = normal 0 1
  _C = normal 0 1
  V = normal 0 1
  W1 = _A + _B + normal 0 1
  W2 = _A + _C + normal 0 1
  Z1 = V + W1 + normal 0 1
  Z2 = V + W2 + normal 0 1
  X = _B + Z1 + normal 0 1
  Y = _C + X + Z2 + normal 0 1
}
g = graph commentator
for s in (independencies g) { print s }
# expect: V _||_ W1
# expect: V _||_ W2
# expect: V _||_ X | W1, Z1
# expect: V _||_ Y | W1, W2, Z1, Z2
# expect: W1 _||_ Z2 | W2
# expect: W2 _||_ Z1 | W1
# expect: Z1 _||_ Z2 | V, W1
# expect: Z1 _||_ Z2 | V, W2
# expect: Z2 _||_ X | V, W2
# expect: Z2 _||_ X | W1, W2, Z1
# Each of dagitty's ten statements is a d-separation in the graph:
print (dsep g X V given=[W1, Z1]) (dsep g X Z2 given=[V, W2]) (dsep g X Z2 given=[W1, W2, Z1])  # expect: true true true
print (dsep g Y V given=[W1, W2, Z1, Z2]) (dsep g V W1) (dsep g V W2)  # expect: true true true
print (dsep g W1 Z2 given=[W2]) (dsep g W2 Z1 given=[W1]) (dsep g Z1 Z2 given=[V, W2]) (dsep g Z1 Z2 given=[V, W1])  # expect: true true true true
