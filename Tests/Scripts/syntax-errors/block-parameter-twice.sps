# expect error col 9: the block's parameter 'x' is named twice
f = { x x -> x }
