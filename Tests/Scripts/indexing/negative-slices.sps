# Negative range bounds count from the end, as negative integers do: -1 is the last item (issue 16)
xs = [10, 20, 30, 40, 50]
print xs[-1] xs[-2..-1] xs[-3..<-1]  # expect: 50 [40, 50] [30, 40]
print xs[0..-2] xs[-5..0]  # expect: [10, 20, 30, 40] [10]
print xs[2..<2] xs[-1..<-1]  # expect: [] []
print "abcdef"[-3..-1]  # expect: def
t = tensor [1, 2, 3, 4]
print t[-2..-1]
# expect: 2-element Tensor{Float32}:
# expect: 3  4
print xs[-6..-1]  # expect error: range -6..-1 is out of range for list of length 5
