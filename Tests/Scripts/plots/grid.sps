seed 0
a = plot scatter (spurious n=20) x=x3 y=y
b = plot scatter (spurious n=20 factor=0.1) x=x3 y=y
g = grid [a, b] cols=2 title="iid vs ood"
print g.kind g.plots g.title  # expect: grid 2 iid vs ood
print ((len g.text) > 100)  # expect: true
grid a b to="/tmp/sps-golden-grid.svg"  # expect: wrote grid of 2 plots to /tmp/sps-golden-grid.svg
