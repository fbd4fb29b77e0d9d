print (noise x3 std=30)  # expect: noise x3 std=30
print (noise x3 std=(uniform 0 30))  # expect: noise x3 std=(uniform 0.0 30.0)
print (type (noise x3))  # expect: Augmentation
