# A Float32 becomes a number in the shortest form that reads back as the same Float32, not with 17 digits.
xs = tensor [0.1, 1.5, -2.4337520599365234]
print xs[2] xs[0]  # expect: -2.433752 0.1
print (sum (tensor [0.1, 0.2])) (sample (tensor [0.7]))  # expect: 0.3 0.7
for x in xs { print x }
# expect: 0.1
# expect: 1.5
# expect: -2.433752
# Written back, the number is the same Float32.
ys = tensor [xs[2]]
print (ys[0] == xs[2]) (sum (ys == xs[2]))  # expect: true 1
# Numbers computed in Double keep every digit.
print (0.1 + 0.2)  # expect: 0.30000000000000004
