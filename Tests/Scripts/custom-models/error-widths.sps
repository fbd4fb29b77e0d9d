# Layers whose widths do not fit are refused where the list is written.
# expect error col 16: layer 3 (Linear(32 => 1)) takes 32 inputs but layer 1 gives 64
m = sequential [linear 3 64, act relu, linear 32 1]
