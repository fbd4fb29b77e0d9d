seed 0
d = spurious n=30
plot scatter d x=x3 y=y names=[train]  # expect error: plot scatter: names= names the groups of by=; give by= too
