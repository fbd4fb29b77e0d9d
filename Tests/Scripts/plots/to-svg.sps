seed 0
d = spurious n=20
r = plot scatter d x=x3 y=y to="/tmp/sps-golden-plot.svg"  # expect: wrote scatter plot to /tmp/sps-golden-plot.svg
print (type r)  # expect: nil
plot hist d x3 to="/tmp/sps-golden-hist.SVG"  # expect: wrote histogram to /tmp/sps-golden-hist.SVG
