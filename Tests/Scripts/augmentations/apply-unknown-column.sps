d = spurious n=10
apply (noise x33 std=1) d  # expect error: apply: 'noise x33 std=1' changes 'x33', but there is no such feature; the features are x1, x2, x3; did you mean 'x3'?
