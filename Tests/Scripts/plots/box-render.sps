print (plot box {a: [1, 2, 3, 4, 5]} width=30)
# expect: │        ┌───┬───┐
# expect: a   │    ├───┤   │   ├───┤
# expect: n=5 │        └───┴───┘
# expect: └┬───────┬───────┬───────┬
# expect: 0       2       4       6
# expect: a
