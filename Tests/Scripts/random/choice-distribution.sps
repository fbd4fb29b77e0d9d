# Without size=, choice is a distribution drawn per row; p= weights it
seed 0
d = spurious n=50 factor=(choice [0.1, 0.5] p=[1, 0])
print d.n  # expect: 50
print (choice [1, 2]) (choice [1, 2] p=[1, 3])  # expect: choice [1.0, 2.0] choice [1.0, 2.0] p=[0.25, 0.75]
print (choice [1, 2] p=[1])  # expect error col 24: choice has 2 values but p= has 1 weights; give one weight per value
