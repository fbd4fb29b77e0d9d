print (plot hist [1, 1, 2, 3] bins=3 width=30 height=5)
# expect: count
# expect: 2 ┤
# expect: 1 ┤█████████
# expect: 0 ┤███████████████████████████
# expect: └┬────────────┬────────────┬
# expect: 1            2            3
# expect: value
