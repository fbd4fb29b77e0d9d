# randn inside scm draws from the scm's data stream, so the prompt's own random numbers do not shift.
seed 1
r1 = randn 3
seed 1
d = scm n=20 target=y { x = normal 0 1; y = x + randn 20 }
r2 = randn 3
print (sum (r1 == r2))  # expect: 3
