# expect error col 11: a param's shape is a list of sizes (whole numbers >= 0), got 1.5
w = param [1.5, 2]
