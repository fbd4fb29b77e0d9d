# report … format="plot": a group of bars per column, a bar per row, the spread as ± error bars
results = repeat seeds=0..2 algorithm=["erm", "irm"] dataset=["a", "b"] {
  offset = 0
  if algorithm == "irm" { offset = 10 }
  record test=(seed + offset)
}
p = report results rows=algorithm cols=dataset format="plot"
print p.kind p.series p.xlabel p.ylabel  # expect: bar ["erm", "irm"] dataset test ± se
# spread="std" and scale= label the axis
print (report results rows=algorithm cols=dataset format="plot" spread="std" scale=100).ylabel  # expect: test × 100 ± std
# the bars are the report's means and the whiskers its standard errors: erm 1 ± 0.33, irm 11 ± 0.33
q = report results rows=algorithm format="plot" width=40 height=12
print q
# expect: █ erm   ▓ irm
# expect: test ± se
# expect: 15 ┤
# expect: │
# expect: 10 ┤                  ▃▃▃▃┼▃▃▃
# expect: │                  ▓▓▓▓▓▓▓▓
# expect: 5 ┤                  ▓▓▓▓▓▓▓▓
# expect: │                  ▓▓▓▓▓▓▓▓
# expect: 0 ┤          ▃▃▃▃┼▃▃▃▓▓▓▓▓▓▓▓
# expect: └──────────────────┬─────────────────
# expect: test
# A results table with a method column gives a chart per selection method, side by side
sel = selection (repeat seeds=0..1 draw=0..1 algorithm=["erm", "irm"] { record val=(draw + seed) test=(draw * 2 + seed) oracle=draw }) by=[algorithm, seed]
g = report sel rows=algorithm format="plot"
print g.kind g.plots  # expect: grid 2
# file= ending in .svg writes the chart
report sel rows=algorithm file="/tmp/sps-golden-report.svg"  # expect: wrote grid of 2 plots to /tmp/sps-golden-report.svg
report sel rows=algorithm format="plot" file="/tmp/sps-golden-report.png"  # expect error col 46: report: file= writes an SVG file, so the name must end in .svg, got "/tmp/sps-golden-report.png"
