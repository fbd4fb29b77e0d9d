grid [plot hist (randn 5), 3]  # expect error: grid: item 2 is a number, not a plot
