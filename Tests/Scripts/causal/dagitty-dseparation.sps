# d-separation against dagitty's test suite (test/test/dseparation.js, GraphAnalyzer.dConnected; d-separated is
# its negation).
chain = { x = normal 0 1; m = x + normal 0 1; y = m + normal 0 1 }
g = graph chain
# "x -> m -> y": dConnected(x, y) true; dConnected(x, y | m) false
print (dsep g x y) (dsep g x y given=[m])  # expect: false true
# "a->x->m<-y m->p": dConnected(a, y | m) true (conditioning on the collider m opens the path)
collider = { a = normal 0 1; y = normal 0 1; x = a + normal 0 1; m = x + y + normal 0 1; p = m + normal 0 1 }
h = graph collider
print (dsep h a y) (dsep h a y given=[m])  # expect: true false
# "x->m<-y m->p": dConnected(x, y | m) true, and conditioning on the collider's descendant p opens it too
print (dsep h x y given=[m]) (dsep h x y given=[p]) (dsep h x y)  # expect: false false true
# Sets on either side, and a node on both sides is an error.
print (dsep h [a, x] y) (dsep h [a, x] [y, p])  # expect: true false
dsep h x x  # expect error: dsep: 'x' is on both sides
