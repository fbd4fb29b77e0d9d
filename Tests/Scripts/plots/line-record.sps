print (plot line {t: [1, 2, 3], v: [3, 1, 2]} x=t width=30 height=6)
# expect: ── v
# expect: v
# expect: 3 ┤⠒⠤⠤⣀⡀
# expect: 2 ┤    ⠈⠉⠒⠒⠤⢄⣀       ⢀⣀⣀⣀⠤⠤⠤⠒⠒
# expect: 1 ┤           ⠉⠉⠒⠒⠊⠉⠉⠁
# expect: └┬────────────┬────────────┬
# expect: 1            2            3
# expect: t
