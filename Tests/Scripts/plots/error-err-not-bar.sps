# err= draws error bars on a bar chart only
plot scatter {a: [1, 2], b: [3, 4]} x=a y=[b] err=[a]  # expect error col 51: plot scatter: err= draws error bars on a bar chart (plot bar … err=[…])
