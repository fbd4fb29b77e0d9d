plot hist (randn 10) to="/tmp/sps-golden-plot.png"  # expect error col 25: plot: to= writes an SVG file, so the name must end in .svg, got "/tmp/sps-golden-plot.png"
