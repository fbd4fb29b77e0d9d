# The graph of an scm block: nodes from assignments, edges from what each reads (through parameters too),
# hidden nodes marked, a block of columns as one node; drawn in layers (causes above effects), and as DOT.
world = {
  _u = normal 0 1
  x1 = normal 0 1
  b  = normal 0 1 cols=3
  w  = tensor [1, 0.5, 0]
  s  = b @ w
  k  = 2
  y  = k * x1 + s + _u + normal 0 1
  x3 = y / 0.2 + _u
}
g = graph world
print g
print g.hidden (parents g y) (parents g x3)
print (draw g)
print (dot g)
d = draw g
print ((len d.svg) > 500) (d.text == (draw g).text)
# expect: CausalGraph: _u (hidden), x1, b (3 columns), s, y, x3 (6 nodes, 6 edges)
# expect:   b → s
# expect:   _u → y
# expect:   x1 → y
# expect:   s → y
# expect:   _u → x3
# expect:   y → x3
# expect: ["_u"] ["_u", "x1", "s"] ["_u", "y"]
# expect: (_u)   x1   b[3]
# expect:  │     │     │
# expect:  ├───┐ │     │
# expect:  │   │ └─┐   │
# expect:  │   │   │   ▼
# expect:  │   │   │   s
# expect:  │   │   │   │
# expect:  │   └───┤   │
# expect:  └───┐   ├───┘
# expect:      │   ▼
# expect:      │   y
# expect:      │   │
# expect:      └─┐ │
# expect:        ├─┘
# expect:        ▼
# expect:        x3
# expect: digraph scm {
# expect:   rankdir=TB;
# expect:   node [shape=box];
# expect:   "_u" [style=dashed];
# expect:   "x1";
# expect:   "b" [label="b (3 columns)"];
# expect:   "s";
# expect:   "y";
# expect:   "x3";
# expect:   "b" -> "s";
# expect:   "_u" -> "y";
# expect:   "x1" -> "y";
# expect:   "s" -> "y";
# expect:   "_u" -> "x3";
# expect:   "y" -> "x3";
# expect: }
# expect:
# expect: true true
