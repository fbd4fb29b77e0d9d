# map applies a def to each element of a list or range: per-environment losses in one line.
def sq x { x * x }
# expect: [1, 4, 9]
print (map [1, 2, 3] sq)
# expect: [0, 1, 4]
print (map 0..<3 sq)
# expect: ["1", "2"]
print (map [1, 2] str)
w = param (tensor [1, 2])
def loss_at t { mse w t }
losses = stack (map [(tensor [0, 0]), (tensor [1, 2])] loss_at)
# expect: 2.5 0
print (detach losses)[0] (detach losses)[1]
# expect error col 6: map needs a list or a range, got tensor
map (tensor [1, 2]) sq
