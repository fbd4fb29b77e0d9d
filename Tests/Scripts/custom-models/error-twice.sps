l = linear 3 3
# expect error col 16: layer 2 (Linear(3 => 3)) appears twice in this sequential; give the second use its own weights with copy m
m = sequential [l, l]
